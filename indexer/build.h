// The `build` command: walks SOURCE files and folders, extracts each file and
// writes it into the index, skipping (and reporting) what cannot be read.

#ifndef CSTD_INDEXER_BUILD_H_
#define CSTD_INDEXER_BUILD_H_

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace cstd::indexer {

struct BuildOptions {
  std::string index_dir;
  std::vector<std::string> sources;  // files or folders
};

struct BuildSummary {
  size_t files_indexed = 0;
  size_t passages = 0;
  uint64_t bytes = 0;  // bytes of the files indexed
  double seconds = 0;
  std::vector<std::pair<std::string, std::string>> skipped;  // path, reason
};

/// Runs a build. Progress and one warning line per skipped file go to
/// `progress`. Throws IndexError if the index cannot be opened or written
/// (nothing of this run is then committed), UsageError if a SOURCE does not
/// exist.
BuildSummary Build(const BuildOptions& options, std::ostream& progress);

/// The one-paragraph summary printed at the end of a build.
std::string FormatSummary(const BuildSummary& summary);

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_BUILD_H_
