#include "indexer/action_lines_finder.h"

#include <gtest/gtest.h>

namespace cstd::indexer {
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
  };
  for (const Case& c : kCases) EXPECT_EQ(FindActionLines(c.text), c.want) << c.text;
}

}  // namespace
}  // namespace cstd::indexer
