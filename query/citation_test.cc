#include "query/citation.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cstd::query {
namespace {

Passage Make(std::string type, std::string body, std::optional<std::string> symbol, std::string title,
             std::optional<int> session, std::optional<int> year, std::optional<int> number,
             std::optional<int> page = std::nullopt, std::vector<std::string> countries = {}) {
  Passage p;
  p.type = std::move(type);
  p.body = std::move(body);
  p.symbol = std::move(symbol);
  p.title = std::move(title);
  p.session = session;
  p.year = year;
  p.paragraph.number = number;
  p.paragraph.page = page;
  p.paragraph.countries = std::move(countries);
  return p;
}

TEST(CitationTest, CitesTheDocumentAsTheUnDoesAndThenTheParagraph) {
  struct Case {
    Passage passage;
    std::string want;
  };
  const std::vector<Case> cases = {
      {Make("panel-report", "CSTD", "E/CN.16/2022/CRP.1", "Report of the intersessional panel meeting", 25, 2022, 20),
       "E/CN.16/2022/CRP.1, para. 20"},
      {Make("speech", "UNGA", std::nullopt, "Brazil: General Debate statement", 78, 2023, 12, std::nullopt, {"BRA"}),
       "Brazil, General Debate, 78th session (2023), para. 12"},
      {Make("speech", "CSTD", std::nullopt, "Kenya: statement", 25, 2022, 3, std::nullopt, {"KEN"}),
       "Kenya, statement, 25th session of the CSTD (2022), para. 3"},
      {Make("informal-note", "CSTD", std::nullopt, "CSTD's contribution to the WSIS+20 review", 27, 2024, 4),
       "CSTD's contribution to the WSIS+20 review, 27th session of the CSTD (2024), para. 4"},
      // No number: the PDF page; neither: the document alone.
      {Make("sg-report", "CSTD", "E/CN.16/2024/2", "Progress made", 27, 2024, std::nullopt, 7),
       "E/CN.16/2024/2, p. 7"},
      {Make("submission", "CSTD", std::nullopt, "Submission by ITU", 27, 2024, std::nullopt),
       "Submission by ITU, 27th session of the CSTD (2024)"},
      // A year without a session; a symbol wins over everything else.
      {Make("other", "", std::nullopt, "A note", std::nullopt, 2021, 2), "A note, 2021, para. 2"},
      {Make("speech", "UNGA", "A/78/PV.5", "Brazil", 78, 2023, 1, std::nullopt, {"BRA"}), "A/78/PV.5, para. 1"},
      // A record written before the body was stored: no meeting named.
      {Make("speech", "", std::nullopt, "Japan", 74, 2019, 14, std::nullopt, {"JPN"}),
       "Japan, statement, 74th session (2019), para. 14"},
  };
  for (const Case& c : cases) EXPECT_EQ(Citation(c.passage), c.want) << c.want;
}

}  // namespace
}  // namespace cstd::query
