#include "extract/action_line_inference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "model/action_line_lexicon.h"

namespace cstd::extract {
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
            (Lines{{"C5", {"cybersecurity", "critical infrastructure"}}}));
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
  EXPECT_TRUE(Inferred("Hackers broke into the bank at night.").empty());
  EXPECT_EQ(Inferred("Hackers broke into the bank online.").size(), 1u);
}

TEST(InferActionLinesTest, HyphensAndCaseDoNotMatterAndLongerTermsWin) {
  EXPECT_EQ(Inferred("CYBER-SECURITY is a priority for the Internet."), (Lines{{"C5", {"cyber security"}}}));
  EXPECT_EQ(Inferred("Capacity-building and capacity building online."), Lines{})
      << "one weak term, written twice, is one term";
}

TEST(InferActionLinesTest, ListItemsMayCarryAWordOrTwo) {
  EXPECT_TRUE(Inferred("We must meet the challenges posed by the digital revolution, by cybersecurity threats, by climate "
                       "change, and transboundary pollution.")
                  .empty());
  EXPECT_EQ(Inferred("We must strengthen national cybersecurity in every ministry online.").size(), 1u);
}

TEST(InferActionLinesTest, AListedStrongTermNeedsItsWeakTermBesideIt) {
  // "human rights" (weak C10) is many items away from "disinformation".
  EXPECT_TRUE(Inferred("The list includes racism; the chariots of artificial intelligence; poverty; ignorance and "
                       "disinformation; terrorism and its malcontents; trafficking in persons and narcotics; the "
                       "subversion of democracy and human rights.")
                  .empty());
  EXPECT_EQ(Inferred("Threats include terrorism, disinformation and attacks on human dignity online.").size(), 1u);
}

TEST(InferActionLinesTest, AListOfIctSubjectsIsAboutEachOfThem) {
  const auto themes = Inferred("Sub-themes: (1) Internet Fragmentation; (2) Cybersecurity, Cybercrime & Online "
                               "Safety; (3) Data Governance; (4) Digital Divides & Inclusion.");
  std::vector<std::string> codes;
  for (const auto& [code, evidence] : themes) codes.push_back(code);
  EXPECT_EQ(codes, (std::vector<std::string>{"C5", "C6"}));
}

TEST(InferActionLinesTest, AFullStopBeforeALowerCaseWordEndsNoSentence) {
  EXPECT_TRUE(Inferred("Other areas of the global commons, AI. cybersecurity, digital technology and outer space.")
                  .empty());
}

TEST(InferActionLinesTest, AWeakTermCountsOnlyInASentenceOnIcts) {
  // "rules", "governance" and "standards" are C6's weak terms; here they
  // speak of the environment, and the digital word is sentences away.
  EXPECT_TRUE(Inferred("Digital tools help. We will lead the world on climate. We set rules, governance and standards "
                       "for the oceans.")
                  .empty());
  EXPECT_EQ(Inferred("We set rules, governance and standards for the digital economy.").front().first, "C6");
}

TEST(InferActionLinesTest, MediaNeedsNoWordOfIcts) {
  EXPECT_EQ(Inferred("We shall also promote free media and an active civil society."),
            (Lines{{"C9", {"free media"}}}));
  EXPECT_TRUE(Inferred("Free trade and an active civil society.").empty());
}

TEST(InferActionLinesTest, LinksAreNoEvidence) {
  EXPECT_TRUE(Inferred("See https://www.un.org/techenvoy/global_digital_compact_zero_draft.pdf for the draft.").empty());
  EXPECT_TRUE(Inferred("[www.example.org/cybersecurity](www.example.org/cybersecurity)").empty());
}

// Generated passages: each line's strong terms said as the subject of a
// sentence about ICTs are found with themselves as evidence; the same terms
// as one item of a list of unrelated subjects are not.
TEST(InferActionLinesTest, GeneratedSubjectsAndListItems) {
  std::mt19937 rng(20261202);
  std::vector<const LexiconTerm*> strong;
  for (const LexiconTerm& t : ActionLineLexicon::Builtin().terms()) {
    if (t.strong) strong.push_back(&t);
  }
  const std::vector<std::string> subjects = {"Our Government has made {T} a priority of its digital agenda.",
                                             "We are investing in {T} across the country, online and offline."};
  const std::vector<std::string> lists = {"Threats such as terrorism, {T}, pandemics and climate change remain.",
                                          "We discussed migration, {T}, food prices, and debt relief."};
  for (int i = 0; i < 200; ++i) {
    const LexiconTerm& term = *strong[rng() % strong.size()];
    std::string said = subjects[rng() % subjects.size()];
    said.replace(said.find("{T}"), 3, term.term);
    const auto found = InferActionLines(said);
    // Spellings that differ only by hyphens are one term ("cyber-crime",
    // "cyber crime"); the evidence gives the first the table writes.
    const auto unhyphenated = [](std::string s) {
      std::replace(s.begin(), s.end(), '-', ' ');
      return s;
    };
    const bool has = std::any_of(found.begin(), found.end(), [&](const InferredActionLine& l) {
      return l.code == term.code && std::any_of(l.evidence.begin(), l.evidence.end(), [&](const std::string& e) {
               return unhyphenated(e) == unhyphenated(term.term);
             });
    });
    // A longer term of another line may contain this one ("digital
    // services tax" holds "digital services"); the generated sentence then
    // names that one.
    if (!has) {
      bool longer = false;
      for (const auto& l : found) {
        for (const auto& e : l.evidence) longer = longer || (e.size() > term.term.size() && e.find(term.term) != std::string::npos);
      }
      EXPECT_TRUE(longer) << said;
    }
    std::string listed = lists[rng() % lists.size()];
    listed.replace(listed.find("{T}"), 3, term.term);
    for (const auto& l : InferActionLines(listed)) {
      EXPECT_NE(l.code, term.code) << listed;
    }
  }
}

}  // namespace
}  // namespace cstd::extract
