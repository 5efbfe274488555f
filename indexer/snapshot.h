// Snapshots: one .tar.zst file holding a compact copy of an index's live
// generation, to move an index between machines or keep a known-good one.

#ifndef CSTD_INDEXER_SNAPSHOT_H_
#define CSTD_INDEXER_SNAPSHOT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace cstd::indexer {

struct SnapshotReport {
  std::string generation;  // exported from, or imported as
  uint64_t files = 0;      // files in the archive
  uint64_t bytes = 0;      // their size, unpacked
  uint64_t archive_bytes = 0;
  std::vector<std::string> old_generations_kept;  // import: still held by a reader
};

/// Writes the live generation of `index_dir`, compacted, to `archive` (via a
/// temporary file beside it, renamed when complete). Reads like a searcher:
/// builds may run meanwhile. Throws IndexError when there is no index or the
/// archive cannot be written.
SnapshotReport ExportIndex(const std::string& index_dir, const std::string& archive);

/// Unpacks `archive` into a new generation of `index_dir` (created if
/// needed), checks it (Xapian's check and the schema version) and only then
/// makes it live. Takes the BuildLock. Throws InputError naming the archive
/// when it is not a snapshot (not zstd, not tar, a path that leaves the
/// folder, a file that is not a regular file), IndexError when the unpacked
/// database fails its check or cannot be written; the live generation is
/// then untouched.
SnapshotReport ImportIndex(const std::string& index_dir, const std::string& archive);

/// Limits on what an archive may unpack to: a snapshot holds a handful of
/// table files; anything else is not one of ours.
inline constexpr size_t kMaxSnapshotFiles = 64;

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_SNAPSHOT_H_
