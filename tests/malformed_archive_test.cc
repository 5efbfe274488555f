// A malformed archive (tests/malformed_archive.h) indexed beside good files:
// every bad file reported with its reason, every good one indexed, peak
// memory bounded; and a file over the per-file time limit skipped and
// reported. tools/malformed-archive runs the full-size archive.

#include "tests/malformed_archive.h"

#include <gtest/gtest.h>

#include "tests/support/process.h"

namespace cstd::testing {
namespace {

TEST(MalformedArchiveTest, EveryBadFileIsReportedWithItsReasonAndEveryGoodOneIndexed) {
  TempDir temp;
  const auto archive = std::filesystem::path(temp.path()) / "archive";
  MalformedOptions options;
  options.copies = 2;
  const auto expected = WriteMalformedArchive(archive, options);
  const MalformedReport r = RunMalformedBuild(archive, std::filesystem::path(temp.path()) / "index", expected);
  std::string failures;
  for (const auto& f : r.failures) failures += f + "\n";
  EXPECT_EQ(r.exit_code, 0) << r.build_output;
  EXPECT_TRUE(r.failures.empty()) << failures << r.build_output;
  EXPECT_GT(r.bad, 50u);
  EXPECT_EQ(r.bad_reported, r.bad) << r.Summary();
  EXPECT_EQ(r.good_indexed, r.good) << r.Summary();
  EXPECT_EQ(r.timed_out, 0u) << r.Summary();
  // Bounded: no file is read whole past the 64 MB limit, and nothing grows
  // with the damage. (The build's own working set is well under this.)
  EXPECT_GT(r.peak_memory_mb, 0) << r.build_output;
  EXPECT_LT(r.peak_memory_mb, 1024) << r.Summary();
  std::cout << "malformed archive: " << r.Summary() << "\n";
}

TEST(MalformedArchiveTest, AFileOverThePerFileTimeLimitIsSkippedAndReported) {
  TempDir temp;
  const auto archive = std::filesystem::path(temp.path()) / "archive";
  MalformedOptions options;
  options.unreadable = false;
  options.huge_line_mb = 65;
  const auto expected = WriteMalformedArchive(archive, options);
  // A limit no file can keep (a microsecond): every file that is read is
  // stopped at its first look at the clock and reported; none hangs.
  const MalformedReport r = RunMalformedBuild(archive, std::filesystem::path(temp.path()) / "index", expected,
                                              {"--file-time-limit", "0.000001"});
  EXPECT_NE(r.build_output.find("took longer than 1e-06 s to read (the per-file time limit, --file-time-limit)"),
            std::string::npos)
      << r.build_output;
  EXPECT_GT(r.timed_out, 0u) << r.Summary();
  EXPECT_EQ(r.good_indexed, 0u) << r.Summary();
}

}  // namespace
}  // namespace cstd::testing
