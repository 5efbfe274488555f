// The on-disk layout of an index folder, shared by its writer (cstd-indexer)
// and its readers (cstd-searchd, cstd-query).
//
//   DIR/CURRENT          one line: the name of the live generation folder
//   DIR/gen-NNNNNN/      a Xapian database (one generation), with
//     cstd-build.json    what the build that wrote it measured (stats)
//     cstd-readers.lock  held (shared flock) by every process reading it
//   DIR/build.lock       held (exclusive flock) by the one running build
//   DIR/xapian-stub      a Xapian stub database file ("auto gen-NNNNNN"):
//                        the live generation for xapian-tcpsrv, which opens
//                        it afresh for each connection (shards' ranking)
//   DIR/gen-NNNNNN.tmp/  a generation being built; debris if no build runs
//
// The live generation changes only by an atomic rename of CURRENT, so a
// reader always opens a whole generation. Locks are flock()s: the kernel
// drops them when their holder dies, even by kill -9, so no stale lock ever
// needs clearing by hand.

#ifndef CSTD_MODEL_INDEX_LAYOUT_H_
#define CSTD_MODEL_INDEX_LAYOUT_H_

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cstd {

/// Name of the pointer file inside an index folder.
inline constexpr const char* kCurrentFile = "CURRENT";
/// The Xapian stub file naming the live generation, kept beside CURRENT.
inline constexpr const char* kXapianStubFile = "xapian-stub";
/// Per-generation build report (JSON), written before the generation goes live.
inline constexpr const char* kBuildInfoFile = "cstd-build.json";
/// Per-generation lock file readers hold shared.
inline constexpr const char* kReadersLockFile = "cstd-readers.lock";
/// The writer's lock file.
inline constexpr const char* kBuildLockFile = "build.lock";
/// Suffix of a generation folder still being written.
inline constexpr const char* kTempSuffix = ".tmp";

/// "gen-000001": generation names sort in the order they were made.
std::string GenerationName(unsigned number);
inline std::string FirstGenerationName() {
  return GenerationName(1);
}

/// The number of generation folder `name`, or nullopt if it is not one.
std::optional<unsigned> GenerationNumber(const std::string& name);

/// The name of the generation after every one in `index_dir` (live, old or
/// half-built), so a new build never reuses a folder a reader may hold.
std::string NextGenerationName(const std::string& index_dir);

/// Creates an empty INDEX/`generation`.tmp folder (removing any debris of that
/// name) for a generation to be written in, and returns its path. Throws
/// IndexError when it cannot be made.
std::string CreateWorkspace(const std::string& index_dir, const std::string& generation);

/// The exclusive right to write an index folder, for as long as the object
/// lives. Taken by every build; a second build fails at once instead of
/// waiting or interleaving.
class BuildLock {
 public:
  /// Creates `index_dir` if needed and locks it. Throws IndexError saying
  /// another build (with its pid) holds the index, or why the lock file
  /// cannot be made.
  explicit BuildLock(const std::string& index_dir);
  ~BuildLock();
  BuildLock(const BuildLock&) = delete;
  BuildLock& operator=(const BuildLock&) = delete;

 private:
  int fd_ = -1;
};

/// A reader's claim on a generation folder: while any process holds one,
/// builds leave the folder alone. Missing lock files (an index copied by
/// hand) are tolerated: the claim is then empty.
class ReaderLease {
 public:
  ReaderLease(const std::string& index_dir, const std::string& generation);
  ~ReaderLease();
  ReaderLease(const ReaderLease&) = delete;
  ReaderLease& operator=(const ReaderLease&) = delete;

 private:
  int fd_ = -1;
};

/// Checks the database in folder `path` before it may go live: Xapian's own
/// consistency check of every table, then the schema version. Throws
/// IndexError naming `path` and what is wrong.
void CheckDatabase(const std::string& path);

/// Makes `ready` (a checked database folder inside `index_dir`) the live
/// generation `name`: fsyncs its files, renames it to INDEX/name, switches
/// CURRENT, then deletes older generations as their readers leave, waiting
/// at most `grace_seconds`. Returns the generations still held by readers
/// (the next build deletes them). Throws IndexError if the switch fails; the
/// previous generation then stays live.
std::vector<std::string> PublishGeneration(const std::string& index_dir, const std::string& ready,
                                           const std::string& name, double grace_seconds);

/// Deletes every generation folder of `index_dir` other than the live one
/// that no reader holds, and every half-built one (only call with the
/// BuildLock held). Returns the names of folders kept because a reader
/// still holds them.
std::vector<std::string> RemoveUnusedGenerations(const std::string& index_dir);

/// The live generation's folder name, or nullopt if `index_dir` holds no
/// index yet. Throws IndexError if CURRENT exists but cannot be read or names
/// a folder that is missing.
std::optional<std::string> ReadCurrentGeneration(const std::string& index_dir);

/// Points CURRENT at `generation` atomically: writes a temporary file, fsyncs
/// it, renames it over CURRENT and fsyncs the folder; then points the Xapian
/// stub (kXapianStubFile) at it the same way. Throws IndexError (with the
/// OS's reason) on failure: CURRENT is then unchanged, or, when only the
/// stub failed, switched (the message says so).
void WriteCurrentGeneration(const std::string& index_dir, const std::string& generation);

/// Opens the live generation of `index_dir` for reading and checks its schema
/// version. Throws IndexError when there is no index, when Xapian cannot open
/// it, or when its schema version differs from schema::kVersion.
Xapian::Database OpenIndex(const std::string& index_dir);

/// Opens generation folder `generation` of `index_dir` (a name
/// ReadCurrentGeneration gave, or LeasedIndex::generation) for reading and
/// checks its schema version: a second handle on a generation already open,
/// for another thread. Throws IndexError as OpenIndex.
Xapian::Database OpenGeneration(const std::string& index_dir, const std::string& generation);

/// OpenIndex() for a long-lived reader: takes a ReaderLease on the live
/// generation first, then opens it, so no build deletes it while `lease`
/// lives. `generation` is the folder opened.
struct LeasedIndex {
  std::unique_ptr<ReaderLease> lease;
  std::string generation;
  Xapian::Database db;
};
LeasedIndex OpenIndexLeased(const std::string& index_dir);

/// Throws IndexError unless `db` carries schema::kVersion. `where` names the
/// index in the message.
void CheckSchemaVersion(const Xapian::Database& db, const std::string& where);

}  // namespace cstd

#endif  // CSTD_MODEL_INDEX_LAYOUT_H_
