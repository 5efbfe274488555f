#include "model/action_line_lexicon.h"

#include <gtest/gtest.h>

#include <string>

#include "model/errors.h"

namespace cstd {
namespace {

TEST(ActionLineLexiconTest, ReadsTheFourWeights) {
  const ActionLineLexicon lexicon("test.tsv",
                                  "code\tterm\tweight\tsource\n"
                                  "C5\tCybersecurity\tstrong\tGeneva Plan of Action, C5 (para 12)\n"
                                  "C11\tinternational cooperation\ttopical\tGeneva Plan of Action, C11 (paras 26-28)\n"
                                  "C5\tprivacy\tweak\tGeneva Plan of Action, C5 (para 12)\n"
                                  "C7\tmedical\tapplied\tGeneva Plan of Action, C7 (para 18)\n");
  ASSERT_EQ(lexicon.terms().size(), 4u);
  EXPECT_EQ(lexicon.terms()[0].term, "cybersecurity") << "terms are lower case";
  EXPECT_EQ(lexicon.terms()[0].weight, TermWeight::kStrong);
  EXPECT_TRUE(lexicon.terms()[0].strong());
  EXPECT_EQ(lexicon.terms()[1].weight, TermWeight::kTopical);
  EXPECT_FALSE(lexicon.terms()[1].strong());
  EXPECT_EQ(lexicon.terms()[2].weight, TermWeight::kWeak);
  EXPECT_EQ(lexicon.terms()[2].source, "Geneva Plan of Action, C5 (para 12)");
  EXPECT_EQ(lexicon.terms()[3].weight, TermWeight::kApplied);
  EXPECT_FALSE(lexicon.terms()[3].strong()) << "a sector alone is no subject";
}

TEST(ActionLineLexiconTest, MalformedRowsThrowDataErrorNamingTheTable) {
  const char* kBad[] = {
      "code\tterm\tweight\tsource\nC5\tcybersecurity\tvery strong\tPlan\n",  // unknown weight
      "code\tterm\tweight\tsource\nC12\tcybersecurity\tstrong\tPlan\n",      // not a line
      "code\tterm\tweight\tsource\nC7eGov\te-government\tstrong\tPlan\n",    // a sub-line
      "code\tterm\tweight\tsource\nC5\t \tstrong\tPlan\n",                   // empty term
  };
  for (const char* tsv : kBad) {
    try {
      ActionLineLexicon("bad.tsv", tsv);
      ADD_FAILURE() << "expected DataError for " << tsv;
    } catch (const DataError& e) {
      EXPECT_NE(std::string(e.what()).find("bad.tsv"), std::string::npos) << e.what();
    }
  }
}

TEST(ActionLineLexiconTest, BuiltinHasEveryWeightAndSource) {
  bool seen[4] = {false, false, false, false};
  for (const LexiconTerm& t : ActionLineLexicon::Builtin().terms()) {
    seen[static_cast<int>(t.weight)] = true;
    EXPECT_FALSE(t.source.empty()) << t.term;
  }
  EXPECT_TRUE(seen[0] && seen[1] && seen[2] && seen[3]);
}

}  // namespace
}  // namespace cstd
