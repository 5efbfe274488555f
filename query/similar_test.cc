#include "query/similar.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "model/errors.h"
#include "model/index_layout.h"
#include "tests/support/index_fixture.h"

namespace cstd::query {
namespace {

struct Para {
  std::string text;
  std::vector<std::string> countries;
};

ExtractedDocument Document(const std::string& id, int year, const std::vector<Para>& paragraphs) {
  std::vector<std::string> texts;
  for (const auto& para : paragraphs) texts.push_back(para.text);
  ExtractedDocument doc = test_support::MakeDocument(id, "speech", year, texts);
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    doc.paragraphs[i].countries = paragraphs[i].countries;
    doc.paragraphs[i].statements[0].countries = paragraphs[i].countries;
  }
  return doc;
}

// Brazil on renewable energy and carbon markets; Kenya and India say the
// same in other words; Brazil says it again another year; the rest is
// about other things, and shares only common words.
class SimilarTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = new test_support::TempDir("similar-test");
    test_support::WriteDocuments(
        temp_->Path("index"),
        {Document("bra-2021", 2021,
                  {{"Our country already generates 83 per cent of its energy from renewable sources. At the "
                    "Conference of the Parties we will seek consensus on rules for a global carbon credit market, "
                    "and we hope industrialized countries fulfil their climate financing commitments.",
                    {"BRA"}},
                   {"Renewable energy and a carbon credit market are how we meet our climate commitments.", {"BRA"}},
                   {"We thank the President of the General Assembly for his leadership.", {"BRA"}}}),
         Document("ken-2022", 2022,
                  {{"Most of our electricity is renewable, from geothermal sources; we ask the Conference of the "
                    "Parties to agree on carbon credit market rules, and developed countries to keep their climate "
                    "finance promises.",
                    {"KEN"}},
                   {"Education for every child is the foundation of our development plans.", {"KEN"}}}),
         Document("ind-2022", 2022,
                  {{"Renewable sources give us a growing share of energy, and a fair carbon market needs climate "
                    "finance from the industrialized countries.",
                    {"IND"}}}),
         Document("bra-2023", 2023,
                  {{"Renewable energy keeps growing in our country, and we still ask for a carbon credit market "
                    "and for climate financing.",
                    {"BRA"}}}),
         Document(
             "fra-2022", 2022,
             {{"The President of the Assembly has our support for the reform of the Security Council.", {"FRA"}}})});
  }
  static void TearDownTestSuite() {
    delete temp_;
    temp_ = nullptr;
  }

  static std::vector<std::string> Ids(const SimilarRequest& request, const std::string& passage = "bra-2021-1") {
    const Searcher searcher(OpenIndex(temp_->Path("index")));
    std::vector<std::string> ids;
    for (const Hit& hit : Similar(searcher, passage, request).hits) ids.push_back(hit.passage.passage_id);
    return ids;
  }

  static test_support::TempDir* temp_;
};

test_support::TempDir* SimilarTest::temp_ = nullptr;

TEST_F(SimilarTest, ParaphrasesByOthersFirstThenTheSameDocument) {
  const std::vector<std::string> ids = Ids({});
  ASSERT_GE(ids.size(), 4u);
  // The paraphrases in other documents first, best first; never the
  // paragraph itself.
  const std::vector<std::string> others(ids.begin(), ids.begin() + 3);
  EXPECT_EQ(std::set<std::string>(others.begin(), others.end()),
            (std::set<std::string>{"ken-2022-1", "ind-2022-1", "bra-2023-1"}));
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "bra-2021-1"), 0);
  // Then whatever else of other documents shares a word, and only then the
  // same document's paragraphs, the one on the subject among them.
  const auto own = std::find(ids.begin(), ids.end(), "bra-2021-2");
  ASSERT_NE(own, ids.end());
  for (auto it = ids.begin(); it != ids.end(); ++it) {
    EXPECT_EQ(it->rfind("bra-2021-", 0) == 0, it >= own) << *it;
  }
}

TEST_F(SimilarTest, OtherDelegationsAndTheUsualFilters) {
  SimilarRequest others;
  others.other_delegations = true;
  const std::vector<std::string> ids = Ids(others);
  ASSERT_GE(ids.size(), 2u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.begin() + 2), (std::set<std::string>{"ken-2022-1", "ind-2022-1"}));
  for (const auto& id : ids) EXPECT_NE(id.rfind("bra-", 0), 0u) << id << ": Brazil is this paragraph's delegation";

  SimilarRequest in_2023;
  in_2023.search.years = {{2023, 2023}};
  in_2023.search.facets = {FacetField::kYear};
  EXPECT_EQ(Ids(in_2023), std::vector<std::string>{"bra-2023-1"});
}

TEST_F(SimilarTest, AnUnknownPassageIsNotFound) {
  const Searcher searcher(OpenIndex(temp_->Path("index")));
  try {
    Similar(searcher, "nowhere-1", {});
    FAIL() << "no error";
  } catch (const NotFoundError& e) {
    EXPECT_NE(std::string(e.what()).find("nowhere-1"), std::string::npos);
  }
}

}  // namespace
}  // namespace cstd::query
