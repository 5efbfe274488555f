#include "fuzz/fuzz_index.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <vector>

#include "indexer/build.h"

namespace cstd::fuzz {

namespace fs = std::filesystem;

namespace {

// Folders made by this process, removed at exit (libFuzzer ends with exit()).
std::vector<std::string>& Made() {
  static std::vector<std::string> made;
  return made;
}

void RemoveMade() {
  std::error_code ec;
  for (const auto& dir : Made()) fs::remove_all(dir, ec);
}

}  // namespace

std::string ScratchDir(const std::string& name) {
  std::string pattern = (fs::temp_directory_path() / ("cstd-fuzz-" + name + "-XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) {
    std::perror("cstd fuzz: mkdtemp");
    std::abort();
  }
  if (Made().empty()) std::atexit(RemoveMade);
  Made().push_back(pattern);
  return pattern;
}

const std::string& SampleIndex() {
  static const std::string index = [] {
    const std::string dir = ScratchDir("index") + "/index";
    indexer::BuildOptions options;
    options.index_dir = dir;
    options.sources = {std::string(CSTD_SOURCE_DIR) + "/data/sample"};
    options.threads = 1;
    std::ostringstream log;
    try {
      indexer::Build(options, log);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "cstd fuzz: cannot build the sample index: %s\n%s", e.what(), log.str().c_str());
      std::abort();
    }
    return dir;
  }();
  return index;
}

}  // namespace cstd::fuzz

// libFuzzer calls this once before the first input, outside the per-input
// timeout. The sample index is built here, not by the first input: on a
// loaded machine the build alone outlasts -timeout, and the first input
// would be reported as a timeout of the code under test (as the http
// target's was when it ran beside three compilers). Every target that
// links this unit uses the index, so each builds it up front.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  cstd::fuzz::SampleIndex();
  return 0;
}
