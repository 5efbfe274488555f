#include "extract/page_furniture.h"

#include <gtest/gtest.h>

#include <string>

namespace cstd::extract {
namespace {

struct Case {
  const char* line;
  bool furniture;
};

class PageFurnitureTest : public testing::TestWithParam<Case> {};

TEST_P(PageFurnitureTest, Classifies) {
  EXPECT_EQ(IsPageFurniture(GetParam().line), GetParam().furniture) << GetParam().line;
}

INSTANTIATE_TEST_SUITE_P(Lines, PageFurnitureTest,
                         testing::Values(
                             // Page numbers in the forms footers print them.
                             Case{"3", true}, Case{"- 3 -", true}, Case{"\u2013 12 \u2013", true}, Case{"-3-", true},
                             Case{"3/14", true}, Case{"3 / 14", true}, Case{"Page 3", true}, Case{"Page 3 of 14", true},
                             Case{"p. 3", true},
                             // Job numbers, their language tag, dates and bar code.
                             Case{"GE.22-09978", true}, Case{"GE.22-09978(E)", true},
                             Case{"GE.22-09978 (E) 010222 020222", true}, Case{"V.23-01234 (E)", true},
                             Case{"24-01234 (E)", true}, Case{"*2209978*", true}, Case{"2 GE.22-09978", true},
                             // Running headers: the symbol, alone or with the page.
                             Case{"E/CN.16/2022/CRP.1", true}, Case{"E/CN.16/2024/2 3", true},
                             Case{"4 A/78/62", true}, Case{"E/CN.16/2022/L.1/Rev.1", true},
                             // Text, not furniture.
                             Case{"", false}, Case{"2030", false}, Case{"Page", false}, Case{"- -", false},
                             Case{"A/RES/76/6.", false}, Case{"See A/RES/76/6", false}, Case{"3 delegates spoke", false},
                             Case{"https://unctad.org/meeting/cstd", false}, Case{"and/or", false},
                             Case{"Item 3", false}, Case{"1. First paragraph.", false},
                             Case{"Geneva, 28 March\u20131 April 2022", false}));

TEST(DocumentSymbolTest, ReadsTheSeriesTheArchiveUses) {
  for (const char* symbol : {"E/CN.16/2024/2", "A/RES/70/125", "E/2023/31", "TD/B/C.II/49", "E/CN.16/2022/CRP.1"}) {
    EXPECT_TRUE(IsDocumentSymbol(symbol)) << symbol;
  }
  for (const char* word : {"A/RES/76/6.", "and/or", "E/CN/", "https://x.org/1", "3/14", "A//B1", "CSTD"}) {
    EXPECT_FALSE(IsDocumentSymbol(word)) << word;
  }
}

}  // namespace
}  // namespace cstd::extract
