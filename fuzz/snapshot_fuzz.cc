// Fuzz target: `cstd-indexer import` of an archive's bytes into an index
// folder that already serves a live generation.
//
// Contract under test: a snapshot is unpacked, checked and made live; any
// other bytes are refused with InputError (not a snapshot) or IndexError
// (the unpacked database fails its check), and the live generation is then
// untouched; nothing is written outside the index folder.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz/fuzz_index.h"
#include "indexer/snapshot.h"
#include "model/errors.h"
#include "model/index_layout.h"

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string scratch = cstd::fuzz::ScratchDir("snapshot");
  static const std::string index = [] {
    // A copy of the sample index: imports make and delete generations in it.
    const std::string dir = scratch + "/index";
    fs::copy(cstd::fuzz::SampleIndex(), dir, fs::copy_options::recursive);
    return dir;
  }();
  const std::string archive = scratch + "/in.tar.zst";
  {
    std::ofstream out(archive, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  const auto live_before = cstd::ReadCurrentGeneration(index);
  try {
    cstd::indexer::ImportIndex(index, archive);
    // Made live: it must open and pass its check (throws IndexError if not).
    cstd::CheckDatabase((fs::path(index) / *cstd::ReadCurrentGeneration(index)).string());
  } catch (const cstd::InputError&) {
    if (cstd::ReadCurrentGeneration(index) != live_before) __builtin_trap();
  } catch (const cstd::IndexError&) {
    if (cstd::ReadCurrentGeneration(index) != live_before) __builtin_trap();
  }
  // Nothing escaped the index folder.
  for (const auto& entry : fs::directory_iterator(scratch)) {
    const std::string name = entry.path().filename().string();
    if (name != "index" && name != "in.tar.zst") __builtin_trap();
  }
  return 0;
}
