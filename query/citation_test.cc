#include "query/citation.h"

#include <gtest/gtest.h>

namespace cstd::query {
namespace {

struct Case {
  const char* what;
  std::optional<std::string> symbol;
  std::string title;
  std::optional<int> session, year, number, page;
  int ordinal;
  const char* want;
};

TEST(CitationTest, SymbolOrTitleSessionYearAndParagraph) {
  const Case cases[] = {
      {"symbol, numbered, PDF page", "E/CN.16/2022/CRP.1", "Report of the intersessional panel meeting", 25, 2022, 26,
       7, 26, "E/CN.16/2022/CRP.1, 25th session, 2022, para. 26 (p. 7)"},
      {"no symbol: the title", std::nullopt, "Report of the intersessional panel meeting", 25, 2022, 26, std::nullopt,
       30, "Report of the intersessional panel meeting, 25th session, 2022, para. 26"},
      {"a title that says session and year", std::nullopt,
       "Spain: General Debate statement, 75th session of the General Assembly (2020)", 75, 2020, std::nullopt,
       std::nullopt, 19,
       "Spain: General Debate statement, 75th session of the General Assembly (2020), 19th paragraph"},
      {"a title that says the year only", std::nullopt, "Submissions on WSIS in 2023", 27, 2023, 4, std::nullopt, 4,
       "Submissions on WSIS in 2023, 27th session, para. 4"},
      {"a symbol is not a title: both said", "E/CN.16/2023/2", "Report 2023", 26, 2023, 1, std::nullopt, 1,
       "E/CN.16/2023/2, 26th session, 2023, para. 1"},
      {"nothing known but the title", std::nullopt, "Concept note", std::nullopt, std::nullopt, std::nullopt,
       std::nullopt, 2, "Concept note, 2nd paragraph"},
      {"an empty symbol counts as none", "", "Concept note", 21, 2018, 3, std::nullopt, 3,
       "Concept note, 21st session, 2018, para. 3"},
  };
  for (const Case& c : cases) {
    Passage p;
    p.doc_id = "doc";
    p.symbol = c.symbol;
    p.title = c.title;
    p.session = c.session;
    p.year = c.year;
    p.paragraph.number = c.number;
    p.paragraph.page = c.page;
    p.ordinal = c.ordinal;
    EXPECT_EQ(Citation(p), c.want) << c.what;
  }
}

}  // namespace
}  // namespace cstd::query
