// Nothing lost: every letter of a file's body text must reach a paragraph.
// Extraction compares the text it read with the paragraphs it made, so a
// rule that drops text (a cover block taken too far, a footnote rule eating
// a sentence) is seen at once and names the file and the line.

#ifndef CSTD_EXTRACT_TEXT_INTEGRITY_H_
#define CSTD_EXTRACT_TEXT_INTEGRITY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/structure.h"
#include "model/document.h"

namespace cstd::extract {

/// What became of a file's letters.
struct TextIntegrity {
  /// Letters of the text read, markup and markers aside.
  size_t letters_read = 0;
  /// Letters of the body text -- what is read, less page furniture, the
  /// head (cover) lines and footnotes, which have places of their own --
  /// that no paragraph holds. Zero when nothing is lost.
  size_t letters_missing = 0;
  /// The first line (1-based) of the text whose words no paragraph holds,
  /// and its text, when letters are missing.
  std::optional<size_t> first_missing_line;
  std::string first_missing_text;
};

/// Letters in `s`: ASCII letters, and each non-ASCII character (its lead
/// byte), which in this archive is nearly always a letter with a diacritic.
size_t CountLetters(std::string_view s);

/// Compares the text ParseStructure read (`text`, and the letters it
/// counted, structure.letters_read) with the paragraphs made from it.
/// Letters are compared, not words, so words hyphenated at line ends and
/// joined again count the same. Linear in the paragraphs' length; the text
/// is read again only to find the first line lost.
TextIntegrity CheckTextIntegrity(std::string_view text, const Structure& structure,
                                 const std::vector<Paragraph>& paragraphs);

/// Letters missing past which a file is reported: a few letters go with
/// markers that lost their superscript ("organization 10") and furniture
/// that names a page ("Page 3"), never a line of text.
inline constexpr size_t kMaxMissingLetters = 12;

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_TEXT_INTEGRITY_H_
