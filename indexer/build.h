// The `build` command: walks SOURCE files and folders, extracts each file and
// writes it into the index, skipping (and reporting) what cannot be read.
// Incremental by default (add, replace, skip unchanged, remove vanished);
// --rebuild, and the first build of an index, write a whole new generation.

#ifndef CSTD_INDEXER_BUILD_H_
#define CSTD_INDEXER_BUILD_H_

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "indexer/generation_builder.h"

namespace cstd::indexer {

struct BuildOptions {
  std::string index_dir;
  std::vector<std::string> sources;  // files or folders
  std::vector<std::string> metadata_paths;  // --metadata catalogues, merged in this order (see catalogue.h)
  bool rebuild = false;              // a new generation even if one is live
  unsigned threads = 0;              // for a new generation; 0: one per core
  bool terminal = false;             // progress as a redrawn bar
};

struct BuildSummary {
  std::string generation;    // written or updated
  bool rebuilt = false;      // a new generation (else the live one, in place)
  size_t files_indexed = 0;  // added + replaced
  size_t files_added = 0;
  size_t files_replaced = 0;
  size_t files_removed = 0;    // vanished from a SOURCE folder
  size_t files_unchanged = 0;  // same size and mtime, or same content
  size_t passages = 0;         // written
  uint64_t bytes = 0;          // bytes of the files indexed
  double seconds = 0;
  long peak_rss_kb = 0;
  std::vector<std::pair<std::string, std::string>> skipped;  // path, reason
  std::vector<std::string> files_losing_text;  // indexed, but some body text reached no paragraph (each warned)
  // New generations only: stored records, raw and compressed.
  uint64_t record_bytes = 0, record_bytes_stored = 0, record_bytes_plain = 0;
  std::vector<std::string> old_generations_kept;  // still held by a reader

  // With --metadata only:
  std::string catalogue;                       // its path (paths, ", "-separated); empty without --metadata
  size_t catalogue_rows = 0;                   // usable rows
  size_t files_with_row = 0;                   // files indexed that a row matched
  std::vector<std::string> unmatched_rows;     // "FILE:LINE: LABEL" of rows that matched no file
  std::vector<std::string> files_without_row;  // paths of files indexed that no row matched
  std::vector<std::string> matched_by_name;    // rows matched by Country name (see catalogue.h)
  size_t catalogue_warnings = 0;               // per-row problems, each printed when loading
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
/// InputError if the catalogue is not one (see Catalogue::Load).
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
