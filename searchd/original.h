// A document's original file, as GET /v1/documents/{doc_id}/original serves
// it: the bytes that were indexed, or an error -- never other bytes under
// the indexed file's name.

#ifndef CSTD_SEARCHD_ORIGINAL_H_
#define CSTD_SEARCHD_ORIGINAL_H_

#include <string>
#include <string_view>

#include "model/archive_file.h"
#include "model/stored_records.h"

namespace cstd::searchd {

/// An original file, read and checked.
struct Original {
  std::string bytes;  // exactly the bytes that were indexed
  Format format = Format::kText;
  std::string file_name;  // the file's name, without its folders
};

/// Reads `file`, the file document `doc_id` was read from, whole, and checks
/// that it still holds the bytes that were indexed: the same size, then the
/// same ContentHash. The bytes returned are the bytes hashed, so a file
/// changed during the read is refused, not served half old. Throws
/// - NotFoundError when the file is gone from disk, cannot be read, or has
///   no format the indexer reads;
/// - ConflictError when it holds other bytes than were indexed (changed
///   since indexing; the next build of the index takes the new bytes).
/// Messages name the document and the file's name, never its folder: no
/// answer shows a path on the server.
Original ReadOriginal(const std::string& doc_id, const IndexedFile& file);

/// What ReadOriginal knows of `file` before it reads it: its name and its
/// format, `bytes` left empty (for a file another server reads: a shard's
/// searchd). Throws NotFoundError, as ReadOriginal, when the file has no
/// format the indexer reads.
Original DescribeOriginal(const std::string& doc_id, const IndexedFile& file);

/// The Content-Disposition that shows `file_name` in the browser and names
/// it when saved: `inline; filename="NAME"`, NAME with every byte outside
/// printable ASCII and every '"' and '\' turned into '_' (a header cannot
/// carry them, and a line break would end it); when that changed the name,
/// also `filename*=UTF-8''...`, the name percent-encoded (RFC 6266, 8187),
/// which browsers prefer.
std::string InlineDisposition(std::string_view file_name);

/// The entity tag of the original recorded by `record`: its content hash,
/// quoted. The same bytes always have the same tag, so a browser's copy is
/// revalidated without reading the file.
std::string OriginalEtag(const SourceRecord& record);

}  // namespace cstd::searchd

#endif  // CSTD_SEARCHD_ORIGINAL_H_
