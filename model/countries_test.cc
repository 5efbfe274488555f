#include "model/countries.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>

#include "model/errors.h"

namespace cstd {
namespace {

TEST(CountriesTest, BuiltinTableLoads) {
  const Countries& countries = Countries::Builtin();
  EXPECT_GT(countries.all().size(), 193u);
  for (const Country& c : countries.all()) {
    EXPECT_FALSE(c.code.empty());
    EXPECT_FALSE(c.name.empty()) << c.code;
    EXPECT_FALSE(c.short_name.empty()) << c.code;
  }
}

TEST(CountriesTest, BuiltinHas193Members) {
  const auto& all = Countries::Builtin().all();
  const auto members = std::count_if(all.begin(), all.end(), [](const Country& c) { return c.status == "member"; });
  EXPECT_EQ(members, 193);
}

struct NameCase {
  const char* name;
  const char* code;  // nullptr: not found
};

// Names the case in test output (and in ctest's test names).
void PrintTo(const NameCase& c, std::ostream* os) {
  *os << '"' << c.name << "\" -> " << (c.code ? c.code : "none");
}

class FindByNameTest : public testing::TestWithParam<NameCase> {};

TEST_P(FindByNameTest, ResolvesNameToCode) {
  const NameCase& c = GetParam();
  const Country* country = Countries::Builtin().FindByName(c.name);
  if (c.code == nullptr) {
    EXPECT_EQ(country, nullptr) << c.name << " resolved to " << country->code;
  } else {
    ASSERT_NE(country, nullptr) << c.name;
    EXPECT_EQ(country->code, c.code) << c.name;
  }
}

INSTANTIATE_TEST_SUITE_P(
    BuiltinNames, FindByNameTest,
    testing::Values(NameCase{"Türkiye", "TUR"}, NameCase{"Turkey", "TUR"}, NameCase{"turkiye", "TUR"},
                    NameCase{"TÜRKIYE", "TUR"}, NameCase{"Swaziland", "SWZ"}, NameCase{"Eswatini", "SWZ"},
                    NameCase{"The Gambia", "GMB"}, NameCase{"Gambia", "GMB"},
                    NameCase{"United Kingdom of Great Britain and Northern Ireland", "GBR"},
                    NameCase{"Islamic Republic of Iran", "IRN"}, NameCase{"Iran (Islamic Republic of)", "IRN"},
                    NameCase{"State of Palestine", "PSE"}, NameCase{"Côte d'Ivoire", "CIV"},
                    NameCase{"Cote d'Ivoire", "CIV"}, NameCase{"cote d ivoire", "CIV"}, NameCase{"USSR", "SUN"},
                    NameCase{"Yugoslavia", "YUG"}, NameCase{"European Union", "EU"}, NameCase{"Brazil", "BRA"},
                    NameCase{"Atlantis", nullptr}, NameCase{"", nullptr}, NameCase{"the", nullptr}));

TEST(CountriesTest, FindByCodeIsCaseInsensitive) {
  const Countries& countries = Countries::Builtin();
  for (const char* code : {"BRA", "bra", "Bra"}) {
    const Country* c = countries.FindByCode(code);
    ASSERT_NE(c, nullptr) << code;
    EXPECT_EQ(c->code, "BRA");
    EXPECT_EQ(c->short_name, "Brazil");
  }
  EXPECT_NE(countries.FindByCode("eu"), nullptr);
  EXPECT_EQ(countries.FindByCode("XXX"), nullptr);
  EXPECT_EQ(countries.FindByCode(""), nullptr);
}

TEST(CountriesTest, FindTriesCodeThenName) {
  const Countries& countries = Countries::Builtin();
  ASSERT_NE(countries.Find("tur"), nullptr);
  EXPECT_EQ(countries.Find("tur")->code, "TUR");
  ASSERT_NE(countries.Find("Turkey"), nullptr);
  EXPECT_EQ(countries.Find("Turkey")->code, "TUR");
  EXPECT_EQ(countries.Find("Nowhere Land"), nullptr);
}

TEST(CountriesTest, MatchingTakesAnyUnambiguousPartOfAName) {
  const Countries& countries = Countries::Builtin();
  const auto codes = [&](std::string_view value) {
    std::vector<std::string> out;
    for (const Country* c : countries.Matching(value)) out.push_back(c->code);
    return out;
  };
  EXPECT_EQ(codes("BRA"), std::vector<std::string>{"BRA"});
  EXPECT_EQ(codes("Brazil"), std::vector<std::string>{"BRA"});
  EXPECT_EQ(codes("palestine"), std::vector<std::string>{"PSE"});   // a variant, whole
  EXPECT_EQ(codes("tanzania"), std::vector<std::string>{"TZA"});    // any case
  EXPECT_EQ(codes("Guinea"), std::vector<std::string>{"GIN"});      // a name of its own wins over the others
  EXPECT_EQ(codes("Korea"), (std::vector<std::string>{"KOR", "PRK"}));  // ambiguous: both
  EXPECT_EQ(codes("Nowhere"), std::vector<std::string>{});
  EXPECT_EQ(codes("Pales"), std::vector<std::string>{});            // whole words only
  EXPECT_EQ(codes(""), std::vector<std::string>{});
}

TEST(CountriesTest, ParsesVariantsAndDefaultsShortName) {
  const Countries countries("test.tsv",
                            "code\tname\tshort\tvariants\tstatus\n"
                            "aaa\tRepublic of Aland\t\tAland | Old Aland\tmember\n");
  ASSERT_EQ(countries.all().size(), 1u);
  const Country& c = countries.all().front();
  EXPECT_EQ(c.code, "AAA");
  EXPECT_EQ(c.short_name, "Republic of Aland");
  EXPECT_EQ(c.variants, (std::vector<std::string>{"Aland", "Old Aland"}));
  EXPECT_EQ(c.status, "member");
  ASSERT_NE(countries.FindByName("old aland"), nullptr);
}

TEST(CountriesTest, TableErrorsThrowDataError) {
  struct Case {
    const char* what;
    const char* tsv;
  };
  const Case cases[] = {
      {"wrong field count", "code\tname\tshort\tvariants\tstatus\nAAA\tAland\tmember\n"},
      {"missing column", "code\tname\tshort\tstatus\nAAA\tAland\tAland\tmember\n"},
      {"empty table", "# nothing here\n"},
      {"row without name", "code\tname\tshort\tvariants\tstatus\nAAA\t\t\t\tmember\n"},
      {"code twice", "code\tname\tshort\tvariants\tstatus\nAAA\tAland\t\t\tmember\naaa\tBland\t\t\tmember\n"},
      {"name given to two codes",
       "code\tname\tshort\tvariants\tstatus\nAAA\tAland\t\tCommon Name\tmember\nBBB\tBland\t\tcommon name\tmember\n"},
  };
  for (const Case& c : cases) {
    EXPECT_THROW(Countries("test.tsv", c.tsv), DataError) << c.what;
  }
}

TEST(CountriesTest, NameGivenToTwoCodesNamesBothCodes) {
  try {
    Countries("test.tsv", "code\tname\tshort\tvariants\tstatus\nAAA\tAland\t\t\tmember\nBBB\tBland\t\tAland\tmember\n");
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("test.tsv"), std::string::npos) << what;
    EXPECT_NE(what.find("AAA"), std::string::npos) << what;
    EXPECT_NE(what.find("BBB"), std::string::npos) << what;
  }
}

TEST(CountriesTest, SameNameTwiceForOneCountryIsAllowed) {
  const Countries countries("test.tsv",
                            "code\tname\tshort\tvariants\tstatus\n"
                            "AAA\tAland\tAland\tALAND|aland\tmember\n");
  ASSERT_NE(countries.FindByName("Aland"), nullptr);
  EXPECT_EQ(countries.FindByName("Aland")->code, "AAA");
}

}  // namespace
}  // namespace cstd
