// The `build` command: walks SOURCE files and folders, extracts each file and
// writes it into the index, skipping (and reporting) what cannot be read.
// Incremental by default (add, replace, skip unchanged, remove vanished);
// --rebuild, and the first build of an index, write a whole new generation.

#ifndef CSTD_INDEXER_BUILD_H_
#define CSTD_INDEXER_BUILD_H_

#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "indexer/build_summary.h"
#include "indexer/generation_builder.h"
#include "model/shard_layout.h"

namespace cstd::indexer {

struct BuildOptions {
  std::string index_dir;
  std::vector<std::string> sources;  // files or folders
  std::vector<std::string> metadata_paths;  // --metadata catalogues, merged in this order (see catalogue.h)
  bool rebuild = false;              // a new generation even if one is live
  unsigned threads = 0;              // for a new generation; 0: one per core
  bool terminal = false;             // progress as a redrawn bar
  /// --shard K/N: write only the documents of shard K (by the hash of their
  /// ids, or with --shard-layout by its rules), as a whole new generation.
  /// Every file is still read: document and speaker ids are given over the
  /// whole archive in file order, so the N shards agree on them (a shard
  /// built from its own files alone would give one person another id than
  /// its neighbours).
  std::optional<IndexShard> shard;
};

/// The files SOURCE arguments name: a file as itself, a folder walked
/// recursively with each folder's files in sorted path order (so builds are
/// repeatable), each with its size and mtime. Throws UsageError naming a
/// SOURCE that does not exist or cannot be walked.
std::vector<SourceFile> ListSourceFiles(const std::vector<std::string>& sources);

/// Runs a build under the index's BuildLock. Progress and one warning line
/// per skipped file go to `progress`. With `metadata_paths`, the catalogues
/// are loaded and merged before anything is indexed (their per-row warnings
/// go to `progress`), their speakers become the registry's anchors, and the
/// merged catalogue is applied to every file after extraction; another set
/// of catalogues (one added, removed, changed or given in another order)
/// makes every file count as changed. Throws IndexError if another build holds the
/// index, or if it cannot be opened or written (nothing of this run is then
/// committed), UsageError if a SOURCE or the catalogue does not exist,
/// InputError if the catalogue is not one (see extract::Catalogue::Load).
/// With `shard`, always writes a new generation; without it, an index that
/// is a shard is refused (UsageError naming --shard) unless rebuilt whole:
/// an incremental build would add other shards' documents to it.
BuildSummary Build(const BuildOptions& options, std::ostream& progress);

/// What identifies a set of catalogues for the index (schema::
/// kMetaCatalogueHash): the ContentHash of one file's bytes; for several,
/// the ContentHash of their hashes in order. Empty for none. Throws
/// UsageError if a file cannot be read.
std::string CatalogueHash(const std::vector<std::string>& paths);

/// The one-paragraph summary printed at the end of a build. Catalogue rows
/// that matched no file and files that had no row are counted, and the first
/// kSummaryListLimit of each are listed.
inline constexpr size_t kSummaryListLimit = 20;
std::string FormatSummary(const BuildSummary& summary);

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_BUILD_H_
