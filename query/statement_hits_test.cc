#include "query/statement_hits.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cstd::query {
namespace {

Statement By(std::string text, std::vector<std::string> countries, std::string speaker_id = "") {
  Statement s{std::move(text), {}, std::move(countries)};
  if (!speaker_id.empty()) s.speakers.push_back(Speaker{speaker_id, speaker_id, {}, {}, {}, {}, {}});
  return s;
}

// A paragraph of three statements: Iran's, the Dominican Republic's, and a
// panellist's.
Paragraph ThreeStatements() {
  Paragraph p;
  p.statements = {By("The representative of Iran said that Internet governance needed reform.", {"IRN"}),
                  By("The delegate of the Dominican Republic spoke of broadband and Internet access.", {"DOM"}),
                  By("A panellist said that governance of data was the next question.", {}, "peter-major")};
  for (const auto& s : p.statements) p.text += s.text + " ";
  return p;
}

TEST(HitStatementTest, PicksTheStatementOfWhomTheRequestAsksForOrTheOnlyOneWithTheWords) {
  // The query's words: a statement "has" them when it holds any of these.
  const auto words = [](std::vector<std::string> list) {
    return [list](const std::string& text) {
      for (const auto& w : list) {
        if (text.find(w) != std::string::npos) return true;
      }
      return false;
    };
  };
  struct Case {
    const char* name;
    StatementFilter filter;
    std::vector<std::string> query_words;
    std::optional<size_t> want;
  };
  const std::vector<Case> cases = {
      {"delegation filter, its statement has the words", {{}, {"IRN"}}, {"Internet"}, 0},
      {"delegation filter, the words only elsewhere: still its statement", {{}, {"DOM"}}, {"governance"}, 1},
      {"speaker filter", {{"peter-major"}, {}}, {"governance"}, 2},
      {"two selected: the first with the words", {{}, {"IRN", "DOM"}}, {"broadband"}, 1},
      {"no filter, the words in one statement", {}, {"broadband"}, 1},
      {"no filter, the words in two statements: the paragraph", {}, {"Internet"}, std::nullopt},
      {"no filter, no words (empty q)", {}, {}, std::nullopt},
      {"a filter no statement answers, words in one", {{}, {"BRA"}}, {"data"}, 2},
  };
  const Paragraph p = ThreeStatements();
  for (const Case& c : cases) EXPECT_EQ(HitStatement(p, c.filter, words(c.query_words)), c.want) << c.name;
}

TEST(HitStatementTest, AParagraphOfOneStatementIsTheHit) {
  Paragraph p;
  p.statements = {By("Brazil spoke of data governance.", {"BRA"})};
  EXPECT_EQ(HitStatement(p, {{}, {"BRA"}}, [](const std::string&) { return true; }), std::nullopt);
  p.statements.clear();
  EXPECT_EQ(HitStatement(p, {}, [](const std::string&) { return true; }), std::nullopt);
}

}  // namespace
}  // namespace cstd::query
