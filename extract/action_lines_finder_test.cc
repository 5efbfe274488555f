#include "extract/action_lines_finder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace cstd::extract {
namespace {

struct Case {
  const char* text;
  std::vector<std::string> want;
};

TEST(FindActionLinesTest, Table) {
  const Case kCases[] = {
      // By code, alone or in a sub-line code.
      {"As the leading facilitator for Action Lines C1, C7eGov, and C11, UNDESA continued.", {"C1", "C7", "C11"}},
      {"- C7 - ICT Applications: E-government", {"C7"}},
      {"Work under Action Line C5 continued.", {"C5"}},
      // Not codes: other words, numbers out of range, letters glued on.
      {"COVID-19 and C40 cities, the C12 group and ABC1 were discussed.", {}},
      // Codes outside a WSIS context: the Central Asian "C5+" format, a
      // grade, a paper size.
      {"We place great hope in the regional \u201CC5+\u201D dialogue frameworks.", {}},
      {"The C5+1 format met in New York.", {}},
      {"Our students reached level C1 in English.", {}},
      {"Print it on C5 envelopes.", {}},
      // By number in an action-line context.
      {"addressed the role of the Bank in the various action lines, particularly 3 and 4, and more.", {"C3", "C4"}},
      {"Areas map to action lines: universal connectivity (2); digital public goods (1, 3, 7); digital inclusion (8, "
       "9).",
       {"C1", "C2", "C3", "C7", "C8", "C9"}},
      // Numbers outside an action-line sentence do not count.
      {"The 11 members met 3 times (2, 4). Action lines were discussed.", {}},
      // By a distinctive title anywhere; short titles only next to "action line".
      {"Building confidence and security in the use of ICTs remains a priority.", {"C5"}},
      {"The media covered capacity building widely.", {}},
      {"Under the action line on capacity building, training grew.", {"C4"}},
      {"Progress under the action lines on Media and Capacity Building was reviewed.", {"C4", "C9"}},
      // A short title in lower case in an action-line sentence is the
      // subject, not the line's name.
      {"Kenya used e-government platforms and supported the existing action lines.", {}},
  };
  for (const Case& c : kCases) EXPECT_EQ(FindActionLines(c.text), c.want) << c.text;
}

// A sentence that maps areas of work to the action lines by number names
// every line it maps (the 2022 panel report's paragraph 22 maps the Roadmap
// for Digital Cooperation onto all eleven): these are named lines, in any
// document. The same parenthesised numbers in a sentence without "action
// line" are footnotes or counts, even in a WSIS document.
TEST(FindActionLinesTest, AreasMappedToActionLinesByNumber) {
  const std::string mapped =
      "The main areas (with the corresponding action lines of the 11 action lines agreed for implementation): "
      "universal connectivity (2); digital public goods (1, 3, 7); digital inclusion (8, 9); digital "
      "capacity-building (4, 7); digital human rights (9, 10); artificial intelligence (5); digital cooperation "
      "(6, 11); and other areas (7).";
  const std::vector<std::string> all = {"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11"};
  EXPECT_EQ(FindActionLines(mapped, false), all);
  EXPECT_EQ(FindActionLines(mapped, true), all);
  EXPECT_EQ(FindActionLines("The main areas: universal connectivity (2); digital public goods (1, 3, 7); digital "
                            "inclusion (8, 9).",
                            true),
            std::vector<std::string>{});
}

// Generated sentences: codes in the contexts where they are not action lines
// (regional formats, grades, sizes, groups) never count; the same codes in a
// WSIS sentence, a list of codes or next to their title always do.
TEST(FindActionLinesTest, GeneratedNegativesAndPositives) {
  std::mt19937 rng(20261202);
  const std::vector<std::string> negatives = {
      "The regional \u201C{C}+\u201D dialogue met again this year.", "The {C}+ format brings together the region.",
      "Our pupils reached level {C} in French.", "Documents were printed on {C} paper.",
      "Members of the {C} group discussed the budget.", "The {C} category of vehicles is exempt.",
      "Vitamin {C} deficiency remains common.", "The G20 and the {C} caucus agreed.",
  };
  const std::vector<std::string> positives = {
      "Progress under WSIS Action Line {C} was reviewed.", "The facilitator of {C} reported on the action line.",
      "Action lines {C} and C11 were discussed at the WSIS Forum.",
  };
  for (int i = 0; i < 200; ++i) {
    const int n = std::uniform_int_distribution<int>(1, 11)(rng);
    const std::string code = "C" + std::to_string(n);
    std::string negative = negatives[rng() % negatives.size()];
    negative.replace(negative.find("{C}"), 3, code);
    EXPECT_EQ(FindActionLines(negative), std::vector<std::string>{}) << negative;
    std::string positive = positives[rng() % positives.size()];
    positive.replace(positive.find("{C}"), 3, code);
    const auto found = FindActionLines(positive);
    EXPECT_NE(std::find(found.begin(), found.end(), code), found.end()) << positive;
  }
}

}  // namespace
}  // namespace cstd::extract
