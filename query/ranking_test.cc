#include "query/ranking.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
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

// The class: a quoted phrase over passages of any length, with the
// phrase's words any number of times, together and apart, and other words
// between (seeded). Ranked by the phrase alone, the matches come in the
// order the boost gives them: what lets a search skip it
// (ExactFormsKeepOrder).
TEST(ExactFormsKeepOrderTest, APhraseRanksAsItsBoostRanksIt) {
  test_support::TempDir temp("ranking-phrase");
  std::mt19937 rng(20261203);
  const std::vector<std::string> filler = {"the",   "council",    "rights",     "human", "of",  "development",
                                           "peace", "developing", "sustainable", "goals", "and", "women"};
  std::vector<std::pair<std::string, int>> texts;
  for (int passage = 0; passage < 60; ++passage) {
    std::string text;
    const int words = 5 + static_cast<int>(rng() % 80);
    for (int w = 0; w < words; ++w) {
      const unsigned pick = rng() % 10;
      if (pick == 0) {
        text += "human rights ";
      } else if (pick == 1) {
        text += "sustainable development goals ";
      } else {
        text += filler[rng() % filler.size()] + " ";
      }
    }
    texts.emplace_back(text + "end.", 1);
  }
  test_support::WriteDocuments(temp.Path("index"), {test_support::RepeatedParagraphs("g", texts)});
  const Xapian::Database db = OpenIndex(temp.Path("index"));
  Xapian::QueryParser parser;
  parser.set_database(db);
  parser.set_stemmer(Xapian::Stem("english"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_default_op(Xapian::Query::OP_AND);
  const auto ranked = [&](const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::vector<Xapian::docid> ids;
    const Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    return ids;
  };
  for (const std::string& phrase : {std::string("human rights"), std::string("sustainable development goals")}) {
    const Xapian::Query matching = parser.parse_query("\"" + phrase + "\"");
    ASSERT_TRUE(ExactFormsKeepOrder(true, {phrase}, nullptr, nullptr));
    const auto plain = ranked(matching);
    EXPECT_GT(plain.size(), 10u) << phrase;
    EXPECT_EQ(ranked(ExactFormsFirst(matching, {phrase})), plain) << phrase;
  }
  // Unquoted, the words match by their stems ("developing" too) and the
  // boost ranks the exact forms close together first: another order, which
  // the comparison above would have seen.
  const Xapian::Query words = parser.parse_query("sustainable development");
  EXPECT_NE(ranked(ExactFormsFirst(words, {"sustainable", "development"})), ranked(words));
}

TEST(ExactFormsKeepOrderTest, OnlyForOnePhraseOfWordsThatNameNoOne) {
  const auto brazil = [](const std::string& w) { return w == "brazil"; };
  const auto souter = [](const std::string& w) { return w == "souter"; };
  EXPECT_TRUE(ExactFormsKeepOrder(true, {"human rights"}, brazil, souter));
  EXPECT_FALSE(ExactFormsKeepOrder(false, {"human rights"}, brazil, souter));  // not one quoted phrase
  EXPECT_FALSE(ExactFormsKeepOrder(true, {"Brazil data"}, brazil, souter));    // names a delegation
  EXPECT_FALSE(ExactFormsKeepOrder(true, {"David Souter"}, brazil, souter));   // a speaker's name
  EXPECT_FALSE(ExactFormsKeepOrder(true, {}, brazil, souter));
}

}  // namespace
}  // namespace cstd::query
