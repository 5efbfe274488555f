#include "query/acronym_marks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace cstd::query {
namespace {

TEST(MarkPhrasesTest, MarksSpelledOutFormsOutsideTheMarksThereAre) {
  const std::vector<std::string> wsis = {"wsis", "world summit on the information society"};
  struct Case {
    std::string snippet;
    std::vector<std::string> phrases;
    std::string want;
  };
  const std::vector<Case> cases = {
      {"the World Summit on the Information Society in 2005", wsis,
       "the <mark>World Summit on the Information Society</mark> in 2005"},
      {"<mark>WSIS</mark> and the World Summit on the\nInformation  Society", wsis,
       "<mark>WSIS</mark> and the <mark>World Summit on the\nInformation  Society</mark>"},
      // Whole words only; nothing inside an existing mark is marked again.
      {"WSISes and <mark>world summit on the information society</mark>", wsis,
       "WSISes and <mark>world summit on the information society</mark>"},
      {"the wsis+20 review", wsis, "the <mark>wsis</mark>+20 review"},
      // The longest phrase first.
      {"the United Nations General Assembly", {"unga", "general assembly", "united nations general assembly"},
       "the <mark>United Nations General Assembly</mark>"},
      // Escaped text: a phrase with a comma and its HTML neighbours.
      {"&lt;b&gt;science, technology and innovation&lt;/b&gt;", {"science, technology and innovation"},
       "&lt;b&gt;<mark>science, technology and innovation</mark>&lt;/b&gt;"},
      {"nothing to mark", {}, "nothing to mark"},
  };
  for (const Case& c : cases) EXPECT_EQ(MarkPhrases(c.snippet, c.phrases), c.want) << c.snippet;
}

TEST(AcronymPhrasesTest, GivesTheFormsOfEachAcronymTheQueryHolds) {
  const Xapian::Stem stemmer("english");
  const auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  // The acronym typed: unstemmed (capitalised) or stemmed with 'Z'.
  for (const Xapian::Query& q : {Xapian::Query("wsis"), Xapian::Query("Zwsis")}) {
    const auto phrases = AcronymPhrases(q, stemmer);
    EXPECT_TRUE(has(phrases, "wsis"));
    EXPECT_TRUE(has(phrases, "world summit on the information society"));
    EXPECT_FALSE(has(phrases, "internet governance forum"));
  }
  EXPECT_TRUE(AcronymPhrases(Xapian::Query("Zdigit"), stemmer).empty());
}

}  // namespace
}  // namespace cstd::query
