#include "query/ranking.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "model/index_layout.h"
#include "tests/support/index_fixture.h"

namespace cstd::query {
namespace {

// Passages indexed as the indexer does; searched with STEM_SOME as the
// Searcher parses queries.
class ExactFormsFirstTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = new test_support::TempDir("ranking-test");
    std::vector<std::pair<std::string, int>> texts;
    for (const char* text : {
             // 1: the stem only ("Governments"), said twice.
             "Governments and governments alone decide what the Internet is for.",
             // 2: the word as typed, once.
             "The governance of the Internet is shared.",
             // 3: both words, far apart.
             "The Internet reached the villages this year, bringing schools, clinics and markets within reach of "
             "farmers, teachers and traders; it is the subject of much talk, of new laws, and of new forms of "
             "governance.",
             // 4: both words, side by side.
             "Internet governance reached the villages this year, bringing schools, clinics and markets within reach "
             "of farmers, teachers and traders; it is the subject of much talk, of new laws, and of new forms of "
             "trade.",
         }) {
      texts.emplace_back(text, 1);
    }
    ExtractedDocument doc = test_support::RepeatedParagraphs("d", texts);
    test_support::WriteDocuments(temp_->Path("index"), {std::move(doc)});
  }
  static void TearDownTestSuite() {
    delete temp_;
    temp_ = nullptr;
  }

  // Passage ordinals of `q`'s matches, best first, with and without the boost.
  static std::vector<std::string> Ranked(const std::string& q, const std::vector<std::string>& plain, bool boosted) {
    const Xapian::Database db = OpenIndex(temp_->Path("index"));
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    const Xapian::Query matching = parser.parse_query(q);
    Xapian::Enquire enquire(db);
    enquire.set_query(boosted ? ExactFormsFirst(matching, plain) : matching);
    std::vector<std::string> out;
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      out.push_back(std::to_string(*it));
    }
    return out;
  }

  static test_support::TempDir* temp_;
};

test_support::TempDir* ExactFormsFirstTest::temp_ = nullptr;

TEST_F(ExactFormsFirstTest, TheWordAsTypedRanksAboveItsStemAlone) {
  // Stemmed, "governance" is "govern": passage 1 says it twice and wins.
  EXPECT_EQ(Ranked("governance", {"governance"}, false).front(), "1");
  const auto boosted = Ranked("governance", {"governance"}, true);
  ASSERT_EQ(boosted.size(), 4u);  // the same passages match
  EXPECT_EQ(boosted.back(), "1");
}

TEST_F(ExactFormsFirstTest, WordsCloseTogetherRankAboveWordsApart) {
  // Passages 3 and 4 have the same words and length; only in 4 do the
  // query's words stand together.
  const auto position = [](const std::vector<std::string>& ranked, const std::string& passage) {
    return std::find(ranked.begin(), ranked.end(), passage) - ranked.begin();
  };
  const auto plain = Ranked("internet governance", {"internet", "governance"}, false);
  const auto boosted = Ranked("internet governance", {"internet", "governance"}, true);
  ASSERT_EQ(boosted.size(), 4u);
  EXPECT_LT(position(boosted, "4"), position(boosted, "3"));
  EXPECT_LT(position(boosted, "4"), position(boosted, "1"));
  ASSERT_EQ(plain.size(), 4u);
}

TEST_F(ExactFormsFirstTest, ADelegationsNameCountsInItsNameFieldAndNotInTheCloseness) {
  const auto name = [](const std::string& w) { return w == "brazil"; };
  const std::string d = ExactFormsFirst(Xapian::Query("Zdata"), {"brazil", "data", "governance"}, name, "XDN")
                            .get_description();
  EXPECT_NE(d.find("XDNbrazil"), std::string::npos) << d;
  EXPECT_NE(d.find("(data NEAR 5 governance)"), std::string::npos) << d;
  EXPECT_EQ(d.find("XDNdata"), std::string::npos) << d;
}

TEST_F(ExactFormsFirstTest, NoPlainWordsLeaveTheQueryAsItIs) {
  const Xapian::Query q("Zgovern");
  EXPECT_EQ(ExactFormsFirst(q, {}).get_description(), q.get_description());
}

}  // namespace
}  // namespace cstd::query
