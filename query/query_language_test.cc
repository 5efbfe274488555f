#include "query/query_language.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cstd::query {
namespace {

using Items = std::vector<std::string>;

const std::vector<std::string_view> kFields = {"country", "speaker", "session", "year", "action", "type"};

TEST(QueryShapeTest, OnePhraseIsAQuotedPhraseAlone) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"\"human rights\"", true},
      {"\u201chuman rights\u201d", true},                   // curly quotes
      {"\"human rights\" country:FRA", true},             // a filter beside it
      {"\"human rights\" -women", true},                  // an excluded item beside it
      {"  \"human rights", true},                          // unclosed: runs to the end
      {"human rights", false},                             // words
      {"\"human rights\" women", false},                  // a second item
      {"\"human rights\" OR \"civil rights\"", false},     // operators
      {"(\"human rights\")", false},                      // brackets
      {"title:\"human rights\"", false},                  // a field
      {"", false},
  };
  for (const auto& [q, one] : cases) EXPECT_EQ(ReadQueryShape(q, kFields).one_phrase, one) << q;
}

TEST(QueryShapeTest, ReadsEachCornerOfTheLanguage) {
  struct Case {
    std::string q;
    bool everything;
    Items positive, negated, fields, plain;
    bool operators;
    bool only_negated;
  };
  const std::vector<Case> cases = {
      {"", true, {}, {}, {}, {}, false, false},
      {"  * ", true, {}, {}, {}, {}, false, false},
      {"internet governance", false, {"internet", "governance"}, {}, {}, {"internet", "governance"}, false, false},
      {"-climate", false, {}, {"climate"}, {}, {}, false, true},
      {"NOT climate", false, {}, {"climate"}, {}, {}, false, true},
      {"-climate -\"sea level\"", false, {}, {"climate", "\"sea level\""}, {}, {}, false, true},
      {"-climate country:BRA", false, {}, {"climate"}, {"country:BRA"}, {}, false, true},
      {"energy -climate", false, {"energy"}, {"climate"}, {}, {"energy"}, false, false},
      {"energy NOT climate", false, {"energy"}, {"climate"}, {}, {"energy"}, false, false},
      {"energy OR climate", false, {"energy", "climate"}, {}, {}, {"energy", "climate"}, true, false},
      {"NOT a OR b", false, {"b"}, {"a"}, {}, {"b"}, true, false},
      {"\"digital divide\" +women", false, {"\"digital divide\"", "women"}, {}, {}, {" digital divide ", "women"}, false, false},
      {"govern* year:2020..2024", false, {"govern*"}, {}, {"year:2020..2024"}, {}, false, false},
      {"title:digital country:\"United States\"", false, {"title:digital"}, {}, {"country:\"United States\""}, {}, false, false},
      {"(a OR b) c", false, {"(a OR b)", "c"}, {}, {}, {"c"}, true, false},
      {"\u201cdata governance\u201d", false, {"\u201cdata governance\u201d"}, {}, {}, {" data governance "}, false, false},
      {"\"unclosed phrase", false, {"\"unclosed phrase"}, {}, {}, {" unclosed phrase"}, false, false},
  };
  for (const Case& c : cases) {
    const QueryShape shape = ReadQueryShape(c.q, kFields);
    EXPECT_EQ(shape.everything, c.everything) << c.q;
    EXPECT_EQ(shape.positive, c.positive) << c.q;
    EXPECT_EQ(shape.negated, c.negated) << c.q;
    EXPECT_EQ(shape.fields, c.fields) << c.q;
    EXPECT_EQ(shape.plain_words, c.plain) << c.q;
    EXPECT_EQ(shape.has_operators, c.operators) << c.q;
    EXPECT_EQ(shape.OnlyNegated(), c.only_negated) << c.q;
  }
}

TEST(QueryShapeTest, CountsWordsAndJoinsNegatedItems) {
  EXPECT_EQ(CountWords(""), 0u);
  EXPECT_EQ(CountWords("internet governance"), 2u);
  EXPECT_EQ(CountWords("  1.3 billion -- people's, \"data\""), 6u);  // 1, 3, billion, people, s, data
  EXPECT_EQ(CountWords("Türkiye’s delegation"), 2u);
  EXPECT_EQ(JoinWithOr({"climate", "\"sea level\""}), "climate OR \"sea level\"");
  EXPECT_EQ(JoinWithOr({}), "");
}

}  // namespace
}  // namespace cstd::query
