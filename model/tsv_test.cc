#include "model/tsv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/errors.h"

namespace cstd {
namespace {

using Row = std::vector<std::string>;

TEST(ParseTsvTest, ReadsHeaderAndRows) {
  const TsvTable table = ParseTsv("t.tsv", "a\tb\tc\n1\t2\t3\nx\t\tz\n");
  EXPECT_EQ(table.name, "t.tsv");
  EXPECT_EQ(table.header, (Row{"a", "b", "c"}));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0], (Row{"1", "2", "3"}));
  EXPECT_EQ(table.rows[1], (Row{"x", "", "z"}));
}

TEST(ParseTsvTest, SkipsCommentsAndBlankLinesAndTrimsFields) {
  const TsvTable table = ParseTsv("t.tsv",
                                  "# leading comment\n"
                                  "\n"
                                  "a\tb\r\n"
                                  "# between rows\n"
                                  " 1 \t 2\r\n"
                                  "\n"
                                  "3\t4");
  EXPECT_EQ(table.header, (Row{"a", "b"}));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0], (Row{"1", "2"}));
  EXPECT_EQ(table.rows[1], (Row{"3", "4"}));
}

TEST(ParseTsvTest, ColumnFindsIndexOrThrows) {
  const TsvTable table = ParseTsv("t.tsv", "code\tname\n");
  EXPECT_EQ(table.Column("code"), 0u);
  EXPECT_EQ(table.Column("name"), 1u);
  EXPECT_TRUE(table.rows.empty());
  try {
    table.Column("status");
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("t.tsv"), std::string::npos) << what;
    EXPECT_NE(what.find("status"), std::string::npos) << what;
  }
}

TEST(ParseTsvTest, WrongFieldCountThrowsNamingTableAndLine) {
  struct Case {
    const char* content;
    const char* location;
  };
  const Case cases[] = {
      {"a\tb\n1\t2\n3\n", "t.tsv:3"},
      {"a\tb\n1\t2\t3\n", "t.tsv:2"},
      {"# comment\n\na\tb\n1\t2\n\n1\n", "t.tsv:6"},
  };
  for (const Case& c : cases) {
    try {
      ParseTsv("t.tsv", c.content);
      ADD_FAILURE() << "expected DataError for " << c.content;
    } catch (const DataError& e) {
      EXPECT_NE(std::string(e.what()).find(c.location), std::string::npos) << e.what();
    }
  }
}

TEST(ParseTsvTest, EmptyTableThrows) {
  EXPECT_THROW(ParseTsv("t.tsv", ""), DataError);
  EXPECT_THROW(ParseTsv("t.tsv", "# only a comment\n\n"), DataError);
}

}  // namespace
}  // namespace cstd
