#include "extract/action_line_inference.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace cstd::indexer {
namespace {

// The lines inferred and each line's evidence.
std::vector<std::pair<std::string, std::vector<std::string>>> Inferred(std::string_view text) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const InferredActionLine& line : InferActionLines(text)) out.emplace_back(line.code, line.evidence);
  return out;
}

using Lines = std::vector<std::pair<std::string, std::vector<std::string>>>;

TEST(InferActionLinesTest, AStrongTermSaidAsTheSubject) {
  EXPECT_EQ(Inferred("Cybersecurity threats against critical infrastructure have grown, and Internet users suffer."),
            (Lines{{"C5", {"cybersecurity"}}}));
  EXPECT_EQ(Inferred("Kenya has used E-Government services to reach rural citizens online."),
            (Lines{{"C7", {"e-government"}}}));
}

TEST(InferActionLinesTest, TwoWeakTermsOfOneLine) {
  EXPECT_EQ(Inferred("Digital skills matter; teachers need training to use online tools."),
            (Lines{{"C4", {"digital skills", "teachers", "training"}}}));
  EXPECT_TRUE(Inferred("Teachers need training to use online tools.").size() == 1);
  EXPECT_TRUE(Inferred("Teachers need online tools.").empty()) << "one weak term is not enough";
}

TEST(InferActionLinesTest, AnItemOfAListNeedsAnotherTerm) {
  EXPECT_TRUE(Inferred("Challenges such as transnational crime, cybersecurity, climate change and pandemics remain.")
                  .empty());
  EXPECT_TRUE(Inferred("Challenges such as terrorism, cybersecurity and cybercrime, and pandemics remain online.")
                  .empty())
      << "two listed strong terms are still a list";
  const auto with_weak = Inferred("Challenges such as terrorism, cybersecurity and privacy, and pandemics remain online.");
  ASSERT_EQ(with_weak.size(), 1u);
  EXPECT_EQ(with_weak.front().first, "C5");
}

TEST(InferActionLinesTest, NothingWithoutIcts) {
  EXPECT_TRUE(Inferred("Universal access to vaccines and medicines is pivotal in the recovery.").empty());
  EXPECT_TRUE(Inferred("The journalists covered the elections.").empty());
  EXPECT_EQ(Inferred("The journalists covered the elections online.").size(), 1u);
}

TEST(InferActionLinesTest, HyphensAndCaseDoNotMatterAndLongerTermsWin) {
  EXPECT_EQ(Inferred("CYBER-SECURITY is a priority for the Internet."), (Lines{{"C5", {"cyber security"}}}));
  EXPECT_EQ(Inferred("Capacity-building and capacity building online."), Lines{})
      << "one weak term, written twice, is one term";
}

}  // namespace
}  // namespace cstd::indexer
