// Extraction on generated reports: the rules must hold for the genre's
// classes of variation, seed after seed, not for the public files alone.

#include "extract/synthetic_report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "extract/extract.h"
#include "model/text.h"

namespace cstd::extract::testing {
namespace {

// Seeds run in the suite; each is a report of 8 to 30 paragraphs.
constexpr uint64_t kSeeds = 300;

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double F1() const { return tp == 0 && fp == 0 && fn == 0 ? 1.0 : 2.0 * tp / (2.0 * tp + fp + fn); }
};

std::string Plain(const SyntheticParagraph& p) {
  std::string out;
  for (const Segment& s : p.segments) out += s.text;
  return out;
}

struct Score {
  Counts speakers, countries;
  int fields = 0, fields_right = 0;
  int paragraphs = 0, texts_intact = 0;
  std::vector<std::string> differences;
};

void Compare(const SyntheticReport& report, const ExtractedDocument& got, Score& score) {
  const Document& want = report.truth;
  const Document& doc = got.document;
  const auto field = [&](const char* name, bool ok, const std::string& got_value, const std::string& want_value) {
    ++score.fields;
    if (ok) {
      ++score.fields_right;
    } else {
      score.differences.push_back(std::string(name) + ": got '" + got_value + "', want '" + want_value + "'");
    }
  };
  const auto opt = [](const std::optional<std::string>& s) { return s.value_or("null"); };
  const auto num = [](const std::optional<int>& n) { return n ? std::to_string(*n) : std::string("null"); };
  field("type", doc.type == want.type, doc.type, want.type);
  field("title", text::FoldKey(doc.title) == text::FoldKey(want.title), doc.title, want.title);
  field("session", doc.session == want.session, num(doc.session), num(want.session));
  field("year", doc.year == want.year, num(doc.year), num(want.year));
  if (want.date) field("date", doc.date == want.date, opt(doc.date), opt(want.date));
  if (want.symbol) field("symbol", doc.symbol == want.symbol, opt(doc.symbol), opt(want.symbol));
  if (want.author) {
    field("author", doc.author && text::FoldKey(*doc.author) == text::FoldKey(*want.author), opt(doc.author),
          opt(want.author));
  }
  if (want.meeting) {
    const Meeting m = doc.meeting.value_or(Meeting{});
    field("meeting.place", m.place == want.meeting->place, m.place, want.meeting->place);
    field("meeting.start", m.start == want.meeting->start, opt(m.start), opt(want.meeting->start));
    field("meeting.end", m.end == want.meeting->end, opt(m.end), opt(want.meeting->end));
  }

  std::map<int, const Paragraph*> by_number;
  for (const Paragraph& p : got.paragraphs) {
    if (p.number) by_number.emplace(*p.number, &p);
  }
  for (const SyntheticParagraph& p : report.paragraphs) {
    const auto it = by_number.find(p.number);
    const Paragraph empty;
    const Paragraph& g = it == by_number.end() ? empty : *it->second;
    ++score.paragraphs;
    if (text::FoldKey(g.text) == text::FoldKey(Plain(p))) {
      ++score.texts_intact;
    } else {
      // Where the texts part: 40 bytes before, 60 after.
      const std::string want_text = Plain(p);
      size_t at = 0;
      while (at < g.text.size() && at < want_text.size() && g.text[at] == want_text[at]) ++at;
      const size_t from = at > 40 ? at - 40 : 0;
      score.differences.push_back("paragraph " + std::to_string(p.number) + " text at byte " + std::to_string(at) +
                                  ": got '" + g.text.substr(from, 100) + "', want '" + want_text.substr(from, 100) +
                                  "'");
    }
    const std::set<std::string> want_speakers(p.speakers.begin(), p.speakers.end());
    const std::set<std::string> got_speakers(g.speakers.begin(), g.speakers.end());
    const std::set<std::string> want_countries(p.countries.begin(), p.countries.end());
    const std::set<std::string> got_countries(g.countries.begin(), g.countries.end());
    const auto tally = [&](const std::set<std::string>& want_set, const std::set<std::string>& got_set, Counts& c,
                           const char* what) {
      for (const auto& w : want_set) {
        if (got_set.count(w)) {
          ++c.tp;
        } else {
          ++c.fn;
          score.differences.push_back("paragraph " + std::to_string(p.number) + " " + what + ": missing " + w);
        }
      }
      for (const auto& g2 : got_set) {
        if (!want_set.count(g2)) {
          ++c.fp;
          score.differences.push_back("paragraph " + std::to_string(p.number) + " " + what + ": extra " + g2);
        }
      }
    };
    tally(want_speakers, got_speakers, score.speakers, "speakers");
    tally(want_countries, got_countries, score.countries, "countries");
  }
}

TEST(SyntheticReportTest, GeneratorIsDeterministic) {
  EXPECT_EQ(RenderText(GenerateReport(7), 7), RenderText(GenerateReport(7), 7));
  EXPECT_NE(RenderText(GenerateReport(7), 7), RenderText(GenerateReport(8), 8));
}

// The bar the issue sets for reports nobody here has seen: every measure at
// least 0.95 over the seeds, and no single report below 0.80.
TEST(SyntheticReportTest, ExtractionHoldsOverGeneratedReports) {
  Score total;
  double worst_attribution = 1.0;
  uint64_t worst_seed = 0;
  std::map<std::string, int> field_misses;
  for (uint64_t seed = 1; seed <= kSeeds; ++seed) {
    const SyntheticReport report = GenerateReport(seed);
    RenderLog log;
    const std::string text = RenderText(report, seed, &log);
    const ExtractedDocument got = Extract("generated.txt", "generated.txt", NormaliseText("generated.txt", text));
    Score score;
    Compare(report, got, score);
    const double attribution = std::min(score.speakers.F1(), score.countries.F1());
    if (attribution < worst_attribution) {
      worst_attribution = attribution;
      worst_seed = seed;
    }
    for (const auto& d : score.differences) {
      if (d.rfind("paragraph", 0) != 0) ++field_misses[d.substr(0, d.find(':'))];
    }
    // CSTD_SYNTHETIC_VERBOSE=1 prints every difference and the text's head.
    if (std::getenv("CSTD_SYNTHETIC_VERBOSE") && !score.differences.empty()) {
      std::cout << "seed " << seed << " (" << report.truth.type << ")\n";
      for (const auto& d : score.differences) std::cout << "  " << d << "\n";
      std::cout << "  text: " << text.substr(0, std::min<size_t>(text.size(), 900)) << "\n";
    }
    EXPECT_GE(attribution, 0.80) << "seed " << seed;
    if (!score.differences.empty() && ::testing::Test::HasFailure()) {
      std::ostringstream why;
      for (const auto& c : log.choices) why << "  render: " << c << "\n";
      for (const auto& d : score.differences) why << "  " << d << "\n";
      ADD_FAILURE() << "seed " << seed << " (" << report.truth.type << "):\n" << why.str();
      return;
    }
    total.speakers.tp += score.speakers.tp;
    total.speakers.fp += score.speakers.fp;
    total.speakers.fn += score.speakers.fn;
    total.countries.tp += score.countries.tp;
    total.countries.fp += score.countries.fp;
    total.countries.fn += score.countries.fn;
    total.fields += score.fields;
    total.fields_right += score.fields_right;
    total.paragraphs += score.paragraphs;
    total.texts_intact += score.texts_intact;
  }
  const double fields = static_cast<double>(total.fields_right) / total.fields;
  const double texts = static_cast<double>(total.texts_intact) / total.paragraphs;
  std::cout << "generated reports: " << kSeeds << " | document fields " << fields << " | speakers F1 "
            << total.speakers.F1() << " | countries F1 " << total.countries.F1() << " | paragraph texts intact "
            << texts << " | worst attribution " << worst_attribution << " (seed " << worst_seed << ")\n";
  for (const auto& [f, n] : field_misses) std::cout << "  field misses: " << f << " " << n << "\n";
  EXPECT_GE(fields, 0.95);
  EXPECT_GE(total.speakers.F1(), 0.95);
  EXPECT_GE(total.countries.F1(), 0.95);
  EXPECT_GE(texts, 0.95);
}

}  // namespace
}  // namespace cstd::extract::testing
