// The extraction quality bar: ../shared/tools/score-extraction run on the
// real cstd-indexer over ../shared/corpus/cstd against the hand annotations
// in ../shared/gold, and over the same documents as PDFs
// (../shared/corpus/cstd-pdf, ../shared/gold-pdf). Fails below the bar the
// document-understanding issue sets; and over the texts re-scarred by
// ../shared/tools/scar-suite.

#include <gtest/gtest.h>

#include <cstdio>
#include <regex>
#include <string>

#include "tests/support/process.h"

namespace cstd::testing {
namespace {

// The bar: document fields, and F1 of countries, speakers and explicit
// action lines, micro-averaged over the gold paragraphs.
constexpr double kDocumentBar = 0.95;
constexpr double kCountriesBar = 0.95;
constexpr double kSpeakersBar = 0.95;
constexpr double kActionLinesBar = 0.90;

double Field(const std::string& line, const std::string& pattern) {
  std::smatch match;
  if (!std::regex_search(line, match, std::regex(pattern))) return -1;
  return std::stod(match[1]);
}

// Runs the scorer over `corpus` against `gold` (folders of ../shared) and
// checks the summary line against the bars.
void ExpectBarsHold(const std::string& corpus, const std::string& gold) {
  const std::string shared = CSTD_SHARED_DIR;
  const RunResult r = RunCommand({"/usr/bin/python3", shared + "/tools/score-extraction", "--indexer",
                                  ProgramPath("cstd-indexer"), "--corpus", shared + "/" + corpus, "--gold",
                                  shared + "/" + gold});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  // The last line is the summary.
  const std::string out = r.out.substr(0, r.out.find_last_not_of('\n') + 1);
  const std::string summary = out.substr(out.rfind('\n') + 1);
  std::printf("%s\n", r.out.c_str());
  EXPECT_GE(Field(summary, R"(document ([0-9.]+))"), kDocumentBar) << summary;
  EXPECT_GE(Field(summary, R"(countries P [0-9.]+ R [0-9.]+ F1 ([0-9.]+))"), kCountriesBar) << summary;
  EXPECT_GE(Field(summary, R"(speakers P [0-9.]+ R [0-9.]+ F1 ([0-9.]+))"), kSpeakersBar) << summary;
  EXPECT_GE(Field(summary, R"(action_lines P [0-9.]+ R [0-9.]+ F1 ([0-9.]+))"), kActionLinesBar) << summary;
}

TEST(ExtractionQualityTest, ScorerBarHolds) {
  ExpectBarsHold("corpus/cstd", "gold");
}

// The same documents typeset as the archive's PDFs are: masthead, superscript
// markers, footnotes at the foot of each page, running headers, hyphenation.
TEST(ExtractionQualityTest, ScorerBarHoldsOnPdfs) {
  ExpectBarsHold("corpus/cstd-pdf", "gold-pdf");
}

// The public texts re-scarred the ways conversions scar them (../shared/
// tools/scar-suite: marker forms, lost footnote and paragraph numbers, page
// breaks with furniture, hyphenation, decoration, encodings), ten seeds: the
// rules must hold for the class, not the file. The bar of the issue: mean
// at least 0.95 and no variant below 0.90, on each measure.
TEST(ExtractionQualityTest, ScarSuiteBarHolds) {
  const std::string shared = CSTD_SHARED_DIR;
  const RunResult r = RunCommand({"/usr/bin/python3", shared + "/tools/scar-suite", "--indexer",
                                  ProgramPath("cstd-indexer"), "--corpus", shared + "/corpus/cstd", "--gold",
                                  shared + "/gold", "--seeds", "10", "--jobs", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::printf("%s\n", r.out.c_str());
  const std::string out = r.out.substr(0, r.out.find_last_not_of('\n') + 1);
  const std::string summary = out.substr(out.rfind('\n') + 1);
  for (const char* measure : {"countries F1", "speakers F1", "document"}) {
    EXPECT_GE(Field(summary, std::string(measure) + R"( mean ([0-9.]+))"), 0.95) << measure << ": " << summary;
    EXPECT_GE(Field(summary, std::string(measure) + R"( mean [0-9.]+ min ([0-9.]+))"), 0.90)
        << measure << ": " << summary;
  }
}

}  // namespace
}  // namespace cstd::testing
