#include "extract/action_line_inference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "model/action_line_lexicon.h"
#include "model/text.h"

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
  EXPECT_EQ(Inferred("Skills-development and skills development online."), Lines{})
      << "one weak term, written twice, is one term";
}

TEST(InferActionLinesTest, ATermStandsInOneClause) {
  EXPECT_EQ(Inferred("Protect human rights online."), (Lines{{"C10", {"human rights online"}}}));
  EXPECT_TRUE(Inferred("We defend human rights. Online, we met.").empty());
  EXPECT_TRUE(Inferred("We defend human rights, online and offline.").empty());
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

TEST(InferActionLinesTest, AWeakTermCountsInTheSentenceAfterOneOnIcts) {
  // The second sentence goes on with the first one's subject.
  EXPECT_EQ(Inferred("Many schools now teach online. That area needs close collaboration and cooperation with "
                     "Member States."),
            (Lines{{"C11", {"collaboration", "cooperation"}}}));
  EXPECT_TRUE(Inferred("Many schools now teach online. We met. That area needs close collaboration and cooperation "
                       "with Member States.")
                  .empty())
      << "two sentences after the digital word";
}

TEST(InferActionLinesTest, PluralAndSingularAreOneTerm) {
  EXPECT_EQ(Inferred("A hacker broke into the ministry's servers online."), (Lines{{"C5", {"hackers"}}}));
  EXPECT_EQ(Inferred("Our national digital strategies guide us."), (Lines{{"C1", {"national digital strategy"}}}));
  EXPECT_EQ(Inferred("Regulatory approaches to the Internet differ."), (Lines{{"C6", {"regulatory approaches"}}}));
  EXPECT_EQ(Inferred("A regulatory approach to the Internet differs."),
            (Lines{{"C6", {"regulatory approaches"}}}));
  // One weak term written in both numbers is one piece of evidence.
  EXPECT_TRUE(Inferred("The digital divide is wide, and digital divides persist online.").empty());
  // Singulars in -ss, -us and -is are left as they are.
  EXPECT_EQ(Inferred("Internet access is a priority.").front().first, "C2");
}

// Generated: each lexicon term with its last word in the other number
// (regular English plural: -s, -ies, -es) is the same term, found for the
// same line with the table's spelling as its evidence; and a weak term said
// in both numbers is still one weak term, not enough alone.
TEST(InferActionLinesTest, GeneratedOtherNumberOfEachTerm) {
  const auto other_number = [](const std::string& term) -> std::string {
    const size_t last = term.find_last_of(" -") == std::string::npos ? 0 : term.find_last_of(" -") + 1;
    std::string word = term.substr(last);
    const auto ends = [&](std::string_view tail) {
      return word.size() >= tail.size() && word.compare(word.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (word.size() <= 3 || ends("ss") || ends("us") || ends("is") || ends("z")) return "";
    if (ends("ies")) {
      word = word.substr(0, word.size() - 3) + "y";
    } else if (ends("sses") || ends("xes") || ends("ches") || ends("shes")) {
      word.resize(word.size() - 2);
    } else if (ends("s")) {
      word.pop_back();
    } else if (ends("y") && std::string_view("aeiou").find(word[word.size() - 2]) == std::string_view::npos) {
      word = word.substr(0, word.size() - 1) + "ies";
    } else if (ends("x") || ends("ch") || ends("sh")) {
      word += "es";
    } else {
      word += "s";
    }
    return term.substr(0, last) + word;
  };
  std::mt19937 rng(20261203);
  const std::vector<LexiconTerm>& terms = ActionLineLexicon::Builtin().terms();
  int tried = 0;
  for (int i = 0; i < 300; ++i) {
    const LexiconTerm& term = terms[rng() % terms.size()];
    const std::string other = other_number(term.term);
    if (other.empty()) continue;
    ++tried;
    // A strong term said as the subject of a sentence on ICTs; a weak one
    // beside a second weak term of its line is not needed: the test asks
    // which evidence is reported, so each is said in a topic sentence.
    const std::string said = "Our digital agenda online puts " + other + " first.";
    bool has = false, longer = false;
    for (const InferredActionLine& line : InferActionLines(said)) {
      for (const std::string& e : line.evidence) {
        has = has || (line.code == term.code && TermKey(e) == TermKey(term.term));
        longer = longer || e.size() > term.term.size();
      }
    }
    // A weak term alone is no line; a longer term of another line may hold
    // this one ("digital services tax" holds "digital services").
    if (term.strong()) {
      EXPECT_TRUE(has || longer) << said << " (" << term.term << ")";
    }
    const std::string both = "Online, we spoke of " + term.term + " and then of " + other + " again.";
    if (term.weight == TermWeight::kWeak) {
      for (const InferredActionLine& line : InferActionLines(both)) {
        std::vector<std::string> keys;
        for (const std::string& e : line.evidence) keys.push_back(TermKey(e));
        std::sort(keys.begin(), keys.end());
        EXPECT_EQ(std::adjacent_find(keys.begin(), keys.end()), keys.end()) << "one term twice: " << both;
        EXPECT_FALSE(line.code == term.code && keys == std::vector<std::string>{TermKey(term.term)})
            << "one weak term in two numbers is not two: " << both;
      }
    }
  }
  EXPECT_GT(tried, 200) << "the generator must reach most terms";
}

TEST(InferActionLinesTest, AListInAWsisDocumentIsOfItsSubjects) {
  const std::string listed = "Contributions named transnational crime, cybersecurity, climate change and pandemics online.";
  EXPECT_TRUE(InferActionLines(listed).empty()) << "in a speech: the world's ills";
  const auto in_wsis = InferActionLines(listed, {.wsis_document = true});
  ASSERT_EQ(in_wsis.size(), 1u);
  EXPECT_EQ(in_wsis.front().code, "C5");
  EXPECT_TRUE(InferActionLines("Contributions named transnational crime, privacy and pandemics online.", {.wsis_document = true})
                  .empty())
      << "a weak term listed is still one weak term";
}

TEST(InferActionLinesTest, AnExampleAfterSuchAsIsNamedInPassing) {
  EXPECT_TRUE(Inferred("Contributions focused on infrastructure and digital priorities such as cybersecurity.").empty());
  EXPECT_EQ(Inferred("Threats online, such as cybercrime and privacy breaches, grow.").size(), 1u)
      << "a weak term beside the example still makes it the subject";
  EXPECT_EQ(Inferred("Such as it is, cybersecurity is our first priority online.").size(), 1u);
}

// Generated: a topical term (a line's title words, "international
// cooperation") names its line when it is the subject of a sentence on
// ICTs, or of the sentence after one; not when the words of ICTs are two
// sentences away or absent, and not as one item of a list of disparate
// subjects.
TEST(InferActionLinesTest, GeneratedTopicalTerms) {
  std::vector<const LexiconTerm*> topical;
  for (const LexiconTerm& t : ActionLineLexicon::Builtin().terms()) {
    if (t.weight == TermWeight::kTopical) topical.push_back(&t);
  }
  ASSERT_FALSE(topical.empty());
  const std::vector<std::string> subjects = {
      "Our Government has made {T} for the digital economy a priority.",
      "Many people are still offline. We call for {T} to close that gap.",
      "{T} on artificial intelligence must grow."};
  const std::vector<std::string> unrelated = {
      "Our Government has made {T} for the water sector a priority.",
      "Many people are still offline. We met. We call for {T} to close that gap.",
      "Online, we discussed migration, {T}, food prices, and debt relief."};
  std::mt19937 rng(20261204);
  for (int i = 0; i < 100; ++i) {
    const LexiconTerm& term = *topical[rng() % topical.size()];
    const auto lines_of = [&](std::string text) {
      text.replace(text.find("{T}"), 3, term.term);
      std::vector<std::string> codes;
      for (const InferredActionLine& line : InferActionLines(text)) codes.push_back(line.code);
      return std::make_pair(text, codes);
    };
    const auto [said, found] = lines_of(subjects[rng() % subjects.size()]);
    EXPECT_NE(std::find(found.begin(), found.end(), term.code), found.end()) << said;
    const auto [other, not_found] = lines_of(unrelated[rng() % unrelated.size()]);
    EXPECT_EQ(std::find(not_found.begin(), not_found.end(), term.code), not_found.end()) << other;
  }
}

TEST(InferActionLinesTest, WhatSpeaksOfIcts) {
  for (const char* yes : {"Progress made in the implementation of the outcomes of the World Summit on the Information "
                          "Society",
                          "Theme 1: Industry 4.0 for inclusive development", "the fourth industrial revolution",
                          "WSIS+20", "Cyber-attacks", "digitalisation", "Many remain offline.",
                          "hate speech on social media", "Social networks spread it.",
                          "the use of information and communication technologies", "information communication technology"}) {
    EXPECT_TRUE(SpeaksOfIcts(yes)) << yes;
  }
  for (const char* no : {"Ensuring safe water and sanitation for all", "the industrial revolution",
                         "Science, technology and innovation for sustainable urban development", "Industry 5",
                         "transport networks and green technology", "social protection networks",
                         "the media and social partners", "information and communication"}) {
    EXPECT_FALSE(SpeaksOfIcts(no)) << no;
  }
}

// Generated: two weak or topical terms of one line in a passage without a
// word of ICTs give no line, and the same passage under a heading on ICTs
// gives it.
TEST(InferActionLinesTest, GeneratedContextOfAHeadingOnIcts) {
  std::map<std::string, std::vector<const LexiconTerm*>> by_line;
  for (const LexiconTerm& t : ActionLineLexicon::Builtin().terms()) {
    // Media needs no context; a term that speaks of ICTs itself is its own;
    // a sector needs its word of ICTs beside it (GeneratedSectorsWithAWordOfIcts).
    if ((t.weight == TermWeight::kWeak || t.weight == TermWeight::kTopical) && t.code != "C9" && !SpeaksOfIcts(t.term)) {
      by_line[t.code].push_back(&t);
    }
  }
  std::mt19937 rng(20261205);
  int checked = 0;
  for (int i = 0; i < 200; ++i) {
    auto it = by_line.begin();
    std::advance(it, rng() % by_line.size());
    const std::vector<const LexiconTerm*>& terms = it->second;
    if (terms.size() < 2) continue;
    const LexiconTerm& a = *terms[rng() % terms.size()];
    const LexiconTerm& b = *terms[rng() % terms.size()];
    // One inside the other ("financing", "financing partner") is one subject.
    const std::string ka = " " + TermKey(a.term) + " ", kb = " " + TermKey(b.term) + " ";
    if (ka.find(kb) != std::string::npos || kb.find(ka) != std::string::npos) continue;
    const std::string passage = "Delegates spoke at length of " + a.term + ". Others stressed " + b.term + " too.";
    EXPECT_TRUE(InferActionLines(passage).empty()) << passage;
    const auto found = InferActionLines(passage, {.under_ict_heading = true});
    EXPECT_TRUE(std::any_of(found.begin(), found.end(), [&](const InferredActionLine& l) { return l.code == a.code; }))
        << passage;
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

TEST(InferActionLinesTest, MediaFreedomNeedsNoWordOfIcts) {
  EXPECT_EQ(Inferred("We shall also promote free media and an active civil society."),
            (Lines{{"C9", {"free media"}}}));
  EXPECT_EQ(Inferred("The safety of journalists is under threat."), (Lines{{"C9", {"safety of journalists"}}}));
  EXPECT_TRUE(Inferred("Free trade and an active civil society.").empty());
  // The media merely named, without a word of ICTs, are not the line.
  EXPECT_TRUE(Inferred("This happens in the midst of a press, radio and television campaign against us.").empty());
  EXPECT_TRUE(Inferred("The Government accredited over 200 foreign journalists and the press.").empty());
  EXPECT_EQ(Inferred("Online, the press and radio reach everyone.").size(), 1u) << "with a word of ICTs they count";
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
    if (t.strong()) strong.push_back(&t);
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
    // Spellings that differ only by hyphens or number are one term
    // ("cyber-crime", "cyber crimes"); the evidence gives the first the
    // table writes.
    const bool has = std::any_of(found.begin(), found.end(), [&](const InferredActionLine& l) {
      return l.code == term.code && std::any_of(l.evidence.begin(), l.evidence.end(), [&](const std::string& e) {
               return TermKey(e) == TermKey(term.term);
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

// Generated: a one-word term written as two words, with a space, a hyphen
// or a line-end hyphen ("cyber space", "cyber-attacks", "broad- band"), is
// that term, found for its line with the table's spelling as evidence.
TEST(InferActionLinesTest, GeneratedClosedCompoundsWrittenOpen) {
  std::vector<const LexiconTerm*> one_word;
  for (const LexiconTerm& t : ActionLineLexicon::Builtin().terms()) {
    if (t.strong() && t.term.size() >= 8 && TermKey(t.term).find(' ') == std::string::npos) one_word.push_back(&t);
  }
  ASSERT_GT(one_word.size(), 20u);
  const std::vector<std::string> joiners = {" ", "-", "- "};
  std::mt19937 rng(20261206);
  for (int i = 0; i < 200; ++i) {
    const LexiconTerm& term = *one_word[rng() % one_word.size()];
    const size_t cut = 3 + rng() % (term.term.size() - 5);
    const std::string open = term.term.substr(0, cut) + joiners[rng() % joiners.size()] + term.term.substr(cut);
    const std::string said = "Online, " + open + " is what our Government puts first.";
    // Found for its line, as itself or as the table's two-word spelling of
    // it ("cyber security"): the same letters.
    const auto letters = [](const std::string& t) {
      std::string key = TermKey(t);
      key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
      return key;
    };
    bool has = false;
    for (const InferredActionLine& line : InferActionLines(said)) {
      for (const std::string& e : line.evidence) has = has || (line.code == term.code && letters(e) == letters(term.term));
    }
    EXPECT_TRUE(has) << said;
  }
  EXPECT_EQ(Inferred("States must abide by agreed rules in cyber space, online."), (Lines{{"C5", {"cyberspace"}}}));
  for (const char* apart : {"Online, rules in cyber, space and sea.", "Online rules in cyber. Space matters."}) {
    for (const InferredActionLine& line : InferActionLines(apart)) {
      EXPECT_EQ(std::find(line.evidence.begin(), line.evidence.end(), "cyberspace"), line.evidence.end()) << apart;
    }
  }
}

// Generated: two weak terms of one line, one inside the other ("connectivity"
// and "digital connectivity" of a weak pair), are one subject said twice and
// give no line; two weak terms apart are two and give it.
TEST(InferActionLinesTest, GeneratedNestedWeakTermsAreOneSubject) {
  std::vector<std::pair<const LexiconTerm*, const LexiconTerm*>> nested, apart;
  const auto& terms = ActionLineLexicon::Builtin().terms();
  for (const LexiconTerm& a : terms) {
    for (const LexiconTerm& b : terms) {
      if (&a == &b || a.code != b.code || a.weight != TermWeight::kWeak || b.weight != TermWeight::kWeak) continue;
      const std::string ka = " " + TermKey(a.term) + " ", kb = " " + TermKey(b.term) + " ";
      if (ka == kb) continue;
      if (kb.find(ka) != std::string::npos) {
        nested.emplace_back(&a, &b);
      } else if (ka.find(kb) == std::string::npos) {
        apart.emplace_back(&a, &b);
      }
    }
  }
  ASSERT_FALSE(nested.empty());
  std::mt19937 rng(20261207);
  const auto lines_of = [](const std::string& text, const std::string& code) {
    const auto found = InferActionLines(text);
    return std::any_of(found.begin(), found.end(), [&](const InferredActionLine& l) { return l.code == code; });
  };
  for (int i = 0; i < 60; ++i) {
    const auto [small, big] = nested[rng() % nested.size()];
    const std::string said = "Online, the report spoke of " + big->term + ". Online, it spoke of " + small->term + " again.";
    EXPECT_FALSE(lines_of(said, small->code)) << said;
    const auto [a, b] = apart[rng() % apart.size()];
    const std::string two = "Online, the report spoke of " + a->term + ". Online, it spoke of " + b->term + " again.";
    EXPECT_TRUE(lines_of(two, a->code)) << two;
  }
}

// Generated: a sector of C7 ("medical", "court", "farmers") is an
// application of ICTs when a word or phrase of ICTs stands just before it in
// its clause, or after it joined by a verb of use ("farmers are adopting
// digital tools"), with those words quoted as the evidence, a phrase whole
// ("artificial intelligence medical", not "intelligence medical"); not when
// the word of ICTs comes after it otherwise, stands across a comma or an
// "and", or belongs to another line's term ("the digital divide").
TEST(InferActionLinesTest, GeneratedSectorsWithAWordOfIcts) {
  std::vector<const LexiconTerm*> sectors;
  for (const LexiconTerm& t : ActionLineLexicon::Builtin().terms()) {
    if (t.weight == TermWeight::kApplied) sectors.push_back(&t);
  }
  ASSERT_GT(sectors.size(), 30u);
  const std::vector<std::string> ict_words = {"digital", "online", "AI-based", "Internet", "digitized", "ICT",
                                              "artificial intelligence", "industry 4.0",
                                              "information and communication technologies"};
  std::mt19937 rng(20261208);
  int checked = 0;
  for (int i = 0; i < 200; ++i) {
    const LexiconTerm& sector = *sectors[rng() % sectors.size()];
    const std::string ict = ict_words[rng() % ict_words.size()];
    const std::string applied = "We have built " + ict + " " + sector.term + " systems for all.";
    const std::string words = text::AsciiLower(ict + " " + sector.term);
    const auto found = InferActionLines(applied);
    // A term of the table may run from the words of ICTs into the sector
    // ("digital education" of C4, "ICT enterprises" of C1, "technology
    // companies" of C6): then it names those words.
    const std::string phrase = " " + TermKey(ict + " " + sector.term + " systems for all") + " ";
    const size_t boundary = TermKey(ict).size() + 1;  // where the sector starts in `phrase`
    const auto& terms = ActionLineLexicon::Builtin().terms();
    const bool a_term = std::any_of(terms.begin(), terms.end(), [&](const LexiconTerm& t) {
      const std::string key = " " + TermKey(t.term) + " ";
      for (size_t at = phrase.find(key); at != std::string::npos; at = phrase.find(key, at + 1)) {
        if (at < boundary && at + key.size() - 1 > boundary) return true;
      }
      return false;
    });
    if (a_term) continue;
    ++checked;
    const auto it = std::find_if(found.begin(), found.end(), [&](const InferredActionLine& l) { return l.code == sector.code; });
    ASSERT_NE(it, found.end()) << applied;
    EXPECT_NE(std::find(it->evidence.begin(), it->evidence.end(), words), it->evidence.end()) << applied;
    // After the sector, joined by a verb of use. (The evidence ends with
    // the words of ICTs: "ai", not "ai-based".)
    const std::string used_ict = ict == "AI-based" ? "AI" : ict;
    const std::string used = "Our " + sector.term + " are adopting " + used_ict + " tools.";
    const auto found_used = InferActionLines(used);
    const auto it_used =
        std::find_if(found_used.begin(), found_used.end(), [&](const InferredActionLine& l) { return l.code == sector.code; });
    ASSERT_NE(it_used, found_used.end()) << used;
    const std::string used_words = text::AsciiLower(sector.term + " are adopting " + used_ict);
    EXPECT_NE(std::find(it_used->evidence.begin(), it_used->evidence.end(), used_words), it_used->evidence.end()) << used;
    for (const std::string& apart : {"We have built " + sector.term + " systems with " + ict + " tools.",
                                     "With " + ict + " tools, " + sector.term + " systems grew.",
                                     "Telecommunications and " + sector.term + " grew.",
                                     "The digital divide in " + sector.term + " is wide."}) {
      for (const InferredActionLine& l : InferActionLines(apart)) EXPECT_NE(l.code, sector.code) << apart;
    }
  }
  EXPECT_GT(checked, 150) << "the generator must reach most cases";
}

// How near the words must stand (kAppliedWords: three).
TEST(InferActionLinesTest, ASectorsWordOfIctsStandsNear) {
  const auto c7 = [](std::string_view text) {
    const auto found = InferActionLines(text);
    return std::any_of(found.begin(), found.end(), [](const InferredActionLine& l) { return l.code == "C7"; });
  };
  EXPECT_TRUE(c7("Internet tools for farmers."));
  EXPECT_FALSE(c7("Internet tools for our farmers."));
  EXPECT_TRUE(c7("Farmers are now adopting digital tools."));
  EXPECT_FALSE(c7("Farmers are now increasingly adopting digital tools."));
  EXPECT_TRUE(c7("Farmers adopt new digital tools."));
  EXPECT_FALSE(c7("Farmers adopt new and better digital tools."));
  EXPECT_FALSE(c7("A web of health, economic and social issues.")) << "data and web apply nothing";
  EXPECT_EQ(Inferred("Online (https://example.org/x) medical care."), (Lines{{"C7", {"online medical"}}}))
      << "a link between the words is left out of the quote";
}

TEST(InferActionLinesTest, ADashSeparatesLikeAComma) {
  for (const char* dash : {"\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\x95", "-"}) {
    const std::string listed = std::string("Four directions ") + dash + " cybersecurity, climate, security and weapons online.";
    EXPECT_TRUE(Inferred(listed).empty()) << listed;
  }
  EXPECT_EQ(Inferred("Our first priority online is cybersecurity.").size(), 1u);
}

}  // namespace
}  // namespace cstd::extract
