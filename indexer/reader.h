// Reading archive files into normalised UTF-8 text.

#ifndef CSTD_INDEXER_READER_H_
#define CSTD_INDEXER_READER_H_

#include <string>
#include <string_view>

namespace cstd::indexer {

/// The formats the indexer reads, by file extension.
enum class Format { kText, kMarkdown };

/// The format for `path`'s extension (case-insensitive), or throws
/// InputError("unsupported format") for any other file.
Format FormatOf(const std::string& path);

/// True when `path` has an extension the indexer reads.
bool IsSupported(const std::string& path);

/// Normalises raw bytes of a text file: rejects empty input, binary data
/// (NUL bytes) and invalid UTF-8 with an InputError naming `path` and, for
/// UTF-8, the line and byte; strips a byte-order mark; turns CRLF and lone CR
/// into LF; converts to Unicode NFC.
std::string NormaliseText(const std::string& path, std::string_view bytes);

/// Reads `path` from disk and normalises it. Throws InputError if the file
/// cannot be read, is too large (kMaxFileBytes), or fails NormaliseText.
std::string ReadFile(const std::string& path);

/// Files past this size are refused rather than read into memory: the
/// largest real CSTD report is a few MB, so 64 MB means a wrong file.
inline constexpr size_t kMaxFileBytes = 64u << 20;

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_READER_H_
