#include "model/timestamp.h"

#include <gtest/gtest.h>

namespace cstd {
namespace {

TEST(UtcTimestampTest, WritesRfc3339InUtc) {
  using std::chrono::seconds;
  using std::chrono::system_clock;
  EXPECT_EQ(UtcTimestamp(system_clock::time_point(seconds(0))), "1970-01-01T00:00:00Z");
  // 2024-03-04T10:05:09Z, a leap year's March.
  EXPECT_EQ(UtcTimestamp(system_clock::time_point(seconds(1709546709))), "2024-03-04T10:05:09Z");
  // Fractions of a second are dropped, not rounded up.
  EXPECT_EQ(UtcTimestamp(system_clock::time_point(seconds(1709546709)) + std::chrono::milliseconds(999)),
            "2024-03-04T10:05:09Z");
}

}  // namespace
}  // namespace cstd
