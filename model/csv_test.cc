#include "model/csv.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "model/errors.h"

namespace cstd {
namespace {

using Fields = std::vector<std::string>;

// ---------------------------------------------------------------- ParseCsv

struct CsvCase {
  const char* name;
  std::string input;
  std::vector<Fields> records;
  std::vector<size_t> lines;  // where each record starts
  size_t warnings = 0;
};

CsvCase Csv(const char* name, std::string input, std::vector<Fields> records, std::vector<size_t> lines = {},
            size_t warnings = 0) {
  return {name, std::move(input), std::move(records), std::move(lines), warnings};
}

void PrintTo(const CsvCase& c, std::ostream* os) {
  *os << c.name;
}

class ParseCsvTest : public ::testing::TestWithParam<CsvCase> {};

TEST_P(ParseCsvTest, SplitsRecordsAndFields) {
  const CsvCase& c = GetParam();
  std::vector<std::string> warnings;
  const auto records = ParseCsv("t.csv", c.input, &warnings);
  ASSERT_EQ(records.size(), c.records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].fields, c.records[i]) << "record " << i;
    if (!c.lines.empty()) {
      EXPECT_EQ(records[i].line, c.lines[i]) << "record " << i;
    }
  }
  EXPECT_EQ(warnings.size(), c.warnings);
  for (const auto& w : warnings) EXPECT_EQ(w.rfind("t.csv:", 0), 0u) << w;
}

INSTANTIATE_TEST_SUITE_P(
    Rfc4180, ParseCsvTest,
    ::testing::Values(Csv("Plain", "a,b\n1,2\n", {{"a", "b"}, {"1", "2"}}, {1, 2}),
                      Csv("NoFinalLineBreak", "a,b\n1,2", {{"a", "b"}, {"1", "2"}}),
                      Csv("Crlf", "a,b\r\n1,2\r\n", {{"a", "b"}, {"1", "2"}}, {1, 2}),
                      Csv("LoneCr", "a,b\r1,2\r", {{"a", "b"}, {"1", "2"}}, {1, 2}),
                      Csv("Bom",
                          "\xEF\xBB\xBF"
                          "a,b\n",
                          {{"a", "b"}}),
                      Csv("CommaInQuotes", "\"x, y\",z\n", {{"x, y", "z"}}),
                      Csv("DoubledQuote", "\"say \"\"hi\"\"\",2\n", {{"say \"hi\"", "2"}}),
                      Csv("OnlyADoubledQuote", "\"\"\"\"\n", {{"\""}}), Csv("EmptyQuoted", "\"\",x\n", {{"", "x"}}),
                      Csv("EmptyFields", ",,\n", {{"", "", ""}}), Csv("TrailingEmptyField", "a,\n", {{"a", ""}}),
                      Csv("LineBreakInQuotes", "\"a\nb\",c\nd,e\n", {{"a\nb", "c"}, {"d", "e"}}, {1, 3}),
                      Csv("CrlfInQuotes", "\"a\r\nb\",c\r\nd,e\r\n", {{"a\nb", "c"}, {"d", "e"}}, {1, 3}),
                      Csv("BlankLinesSkipped", "a\n\n\r\nb\n", {{"a"}, {"b"}}, {1, 4}),
                      Csv("SpacesKept", " a , b \n", {{" a ", " b "}}),
                      Csv("Utf8", "Türkiye,Côte d’Ivoire\n", {{"Türkiye", "Côte d’Ivoire"}}),
                      Csv("StrayQuoteKeptWithWarning", "ab\"c,d\n", {{"ab\"c", "d"}}, {1}, 1),
                      Csv("TextAfterClosingQuoteKeptWithWarning", "\"ab\"c,d\n", {{"abc", "d"}}, {1}, 1),
                      Csv("Empty", "", {})));

TEST(ParseCsvErrorTest, UnclosedQuoteNamesFileAndTheLineItOpened) {
  try {
    ParseCsv("cat.csv", "a,b\n1,\"open\n2,3\n", nullptr);
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.path(), "cat.csv");
    EXPECT_NE(e.reason().find("line 2"), std::string::npos) << e.what();
    EXPECT_NE(e.reason().find("never closed"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cstd
