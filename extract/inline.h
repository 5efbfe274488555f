// Inline clean-up of one line of archive text: the scars that PDF-to-text
// conversion and Markdown leave inside a line.

#ifndef CSTD_EXTRACT_INLINE_H_
#define CSTD_EXTRACT_INLINE_H_

#include <string>
#include <string_view>
#include <vector>

namespace cstd::extract {

/// A footnote marker found in a line: the footnote's number and the byte
/// offset in the cleaned text just after the word it is attached to.
struct Marker {
  int number = 0;
  size_t offset = 0;
};

/// A cleaned line.
struct CleanLine {
  std::string text;
  std::vector<Marker> markers;
};

/// Cleans one line:
/// - footnote markers in the archive's forms -- `<sup>6</sup>`, the broken
///   `<sup>&</sup>lt;sup>6</sup>`, `^{12.}`, `$^{^{\rm 12}~$`, and Unicode
///   superscript digits `⁴⁰` -- are removed from the text and returned as
///   markers; `29<sup>th</sup>` becomes "29th";
/// - HTML entities (&amp; &lt; &gt; &quot; &#39; &nbsp; &#NNN;) are decoded
///   and any other tag is dropped;
/// - Markdown emphasis (`**`, `__`, `*x*`) and backslash escapes are removed;
/// - runs of white space become one space, and the ends are trimmed.
///
/// Linear in the line's length: every search for a closing "</sup>", '>',
/// ';', '}' or '$' looks only a short way ahead, so a 50 MB line with no
/// closing markup is cleaned in one pass.
CleanLine CleanInline(std::string_view line);

/// Escapes plain text -- the text of a PDF page or of HTML text nodes, which
/// is not markup -- so that CleanInline gives it back unchanged, white space
/// aside: '&' and '<' become "&amp;" and "&lt;", '^' before '{' "&#94;", and
/// '\', '*', '_' and a '#' at the start of a line get a backslash.
std::string EscapeInline(std::string_view text);

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_INLINE_H_
