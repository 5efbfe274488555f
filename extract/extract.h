// Extraction: one archive file in, the document model out. This is what
// `cstd-indexer inspect` prints and what `build` indexes.

#ifndef CSTD_EXTRACT_EXTRACT_H_
#define CSTD_EXTRACT_EXTRACT_H_

#include <string>
#include <string_view>

#include "extract/reader.h"
#include "model/document.h"

namespace cstd::extract {

/// Extracts the model from a file's text (see SourceText in reader.h).
/// `source` is the path as given and `relative` the path relative to its
/// SOURCE root; the document id derives from it (DocumentIdFor). Paragraphs
/// get the page they start on when the text has pages. Never throws on odd
/// text.
ExtractedDocument Extract(const std::string& source, const std::string& relative, const SourceText& text);

/// The same for text without pages (normalised, see NormaliseText).
ExtractedDocument Extract(const std::string& source, const std::string& relative, std::string_view text);

/// Reads and extracts `path`. Throws InputError when the file cannot be read
/// or is not text in a supported format, or when reading and extracting it
/// takes longer than the per-file time limit (file_deadline.h).
ExtractedDocument ExtractFile(const std::string& path, const std::string& relative);

/// The warning Extract gave a document whose body text did not all reach a
/// paragraph (letters_missing > 0): how many letters, and the first line
/// lost. "" when it lost none. A build prints it with the file's path and
/// counts such files in its summary.
std::string TextLostWarning(const ExtractedDocument& doc);

/// A stable, URL-safe document id from a path relative to its SOURCE root:
/// the file name without extension, lower-cased, characters other than
/// [a-z0-9_-] turned into '-'. "TXT/Session 78 - 2023/BRA_78_2023.txt" ->
/// "bra_78_2023".
std::string DocumentIdFor(std::string_view relative);

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_EXTRACT_H_
