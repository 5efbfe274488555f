#include "extract/speech.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "model/countries.h"
#include "model/text.h"

namespace cstd::extract {
namespace {

// The class of documents speech.h reads: one delegation's statement with no
// cover page, in the wordings delegations use, naming itself in some of
// the ways they do (or not at all), naming other countries as speeches do
// (congratulations, conflicts, thanks), under file names that carry the
// delegation's code in several forms (or none). Generated from a seed with
// its truth.
struct GeneratedSpeech {
  std::string text;       // paragraphs separated by blank lines
  std::string file_stem;  // without extension
  std::string delegation;  // ISO3 of who speaks
  bool names_itself = false;
  bool code_in_name = false;
  bool ungdc_name = false;
  size_t paragraphs = 0;
};

const std::vector<const Country*>& Members() {
  static const std::vector<const Country*> kMembers = [] {
    std::vector<const Country*> out;
    for (const Country& c : Countries::Builtin().all()) {
      if (c.status == "member") out.push_back(&c);
    }
    return out;
  }();
  return kMembers;
}

template <typename T>
const T& Pick(std::mt19937& rng, const std::vector<T>& v) {
  return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
}

GeneratedSpeech Generate(unsigned seed) {
  std::mt19937 rng(seed);
  GeneratedSpeech s;
  const Country* self = Pick(rng, Members());
  std::vector<const Country*> others;
  while (others.size() < 3) {
    const Country* c = Pick(rng, Members());
    // Another country, and not one whose name holds the speaker's or the
    // other way round ("Niger", "Nigeria" are fine; "Guinea" in "Papua New
    // Guinea" is a name the text would not use alone for the other).
    if (c != self && c->short_name.find(self->short_name) == std::string::npos &&
        self->short_name.find(c->short_name) == std::string::npos) {
      others.push_back(c);
    }
  }
  const std::string& me = self->short_name;
  s.delegation = self->code;
  const bool unga = rng() % 2;
  const std::vector<std::string> openings = {
      std::string("Mr. President, allow me at the outset to congratulate you on your election."),
      std::string("Madam Chair, I would like to thank the secretariat for the reports before us."),
      std::string("It is an honour to address the ") + (unga ? "General Assembly" : "Commission") + " today.",
      std::string("Let me begin by congratulating the Bureau on its election."),
  };
  const std::vector<std::string> selves = {
      "For " + me + ", the transformation of industry cannot be separated from the question of jobs.",
      "Mr. President, " + me + " attaches great importance to the follow-up of the Summit.",
      "My country, " + me + ", remains committed to the 2030 Agenda.",
      "On behalf of the Government of " + me + ", I wish to thank all partners.",
      me + " welcomes the Secretary-General's report on digital cooperation.",
  };
  std::vector<std::string> paragraphs = {Pick(rng, openings)};
  const std::vector<std::string> middles = {
      "We congratulate " + others[0]->short_name + " on hosting the conference last year.",
      "The conflict between " + others[1]->short_name + " and " + others[2]->short_name +
          " has cost many lives and must end.",
      others[0]->short_name + " has shown what connectivity can do for rural schools.",
      "Our cities are growing fast, and with them the demand for housing, transport, water and energy.",
      "I thank the delegation of " + others[2]->short_name + " for its kind words.",
      "The digital divide between and within countries remains wide, and my delegation will work to close it.",
  };
  const int self_mentions = static_cast<int>(rng() % 3);  // 0, 1 or 2
  s.names_itself = self_mentions > 0;
  const int middle_count = 2 + static_cast<int>(rng() % 4);
  for (int i = 0; i < middle_count; ++i) paragraphs.push_back(Pick(rng, middles));
  for (int i = 0; i < self_mentions; ++i) {
    paragraphs.insert(paragraphs.begin() + 1 + static_cast<long>(rng() % (paragraphs.size() - 1)), Pick(rng, selves));
  }
  paragraphs.push_back("In conclusion, my delegation looks forward to a constructive exchange. I thank you.");
  s.paragraphs = paragraphs.size();
  for (const auto& p : paragraphs) s.text += p + "\n\n";
  const std::string code = self->code;
  const std::string lower = text::AsciiLower(code);
  switch (rng() % 4) {
    case 0:
      s.file_stem = "speech-" + lower + "-2022";
      s.code_in_name = true;
      break;
    case 1:
      s.file_stem = code + "_" + std::to_string(70 + rng() % 9) + "_20" + std::to_string(15 + rng() % 9);
      s.code_in_name = s.ungdc_name = true;
      break;
    case 2:
      s.file_stem = "statement " + lower + " final";
      s.code_in_name = true;
      break;
    default:
      s.file_stem = "statement-2022-" + std::to_string(rng() % 100);
      break;
  }
  return s;
}

std::vector<Paragraph> Paragraphs(const std::string& text) {
  std::vector<Paragraph> out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t end = text.find("\n\n", at);
    Paragraph p;
    p.text = text.substr(at, end - at);
    if (!p.text.empty()) out.push_back(std::move(p));
    if (end == std::string::npos) break;
    at = end + 2;
  }
  return out;
}

TEST(SpeechTest, GeneratedSpeechesReadAsSpeechesOfTheirDelegation) {
  constexpr unsigned kSeeds = 300;
  // Each kind of speech, so that the test cannot pass on one kind alone.
  size_t ungdc = 0, self_named = 0, code_only = 0, neither = 0;
  for (unsigned seed = 1; seed <= kSeeds; ++seed) {
    const GeneratedSpeech s = Generate(seed);
    ungdc += s.ungdc_name;
    self_named += s.names_itself && !s.code_in_name;
    code_only += s.code_in_name && !s.ungdc_name && !s.names_itself;
    neither += !s.code_in_name && !s.names_itself;
    const std::vector<Paragraph> paragraphs = Paragraphs(s.text);
    EXPECT_TRUE(ReadsAsSpeech(paragraphs, s.file_stem)) << "seed " << seed;
    const auto found = SpeakingDelegation(paragraphs, s.file_stem);
    // Who speaks is known when the name is the UNGDC's, or the text names
    // itself, or a code in the name is one the text names (a speech that
    // names itself names its country too).
    if (s.ungdc_name || s.names_itself) {
      EXPECT_EQ(found, std::optional<std::string>(s.delegation)) << "seed " << seed << "\n" << s.file_stem << "\n"
                                                                 << s.text;
    } else {
      // Neither: no guess from the other countries it names.
      EXPECT_EQ(found, std::nullopt) << "seed " << seed << "\n" << s.file_stem << "\n" << s.text;
    }
  }
  EXPECT_GE(ungdc, 30u);
  EXPECT_GE(self_named, 15u);
  EXPECT_GE(code_only, 15u);
  EXPECT_GE(neither, 15u);
}

TEST(SpeechTest, ExtractionMakesASpeechOfTheFileAndNumbersItsParagraphs) {
  for (unsigned seed = 1; seed <= 60; ++seed) {
    const GeneratedSpeech s = Generate(seed);
    const ExtractedDocument doc = Extract("/archive/" + s.file_stem + ".txt", s.file_stem + ".txt", s.text);
    EXPECT_EQ(doc.document.type, "speech") << "seed " << seed;
    EXPECT_NE(doc.document.title, s.file_stem) << "seed " << seed;
    ASSERT_EQ(doc.paragraphs.size(), s.paragraphs) << "seed " << seed;
    for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
      EXPECT_EQ(doc.paragraphs[i].number, static_cast<int>(i + 1)) << "seed " << seed;
    }
    if (s.ungdc_name || s.names_itself) {
      const Country* c = Countries::Builtin().FindByCode(s.delegation);
      EXPECT_NE(doc.document.title.find(c->short_name), std::string::npos) << doc.document.title;
      for (const Paragraph& p : doc.paragraphs) {
        EXPECT_EQ(p.countries, std::vector<std::string>{s.delegation}) << "seed " << seed;
        for (const Statement& st : p.statements) EXPECT_EQ(st.countries, std::vector<std::string>{s.delegation});
      }
    }
  }
}

// Reports speak of delegations in the third person; they are no speeches,
// whatever their file is called.
TEST(SpeechTest, AReportWithoutACoverIsNoSpeechAndIsTitledFromItsText) {
  const std::string report =
      "The delegate of Brazil said that broadband should reach every school.\n\n"
      "The representative of India noted the importance of South-South cooperation. Several delegates agreed.\n";
  const ExtractedDocument doc = Extract("/archive/speech-bra-2022.txt", "speech-bra-2022.txt", report);
  EXPECT_EQ(doc.document.type, "other");
  EXPECT_EQ(doc.document.title, "The delegate of Brazil said that broadband should reach every school");
  EXPECT_FALSE(doc.paragraphs[0].number.has_value());
  EXPECT_EQ(doc.paragraphs[0].countries, std::vector<std::string>{"BRA"});  // attribution's, not the file's
  EXPECT_EQ(doc.paragraphs[1].countries, std::vector<std::string>{"IND"});
}

TEST(SpeechTest, TitlesFromTextStopAtTheFirstSentenceOrTwelveWords) {
  EXPECT_EQ(TitleFromText("I congratulate Ms. Espinosa on her election. We are here."),
            "I congratulate Ms. Espinosa on her election");
  EXPECT_EQ(TitleFromText("Seventy years ago, after the end of the Second World War, humankind founded the "
                          "United Nations"),
            "Seventy years ago, after the end of the Second World War, humankind\u2026");
  EXPECT_EQ(TitleFromText("Due to time constraints"), "Due to time constraints");
  EXPECT_EQ(TitleFromText(""), "");
}

TEST(SpeechTest, NumbersOnlySpeechesTheirTextLeavesUnnumbered) {
  ExtractedDocument doc;
  doc.document.type = "speech";
  doc.paragraphs.resize(3);
  NumberSpeechByPosition(doc);
  EXPECT_EQ(doc.paragraphs[2].number, 3);
  // A speech that numbers its paragraphs keeps its numbers.
  doc.paragraphs[1].number = 7;
  doc.paragraphs[0].number.reset();
  NumberSpeechByPosition(doc);
  EXPECT_FALSE(doc.paragraphs[0].number.has_value());
  // Another document is left alone.
  ExtractedDocument report;
  report.document.type = "panel-report";
  report.paragraphs.resize(2);
  NumberSpeechByPosition(report);
  EXPECT_FALSE(report.paragraphs[0].number.has_value());
}

}  // namespace
}  // namespace cstd::extract
