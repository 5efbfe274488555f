// A real index for the fuzz targets that search: the project's sample
// archive (data/sample) built once per process into a temporary folder, as
// cstd-indexer builds it. For fuzz targets only.

#ifndef CSTD_FUZZ_FUZZ_INDEX_H_
#define CSTD_FUZZ_FUZZ_INDEX_H_

#include <string>

namespace cstd::fuzz {

/// The folder of an index of data/sample, built on the first call (later
/// calls return the same folder) and removed when the process exits. Aborts
/// the process when the build fails: a fuzz target without its index would
/// only report false findings.
const std::string& SampleIndex();

/// A fresh temporary folder for the calling target's own files, removed when
/// the process exits. Aborts when it cannot be made.
std::string ScratchDir(const std::string& name);

}  // namespace cstd::fuzz

#endif  // CSTD_FUZZ_FUZZ_INDEX_H_
