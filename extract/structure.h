// Paragraph structure of a normalised archive text: which lines are headings,
// footnote definitions, numbered paragraphs or continuations, and how
// hard-wrapped lines re-flow into paragraphs.

#ifndef CSTD_EXTRACT_STRUCTURE_H_
#define CSTD_EXTRACT_STRUCTURE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/inline.h"

namespace cstd::extract {

/// A paragraph as found in the text, before attribution.
struct Block {
  std::optional<int> number;     // the paragraph number printed or inferred
  std::optional<int> page;       // 1-based page of its first line, when the text has pages
  bool number_inferred = false;  // true when the number came from the sequence
  std::string section;           // the heading it falls under
  std::string text;              // cleaned text, markers removed
  std::vector<Marker> markers;   // footnote markers, offsets into `text`
};

/// The parsed structure of a document.
struct Structure {
  /// Short lines at the head of the document (before the body starts):
  /// date, session, place, title lines. Metadata extraction reads these.
  std::vector<std::string> head;
  /// Markdown headings in order, cleaned.
  std::vector<std::string> headings;
  std::vector<Block> paragraphs;
  /// Footnote texts by number.
  std::map<int, std::string> footnotes;
  /// Page furniture left out of the text (page_furniture.h), in order: the
  /// running headers carry the document's symbol.
  std::vector<std::string> furniture;
  /// Letters of the text read, markup and markers aside (CountLetters in
  /// text_integrity.h): what must all reach a place.
  size_t letters_read = 0;
  std::vector<std::string> warnings;
};

/// Splits `text` (normalised UTF-8, LF line ends) into head, headings,
/// paragraphs and footnotes. `page_starts` (see SourceText in reader.h)
/// gives each block the page its first line is on; without it blocks have
/// no page. Never throws on odd input: whatever cannot be classified is kept
/// as paragraph text.
Structure ParseStructure(std::string_view text, const std::vector<size_t>& page_starts = {});

/// Hard-wrapped text (most lines at most this long, paragraphs not separated
/// by blank lines) is re-flowed. Typewriter-era UN records wrap at about 60
/// columns and PDF conversions at 70-90; free-flowing text has lines of
/// whole paragraphs, far longer.
inline constexpr size_t kMaxWrappedLineLength = 100;

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_STRUCTURE_H_
