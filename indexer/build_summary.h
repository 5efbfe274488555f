// What a build did, for its report (FormatSummary, build.h): filled by the
// incremental build (build.cc) and by a new generation
// (generation_builder.h) alike, so the two count in one structure.

#ifndef CSTD_INDEXER_BUILD_SUMMARY_H_
#define CSTD_INDEXER_BUILD_SUMMARY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cstd::indexer {

struct BuildSummary {
  std::string generation;    // written or updated
  bool rebuilt = false;      // a new generation (else the live one, in place)
  size_t files_indexed = 0;  // added + replaced
  size_t files_added = 0;
  // A shard's build (--shard): files whose document another shard holds.
  size_t files_other_shards = 0;
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

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_BUILD_SUMMARY_H_
