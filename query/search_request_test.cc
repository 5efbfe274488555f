#include "query/search_request.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "model/errors.h"

namespace cstd::query {
namespace {

// The parameter named by the UsageError `f` throws; fails the test if none.
std::string ParameterOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const UsageError& e) {
    return e.parameter();
  }
  ADD_FAILURE() << "expected UsageError";
  return {};
}

struct RangesCase {
  const char* value;
  std::vector<std::pair<int, int>> ranges;
};

TEST(ParseIntRangesTest, ParsesNumbersListsAndRanges) {
  const RangesCase cases[] = {
      {"2010..2024", {{2010, 2024}}},
      {"2019,2021", {{2019, 2019}, {2021, 2021}}},
      {"27", {{27, 27}}},
      {"20..22, 27", {{20, 22}, {27, 27}}},
      {" 5 .. 7 ,, 9 ", {{5, 7}, {9, 9}}},
      {"2024..2024", {{2024, 2024}}},
      {"0", {{0, 0}}},
  };
  for (const RangesCase& c : cases) {
    const std::vector<IntRange> ranges = ParseIntRanges("year", c.value);
    std::vector<std::pair<int, int>> got;
    for (const IntRange& r : ranges) got.emplace_back(r.low, r.high);
    EXPECT_EQ(got, c.ranges) << "'" << c.value << "'";
  }
}

TEST(ParseIntRangesTest, RefusesMalformedValuesNamingTheParameter) {
  for (const char* value :
       {"2024..2010", "abc", "", ",", "1..", "..5", "1..2..3", "-5", "10000", "2019;2021", "20 22", "1.5"}) {
    EXPECT_EQ(ParameterOf([&] { ParseIntRanges("year", value); }), "year") << "'" << value << "'";
  }
  EXPECT_EQ(ParameterOf([] { ParseIntRanges("session", "27..20"); }), "session");
}

TEST(ParseIntRangesTest, ReversedRangeMessageSaysSo) {
  try {
    ParseIntRanges("year", "2024..2010");
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("year=2024..2010"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("reversed"), std::string::npos) << e.what();
  }
}

TEST(ParseBoundedIntTest, AcceptsValuesWithinBounds) {
  EXPECT_EQ(ParseBoundedInt("per_page", "20", 1, 100), 20);
  EXPECT_EQ(ParseBoundedInt("per_page", "1", 1, 100), 1);
  EXPECT_EQ(ParseBoundedInt("per_page", "100", 1, 100), 100);
  EXPECT_EQ(ParseBoundedInt("page", " 7 ", 1, 500), 7);
}

TEST(ParseBoundedIntTest, RefusesValuesOutsideBoundsNamingTheParameter) {
  for (const char* value : {"0", "101", "1000", "-1", "abc", "", "2.5", "99999999999999999999"}) {
    EXPECT_EQ(ParameterOf([&] { ParseBoundedInt("per_page", value, 1, 100); }), "per_page") << value;
  }
  try {
    ParseBoundedInt("per_page", "1000", 1, 100);
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("per_page=1000"), std::string::npos) << e.what();
  }
}

TEST(ParseSortTest, KnowsTheThreeOrders) {
  EXPECT_EQ(ParseSort("relevance"), Sort::kRelevance);
  EXPECT_EQ(ParseSort("date_desc"), Sort::kDateDesc);
  EXPECT_EQ(ParseSort("date_asc"), Sort::kDateAsc);
  for (const char* value : {"", "date", "DATE_ASC", "newest"}) {
    EXPECT_EQ(ParameterOf([&] { ParseSort(value); }), "sort") << value;
  }
}

TEST(SplitListTest, TrimsAndDropsEmptyItems) {
  EXPECT_EQ(SplitList(" BRA, ,ken ,"), (std::vector<std::string>{"BRA", "ken"}));
  EXPECT_TRUE(SplitList("").empty());
  EXPECT_TRUE(SplitList(" , ").empty());
}

TEST(ResolveCountriesTest, ResolvesCodesNamesAndPartsOfNames) {
  struct Case {
    const char* value;
    const char* code;
  };
  const Case cases[] = {{"BRA", "BRA"},     {"bra", "BRA"},    {"Brazil", "BRA"},     {" Kenya ", "KEN"},
                        {"Türkiye", "TUR"}, {"turkey", "TUR"}, {"The Gambia", "GMB"}, {"European Union", "EU"}};
  for (const Case& c : cases) {
    EXPECT_EQ(ResolveCountries("country", c.value), std::vector<std::string>{c.code}) << c.value;
  }
  EXPECT_EQ(ResolveCountries("country", "Palestine"), std::vector<std::string>{"PSE"});
  EXPECT_EQ(ResolveCountries("country", "korea"), (std::vector<std::string>{"KOR", "PRK"}));
  EXPECT_EQ(ParameterOf([] { ResolveCountries("country", "Atlantis"); }), "country");
  EXPECT_EQ(ParameterOf([] { ResolveCountries("country", ""); }), "country");
}

TEST(ResolveActionLineTest, ResolvesCodesCaseInsensitivelyToTheirMainLine) {
  EXPECT_EQ(ResolveActionLine("action_line", "c7egov"), "C7");  // the index files sub-lines under C7
  EXPECT_EQ(ResolveActionLine("action_line", "C5"), "C5");
  EXPECT_EQ(ResolveActionLine("action_line", " c11 "), "C11");
  EXPECT_EQ(ParameterOf([] { ResolveActionLine("action_line", "C12"); }), "action_line");
  EXPECT_EQ(ParameterOf([] { ResolveActionLine("action", "e-government"); }), "action");
}

TEST(ResolveTypeTest, AcceptsTheContractVocabularyOnly) {
  for (const char* type : {"panel-report", "session-report", "sg-report", "submission", "concept-note", "informal-note",
                           "resolution", "statement", "speech", "other"}) {
    EXPECT_EQ(ResolveType("type", type), type);
  }
  EXPECT_EQ(ResolveType("type", " speech "), "speech");
  for (const char* type : {"Speech", "blog", "", "panel report"}) {
    EXPECT_EQ(ParameterOf([&] { ResolveType("type", type); }), "type") << type;
  }
}

TEST(CheckPagingTest, AcceptsPagesWithinBounds) {
  SearchRequest r;
  EXPECT_NO_THROW(CheckPaging(r));
  r.per_page = kMaxPerPage;
  r.page = kMaxDepth / kMaxPerPage;
  EXPECT_NO_THROW(CheckPaging(r));
  r.per_page = 1;
  r.page = kMaxDepth;
  EXPECT_NO_THROW(CheckPaging(r));
}

TEST(CheckPagingTest, RefusesBadPagingNamingTheParameter) {
  struct Case {
    const char* what;
    int page;
    int per_page;
    const char* parameter;
  };
  const Case cases[] = {
      {"per_page over the maximum", 1, 101, "per_page"},
      {"per_page zero", 1, 0, "per_page"},
      {"per_page negative", 1, -5, "per_page"},
      {"page zero", 0, 20, "page"},
      {"page negative", -1, 20, "page"},
      {"too deep", 101, 100, "page"},
      {"too deep with small pages", 10001, 1, "page"},
      {"overflowing depth", 2147483647, 100, "page"},
  };
  for (const Case& c : cases) {
    SearchRequest r;
    r.page = c.page;
    r.per_page = c.per_page;
    EXPECT_EQ(ParameterOf([&] { CheckPaging(r); }), c.parameter) << c.what;
  }
}

}  // namespace
}  // namespace cstd::query

namespace cstd::query {
namespace {

TEST(ParseActionLineModeTest, AllOrExplicitElseAUsageErrorNamingTheParameter) {
  EXPECT_EQ(ParseActionLineMode("action_line_mode", "all"), ActionLineMode::kAll);
  EXPECT_EQ(ParseActionLineMode("action_line_mode", " explicit "), ActionLineMode::kExplicit);
  for (ActionLineMode mode : {ActionLineMode::kAll, ActionLineMode::kExplicit}) {
    EXPECT_EQ(ParseActionLineMode("m", ActionLineModeName(mode)), mode);
  }
  try {
    ParseActionLineMode("action_line_mode", "inferred");
    ADD_FAILURE() << "accepted";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.parameter(), "action_line_mode");
    EXPECT_NE(std::string(e.what()).find("action_line_mode=inferred"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cstd::query
