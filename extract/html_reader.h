// Reading HTML files: the text of the DOM, through the gumbo HTML5 parser,
// in the plain-text form ParseStructure reads.

#ifndef CSTD_EXTRACT_HTML_READER_H_
#define CSTD_EXTRACT_HTML_READER_H_

#include <string>
#include <string_view>
#include <vector>

namespace cstd::extract {

/// The text of the HTML file whose bytes are `bytes` (`path` names it in
/// errors), laid out for ParseStructure:
/// - h1-h6 become a line "# text" with one '#' per level;
/// - block elements (p, div, li, tr, br, table, section, blockquote, ...)
///   end a block; blocks are separated by a blank line, and a block's text
///   is one line (each line of a pre is a block); table cells are separated
///   by a space; inside a heading or a superscript, block ends are spaces;
/// - an ordered list's items are numbered as the browser shows them: "12. "
///   (so they read as numbered paragraphs), "(a) " or "(iv) " for
///   type="a"/"i"; items of a footnote list (inside an element whose id or
///   class says "footnote") start with "<sup>N</sup> " instead, and so read as
///   footnote definitions;
/// - <sup>N</sup> is kept as the literal "<sup>N</sup>", so footnote
///   markers survive; no other tag is ever written;
/// - head, script, style, template, title, noscript, iframe, object, svg,
///   math, canvas, audio, video, select, textarea, elements with the hidden
///   attribute, and footnote back-links are dropped; comments too;
/// - entities are decoded by the parser, and the text is then escaped for
///   CleanInline (see EscapeInline), so "&amp;lt;b&gt;" in the source ends up
///   as the visible "<b>" and not as a tag or an entity;
/// - runs of white space (and no-break spaces) become one space.
/// The result is UTF-8 but not NFC: pass it through NormaliseText (ReadFile
/// does).
///
/// The bytes are checked first with NormaliseText's rules, so an empty file,
/// NUL bytes or invalid UTF-8 throw InputError naming the line and byte, as
/// for text files. The tree is walked with an explicit stack; elements
/// nested deeper than kMaxHtmlDepth are flattened before parsing (their tags
/// ignored, their text kept) with a warning appended to `warnings` when
/// given, because gumbo takes time quadratic in the nesting depth. Throws
/// InputError if gumbo fails or the page has no text.
std::string HtmlToText(const std::string& path, std::string_view bytes, std::vector<std::string>* warnings = nullptr);

/// Nesting depth past which HTML tags are ignored. Counted over elements
/// that need an end tag (p, li, td and the like close themselves and are not
/// counted), so the tree gumbo builds stays within a few times this. Blink
/// caps its DOM at 512 levels; real documents stay under 100.
inline constexpr size_t kMaxHtmlDepth = 1024;

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_HTML_READER_H_
