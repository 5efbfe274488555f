// Build progress: the rate and ETA follow the measured rate (a moving
// average), on a clock the test drives.

#include "indexer/progress.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>

namespace cstd::indexer {
namespace {

// The ETA of the last line of `log`, in seconds, or -1.
long LastEta(const std::string& log) {
  long eta = -1;
  const std::regex pattern("ETA ([0-9]+):([0-9]{2})");
  for (auto it = std::sregex_iterator(log.begin(), log.end(), pattern); it != std::sregex_iterator(); ++it) {
    eta = std::stol((*it)[1]) * 60 + std::stol((*it)[2]);
  }
  return eta;
}

TEST(ProgressTest, TheEtaFollowsABuildThatSlowsDown) {
  std::ostringstream out;
  Progress::Clock::time_point now{};
  Progress progress(out, /*terminal=*/false, [&] { return now; });
  progress.Start(200, 200'000'000);
  // 100 files of 1 MB at 10 MB/s (small texts), then 60 at 0.5 MB/s (big
  // PDFs): 40 MB are left, 80 s at the rate now measured. The average
  // since the start (160 MB in 130 s) would say 32 s.
  for (int i = 0; i < 100; ++i) {
    now += std::chrono::milliseconds(100);
    progress.Advance(1'000'000);
  }
  for (int i = 0; i < 60; ++i) {
    now += std::chrono::seconds(2);
    progress.Advance(1'000'000);
  }
  const long eta = LastEta(out.str());
  EXPECT_GE(eta, 70) << out.str();
  EXPECT_LE(eta, 90) << out.str();
}

TEST(ProgressTest, NoEtaWhileNoBytesHaveMoved) {
  std::ostringstream out;
  Progress::Clock::time_point now{};
  Progress progress(out, /*terminal=*/true, [&] { return now; });
  progress.Start(10, 10'000'000);
  // Files done, but no bytes read yet (all empty): no rate, so no ETA
  // (an ETA of 0:00 would say the build is about to end).
  progress.Advance(0);
  now += Progress::kTerminalEvery;
  progress.Advance(0);
  EXPECT_NE(out.str().find("ETA --:--"), std::string::npos) << out.str();
  EXPECT_EQ(out.str().find("ETA 0:00"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace cstd::indexer
