#include "query/like_this.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "model/index_layout.h"
#include "tests/support/index_fixture.h"

namespace cstd::query {
namespace {

class LikeThisTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = new test_support::TempDir("like-this-test");
    ExtractedDocument doc =
        test_support::RepeatedParagraphs("archive", {{"Development needs cooperation between countries.", 40},
                                                     {"Broadband connectivity for rural schools is a priority.", 3},
                                                     {"Submarine cables carry connectivity across the ocean.", 1},
                                                     {"Tuvalu faces rising seas.", 1}});
    test_support::WriteDocuments(temp_->Path("index"), {std::move(doc)});
  }
  static void TearDownTestSuite() {
    delete temp_;
    temp_ = nullptr;
  }

  static test_support::TempDir* temp_;
};

test_support::TempDir* LikeThisTest::temp_ = nullptr;

TEST_F(LikeThisTest, KeepsTheRarestContentWordsUpToTheCap) {
  const Xapian::Database db = OpenIndex(temp_->Path("index"));
  const Xapian::Stem stemmer("english");
  const std::string pasted =
      "We believe that the development of our countries needs broadband, and broadband needs submarine cables; "
      "the cables that we have are not enough for the 2030 Agenda and zyzzyvas.";
  const LikeThis all = LikeThisQuery(db, stemmer, pasted, 10);
  // Stop words, numbers and words no passage has are left out; the others
  // rank by uses in the text times rarity in the index (tf-idf): "cables"
  // (twice, one passage) before "broadband" (twice, three) before
  // "submarine" (once, one), and the archive's common words last.
  EXPECT_EQ(all.words,
            (std::vector<std::string>{"cables", "broadband", "submarine", "needs", "development", "countries"}));
  const LikeThis capped = LikeThisQuery(db, stemmer, pasted, 2);
  EXPECT_EQ(capped.words, (std::vector<std::string>{"cables", "broadband"}));
  // The query finds the passages of either word, the rarer word's first.
  Xapian::Enquire enquire(db);
  enquire.set_query(capped.query);
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  ASSERT_EQ(mset.size(), 4u);
  EXPECT_EQ(*mset.begin(), 44u);  // "Submarine cables ...", the 44th passage
  // A text of nothing the index knows matches nothing.
  const LikeThis nothing = LikeThisQuery(db, stemmer, "the and of zyzzyva 2030", 10);
  EXPECT_TRUE(nothing.words.empty());
  enquire.set_query(nothing.query);
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 0u);
}

}  // namespace
}  // namespace cstd::query
