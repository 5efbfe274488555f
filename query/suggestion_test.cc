#include "query/suggestion.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/index_layout.h"
#include "tests/support/index_fixture.h"

namespace cstd::query {
namespace {

// An index where "internet" and "interest" are both common, "governance"
// common and "governence" (a typo of the archive) in one passage, "billion"
// in several, and David Souter speaks.
class HonestCorrectionTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = new test_support::TempDir("suggestion-test");
    ExtractedDocument doc = test_support::RepeatedParagraphs(
        "archive", {{"The internet reaches more people every year.", 30},
                    {"Their interest in the matter is growing.", 40},
                    {"Internet governance needs every stakeholder.", 12},
                    {"The governence of data was raised once.", 1},
                    {"More than 1.3 billion people are offline.", 5}});
    Paragraph souter;
    souter.text = "WSIS remains the framework for the information society.";
    souter.speakers = {"David Souter"};
    souter.statements.push_back(Statement{souter.text, {Speaker{"", "David Souter", "Mr.", {}, {}, {}, {}}}, {}});
    doc.paragraphs.push_back(std::move(souter));
    test_support::WriteDocuments(temp_->Path("index"), {std::move(doc)});
  }
  static void TearDownTestSuite() {
    delete temp_;
    temp_ = nullptr;
  }
  void SetUp() override { db_ = OpenIndex(temp_->Path("index")); }

  static test_support::TempDir* temp_;
  Xapian::Database db_;
};

test_support::TempDir* HonestCorrectionTest::temp_ = nullptr;

TEST_F(HonestCorrectionTest, ReplacesOnlyRareWordsByCommonerOnes) {
  ASSERT_EQ(RareWordBound(db_), kRareWordMinimum);  // 89 passages: the minimum holds
  struct Case {
    const char* query;
    const char* corrected;  // as Xapian's corrector might propose it
    std::optional<std::string> want;
  };
  const std::vector<Case> cases = {
      // A word the index lacks becomes one it has.
      {"internet govrnance", "internet governance", "internet governance"},
      // A common word is never corrected, whatever the corrector says...
      {"internet governance", "interest governance", std::nullopt},
      // ...and of two changes, the honest one alone is kept.
      {"internet govrnance", "interest governance", "internet governance"},
      // A rare word present in the index: only to a far commoner one.
      {"governence", "governance", "governance"},
      {"governance", "governence", std::nullopt},
      // Numbers are never corrected, nor a common word beside them; a
      // misspelt one beside them is.
      {"1.3 billion people", "1.3 million people", std::nullopt},
      {"1.3 bilion people", "1.4 billion people", "1.3 billion people"},
      // A speaker's name is no misspelling.
      {"souter wsis", "foster wsis", std::nullopt},
      // Nothing to offer: no correction, the same query, or words that do
      // not line up.
      {"internet", "", std::nullopt},
      {"internet governance", "internet governance", std::nullopt},
      {"internet govrnance", "internet governance forum", std::nullopt},
      // Punctuation and phrases keep their place.
      {"\"internet govrnance\"", "\"internet governance\"", "\"internet governance\""},
  };
  for (const Case& c : cases) EXPECT_EQ(HonestCorrection(db_, c.query, c.corrected), c.want) << c.query;
}

}  // namespace
}  // namespace cstd::query
