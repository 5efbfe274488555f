#include "indexer/build.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include "indexer/index_writer.h"
#include "model/index_layout.h"
#include "model/stored_records.h"
#include "tests/support/temp_dir.h"

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

// The added time of each file (SourceRecord::added), by file name.
std::map<std::string, std::string> AddedTimesOf(const std::string& index_dir) {
  std::map<std::string, std::string> out;
  for (const auto& [key, record] : SourceRecords(OpenIndex(index_dir))) {
    out[std::filesystem::path(key).filename().string()] = record.added;
  }
  return out;
}

// Marks every file's record as added at `when`, as if an earlier build had
// indexed them then: the test needs times apart without waiting for the
// clock.
void Backdate(const std::string& index_dir, const std::string& when) {
  IndexWriter writer(index_dir);
  for (auto [key, record] : writer.Sources()) {
    record.added = when;
    writer.UpdateSource(key, record);
  }
  writer.Commit();
}

void RunBuild(const std::string& index_dir, const std::string& folder, bool rebuild) {
  BuildOptions options;
  options.index_dir = index_dir;
  options.sources = {folder};
  options.rebuild = rebuild;
  options.threads = 1;
  std::ostringstream log;
  Build(options, log);
}

// A feed calls a paragraph new when its file's bytes are: the first build
// stamps every file, and the stamp stays while the bytes do, through an
// incremental build and a rebuild, while a changed or new file gets the
// time of the build that read it.
TEST(BuildTest, RecordsWhenEachFileWasAddedAndKeepsItWhileTheBytesStay) {
  const test_support::TempDir temp("added");
  const std::string index = temp.Path("index");
  const std::string archive = temp.Path("archive");
  temp.Write("archive/a.md", "# A\n\n1. Broadband for all.\n");
  temp.Write("archive/b.md", "# B\n\n1. Spectrum policy.\n");
  RunBuild(index, archive, false);
  const auto first = AddedTimesOf(index);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first.at("a.md"), first.at("b.md"));
  EXPECT_EQ(first.at("a.md").size(), std::string("2024-03-04T10:00:00Z").size()) << first.at("a.md");

  const std::string past = "2001-01-01T00:00:00Z";
  Backdate(index, past);
  temp.Write("archive/b.md", "# B\n\n1. Spectrum policy, revised.\n");
  temp.Write("archive/c.md", "# C\n\n1. Data governance.\n");
  RunBuild(index, archive, false);
  auto now = AddedTimesOf(index);
  EXPECT_EQ(now.at("a.md"), past) << "unchanged: kept";
  EXPECT_NE(now.at("b.md"), past) << "changed: this build's time";
  EXPECT_NE(now.at("c.md"), past) << "new: this build's time";
  EXPECT_EQ(now.at("b.md"), now.at("c.md"));

  Backdate(index, past);
  temp.Write("archive/c.md", "# C\n\n1. Data governance, revised.\n");
  RunBuild(index, archive, true);
  now = AddedTimesOf(index);
  EXPECT_EQ(now.at("a.md"), past) << "a rebuild keeps the time of unchanged bytes";
  EXPECT_EQ(now.at("b.md"), past);
  EXPECT_NE(now.at("c.md"), past) << "changed before the rebuild: the rebuild's time";
}

}  // namespace
}  // namespace cstd::indexer
