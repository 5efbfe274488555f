// What both sides of the index know about an archive file: its format (by
// extension), the largest file read, and the hash that tells its bytes
// apart. The indexer reads files by these rules; cstd-searchd serves the
// originals by them (GET /v1/documents/{doc_id}/original).

#ifndef CSTD_MODEL_ARCHIVE_FILE_H_
#define CSTD_MODEL_ARCHIVE_FILE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cstd {

/// The formats the indexer reads, by file extension: .txt; .md and
/// .markdown; .pdf; .html and .htm.
enum class Format { kText, kMarkdown, kPdf, kHtml };

/// The format for `path`'s extension (case-insensitive), or nullopt for any
/// other file. Never throws.
std::optional<Format> FormatOfPath(std::string_view path);

/// The format's name in the API: "text", "markdown", "pdf", "html".
std::string_view FormatName(Format format);

/// The Content-Type a file of `format` is served with: application/pdf, or
/// text/html, text/plain, text/markdown with charset=utf-8 (the indexer
/// reads only UTF-8 text, so an indexed text file is UTF-8).
std::string_view ContentTypeOf(Format format);

/// Files past this size are refused rather than read into memory: the
/// largest real CSTD report is a few MB, so 64 MB means a wrong file.
inline constexpr size_t kMaxFileBytes = 64u << 20;

/// A 64-bit FNV-1a-style hash of `bytes` as 16 hex digits: how a build
/// tells a changed file from one that was only touched, and how searchd
/// tells that a file still has the bytes that were indexed. (Its offset
/// basis is FNV's without the last digit, as the first indexes were built;
/// stored hashes and the ids of files sharing a name depend on it.)
std::string ContentHash(std::string_view bytes);

/// ContentHash over bytes that arrive in pieces (a table file streamed into
/// a snapshot): Update with each piece in order, then Hex gives what
/// ContentHash of all of them together gives.
class ContentHasher {
 public:
  void Update(std::string_view bytes);
  std::string Hex() const;

 private:
  uint64_t h_ = 1469598103934665603ull;
};

}  // namespace cstd

#endif  // CSTD_MODEL_ARCHIVE_FILE_H_
