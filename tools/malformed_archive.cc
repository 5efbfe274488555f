// cstd-malformed-archive: writes the malformed archive of
// tests/malformed_archive.h at full size (200+ bad files, a 200 MB line),
// indexes it with cstd-indexer beside its good files, and prints what
// became of every kind: exit 0 when every bad file was reported with its
// reason and every good one indexed, within the memory bound.
//
//   cstd-malformed-archive [--copies N] [--huge-line-mb M] [--work DIR] [-- BUILD_FLAG...]

#include "tests/malformed_archive.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/process.h"

int main(int argc, char** argv) {
  cstd::testing::MalformedOptions options;
  options.copies = 10;
  options.huge_line_mb = 200;
  std::string work;
  std::vector<std::string> extra;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--") {
      extra.assign(argv + i + 1, argv + argc);
      break;
    }
    if (i + 1 >= argc) {
      std::cerr << "usage: cstd-malformed-archive [--copies N] [--huge-line-mb M] [--work DIR] [-- BUILD_FLAG...]\n";
      return 2;
    }
    const std::string value = argv[++i];
    if (flag == "--copies") {
      options.copies = std::atoi(value.c_str());
    } else if (flag == "--huge-line-mb") {
      options.huge_line_mb = std::atoi(value.c_str());
    } else if (flag == "--work") {
      work = value;
    } else {
      std::cerr << "cstd-malformed-archive: unknown flag " << flag << "\n";
      return 2;
    }
  }
  std::optional<cstd::testing::TempDir> temp;
  if (work.empty()) {
    temp.emplace();
    work = temp->path();
  }
  const std::filesystem::path archive = std::filesystem::path(work) / "archive";
  const auto expected = cstd::testing::WriteMalformedArchive(archive, options);
  const auto r = cstd::testing::RunMalformedBuild(archive, std::filesystem::path(work) / "index", expected, extra);
  std::map<std::string, std::pair<int, bool>> kinds;  // kind -> count, good
  for (const auto& f : expected) {
    auto& k = kinds[f.kind];
    ++k.first;
    k.second = f.good;
  }
  std::cout << "kinds of file (count):\n";
  for (const auto& [kind, k] : kinds)
    std::cout << "  " << (k.second ? "good " : "bad  ") << kind << " " << k.first << "\n";
  for (const auto& f : r.failures) std::cout << "FAILED " << f << "\n";
  std::cout << "\nmalformed archive: " << r.Summary() << "\n";
  const bool ok = r.exit_code == 0 && r.failures.empty() && r.peak_memory_mb >= 0 && r.peak_memory_mb < 1024;
  if (!ok && r.failures.empty()) std::cout << r.build_output;
  std::cout << (r.bad_reported + r.good_indexed) << " passed, " << r.failures.size() << " failed\n";
  return ok ? 0 : 1;
}
