// Reading archive files into normalised UTF-8 text.

#ifndef CSTD_EXTRACT_READER_H_
#define CSTD_EXTRACT_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/archive_file.h"

namespace cstd::extract {

// The formats, kMaxFileBytes and ContentHash are in model/archive_file.h:
// cstd-searchd serves the originals by the same rules.

/// The format for `path`'s extension (see FormatOfPath), or throws
/// InputError("unsupported format") for any other file.
Format FormatOf(const std::string& path);

/// True when `path` has an extension the indexer reads.
bool IsSupported(const std::string& path);

/// Normalises raw bytes of a text file: rejects empty input, binary data
/// (NUL bytes) and invalid UTF-8 with an InputError naming `path` and, for
/// UTF-8, the line and byte; strips a byte-order mark; turns CRLF and lone CR
/// into LF; converts to Unicode NFC.
std::string NormaliseText(const std::string& path, std::string_view bytes);

/// A file's text in the form ParseStructure reads, and where its pages begin.
struct SourceText {
  std::string text;  // normalised UTF-8, LF line ends
  /// Byte offsets into `text` at which page 1, 2, ... begins, ascending;
  /// empty for formats without pages (text, Markdown, HTML).
  std::vector<size_t> page_starts;
};

/// Reads `path` from disk into normalised text (NormaliseText's rules hold
/// for every format) in the form ParseStructure reads. By format:
/// - .txt, .md (and any extension FormatOf does not know): the bytes as text;
/// - .pdf: the text of every page, see PdfToPages (pdf_reader.h), with
///   `page_starts` set;
/// - .html, .htm: the text of the DOM with headings as "#" lines, see
///   HtmlToText (html_reader.h).
/// Throws InputError naming `path` if the file cannot be read, is too large
/// (kMaxFileBytes), cannot be parsed in its format, or fails NormaliseText.
/// Anything worth telling about a file that was read (an HTML tree cut at
/// its maximum depth) is appended to `warnings` when it is given.
SourceText ReadFile(const std::string& path, std::vector<std::string>* warnings = nullptr);

/// ReadFile for bytes already in memory (`path` gives the format and names
/// the file in errors): what ReadFile does after reading, and throws alike,
/// except for the size limit, which is the reading's. The fuzz targets
/// (fuzz/) enter the readers here.
SourceText ParseFileBytes(const std::string& path, std::string_view bytes,
                          std::vector<std::string>* warnings = nullptr);

/// The bytes of `path`, unconverted. Throws InputError when it cannot be
/// read or is larger than kMaxFileBytes.
std::string ReadBytes(const std::string& path);

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_READER_H_
