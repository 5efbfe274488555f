#include "query/compare.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "model/errors.h"
#include "model/index_layout.h"
#include "query/api_json.h"
#include "tests/support/index_fixture.h"

namespace cstd::query {
namespace {

// A speech of `country` in `year` (session year - 1945), its paragraphs
// given.
ExtractedDocument Speech(const std::string& country, int year, const std::vector<std::string>& texts) {
  ExtractedDocument doc = test_support::MakeDocument(country + "-" + std::to_string(year), "speech", year, texts);
  doc.document.session = year - 1945;
  for (Paragraph& p : doc.paragraphs) {
    p.countries = {country};
    p.statements[0].countries = {country};
  }
  return doc;
}

class CompareTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = new test_support::TempDir("compare-test");
    test_support::WriteDocuments(
        temp_->Path("index"),
        {Speech("BRA", 2021, {"Climate finance is owed.", "Climate finance and forests.", "Climate again.", "Peace."}),
         Speech("BRA", 2023, {"Climate finance for the Amazon."}),
         Speech("IND", 2023, {"Climate finance and technology.", "Climate justice."}),
         Speech("ZAF", 2022, {"Trade and development."})});
  }
  static void TearDownTestSuite() {
    delete temp_;
    temp_ = nullptr;
  }

  static CompareResult Run(CompareRequest request) {
    const Searcher searcher(OpenIndex(temp_->Path("index")));
    return Compare(searcher, request);
  }

  static test_support::TempDir* temp_;
};

test_support::TempDir* CompareTest::temp_ = nullptr;

TEST_F(CompareTest, DelegationsSideBySideByYearWithCountsAndTopStatements) {
  CompareRequest request;
  request.search.q = "climate";
  request.search.countries = {"FRA"};  // replaced by each column's delegation
  request.delegations = {"BRA", "IND", "ZAF"};
  request.top = 2;
  const CompareResult result = Run(request);
  ASSERT_EQ(result.delegations.size(), 3u);
  EXPECT_EQ(result.delegations[0].name, "Brazil");
  EXPECT_EQ(result.delegations[0].total, 4u);
  EXPECT_EQ(result.delegations[1].total, 2u);
  EXPECT_EQ(result.delegations[2].total, 0u);
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0].value, 2023) << "newest first";
  EXPECT_EQ(result.rows[1].value, 2021);
  // 2023: Brazil 1, India 2, South Africa none.
  EXPECT_EQ(result.rows[0].cells[0].count, 1u);
  EXPECT_EQ(result.rows[0].cells[1].count, 2u);
  EXPECT_EQ(result.rows[0].cells[2].count, 0u);
  EXPECT_TRUE(result.rows[0].cells[2].hits.empty());
  // 2021: three of Brazil's, the best two shown.
  EXPECT_EQ(result.rows[1].cells[0].count, 3u);
  ASSERT_EQ(result.rows[1].cells[0].hits.size(), 2u);
  for (const Hit& hit : result.rows[1].cells[0].hits) {
    EXPECT_EQ(hit.passage.year, 2021);
    EXPECT_NE(hit.snippet.find("<mark>"), std::string::npos);
  }
  EXPECT_EQ(result.rows[1].cells[1].count, 0u);
}

TEST_F(CompareTest, BySessionWithinTheFilterOnIt) {
  CompareRequest request;
  request.search.q = "climate";
  request.search.sessions = {{76, 77}};
  request.delegations = {"BRA", "IND"};
  request.by = FacetField::kSession;
  const CompareResult result = Run(request);
  ASSERT_EQ(result.rows.size(), 1u) << "session 78 is outside the filter";
  EXPECT_EQ(result.rows[0].value, 76);
  EXPECT_EQ(result.rows[0].cells[0].count, 3u);
  EXPECT_EQ(result.rows[0].cells[0].hits.size(), 3u);

  const std::string json = CompareToJson(result);
  rapidjson::Document d;
  d.Parse(json.c_str());
  ASSERT_FALSE(d.HasParseError()) << json;
  EXPECT_STREQ(d["by"].GetString(), "session");
  EXPECT_EQ(d["rows"][0]["cells"][0]["hits"][0]["year"].GetInt(), 2021);
  EXPECT_STREQ(d["query"]["filters"]["session"][0].GetString(), "76..77");
  EXPECT_FALSE(d["query"]["filters"].HasMember("country"));
}

TEST(CompareParametersTest, EachValueIsOneDelegationAndTheirNumberIsBounded) {
  EXPECT_EQ(ParseDelegations("delegations", {"BRA", "India", "bra"}), (std::vector<std::string>{"BRA", "IND"}));
  for (const std::vector<std::string>& bad : std::vector<std::vector<std::string>>{
           {}, {"Korea"}, {"Atlantis"}, {"BRA", "IND", "ZAF", "CHN", "RUS", "USA", "FRA"}}) {
    try {
      ParseDelegations("delegations", bad);
      FAIL() << bad.size();
    } catch (const UsageError& e) {
      EXPECT_EQ(e.parameter(), "delegations");
    }
  }
  EXPECT_EQ(ParseCompareBy("by", "session"), FacetField::kSession);
  EXPECT_THROW(ParseCompareBy("by", "decade"), UsageError);
}

}  // namespace
}  // namespace cstd::query
