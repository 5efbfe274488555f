#include "indexer/build.h"

#include <gtest/gtest.h>

#include <string>

namespace cstd::indexer {
namespace {

TEST(BuildSummaryTest, CountsAndListsAtMostTwentyOfEach) {
  BuildSummary s;
  s.files_indexed = 30;
  s.catalogue = "speakers.csv";
  s.catalogue_rows = 40;
  s.files_with_row = 5;
  for (int i = 0; i < 25; ++i) s.files_without_row.push_back("file" + std::to_string(i) + ".txt");
  s.unmatched_rows = {"speakers.csv:9: ?_42_1987 (Leage of Arab States)"};
  const std::string text = FormatSummary(s);
  EXPECT_NE(text.find("1 catalogue rows matched no file"), std::string::npos) << text;
  EXPECT_NE(text.find("no file for speakers.csv:9: ?_42_1987"), std::string::npos) << text;
  EXPECT_NE(text.find("25 files had no catalogue row"), std::string::npos) << text;
  EXPECT_NE(text.find("no row for file19.txt"), std::string::npos) << text;
  EXPECT_EQ(text.find("no row for file20.txt"), std::string::npos) << text;
  EXPECT_NE(text.find("... and 5 more"), std::string::npos) << text;
  EXPECT_EQ(FormatSummary(BuildSummary{}).find("catalogue"), std::string::npos);
}

}  // namespace
}  // namespace cstd::indexer
