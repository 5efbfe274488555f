// Test support: random CSTD reports whose truth is known, rendered as the
// text a conversion from PDF leaves, with its scars. The extraction rules
// are tested on many seeds of these rather than on hand-tuned fixtures, so
// that they hold for the genre's classes of variation: cover-page layouts
// and wordings, marker and numbering forms, footnote blocks, page breaks,
// lost numbers, hyphenation.

#ifndef CSTD_EXTRACT_SYNTHETIC_REPORT_H_
#define CSTD_EXTRACT_SYNTHETIC_REPORT_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"

namespace cstd::extract::testing {

/// A piece of a paragraph's text: words, or a footnote marker.
struct Segment {
  std::string text;  // empty for a marker
  int marker = 0;    // the footnote number, for a marker
};

/// A numbered paragraph and who speaks in it.
struct SyntheticParagraph {
  int number = 0;
  std::string section;
  std::vector<Segment> segments;
  std::vector<std::string> speakers;   // names as printed, no honorific
  std::vector<std::string> countries;  // ISO3 of delegations speaking
};

/// A generated report: its truth, and the pieces the renderer lays out.
struct SyntheticReport {
  Document truth;  // type, title, session, year, date, symbol, author, meeting, body
  /// Cover-page lines in order; a line starting with "#" is a heading.
  std::vector<std::string> head;
  std::vector<SyntheticParagraph> paragraphs;
  std::map<int, std::string> footnotes;  // number -> text
};

/// A report drawn from `seed`: a type (panel report, Secretary-General's
/// report, session report, submission, concept note, informal note), a
/// session and its dates, a cover page in one of many layouts and
/// wordings, and 8 to 30 numbered paragraphs in which speakers and
/// delegations are introduced through footnotes and in the text, among
/// sentences that merely mention countries.
SyntheticReport GenerateReport(uint64_t seed);

/// What the renderer did, for messages when a test fails.
struct RenderLog {
  std::vector<std::string> choices;
};

/// The report as a converted text: Markdown-ish or plain, in one marker
/// form or mixed, with seeded scars -- page furniture and breaks in the
/// middle of paragraphs, footnote blocks where pages end, footnote lines
/// and paragraph numbers that lost their numbers, numbers moved into the
/// text, words hyphenated at line ends, decoration removed or added, CRLF
/// and byte-order marks.
std::string RenderText(const SyntheticReport& report, uint64_t seed, RenderLog* log = nullptr);

}  // namespace cstd::extract::testing

#endif  // CSTD_EXTRACT_SYNTHETIC_REPORT_H_
