// Test support: PDFs written by hand, and a typesetter that sets a
// generated report in one of many layouts chosen by a seed, keeping the
// truth (paragraphs, markers, footnotes, pages) that reading it back must
// recover. Linked into tests and the extraction benchmark only.

#ifndef CSTD_EXTRACT_PDF_TYPESETTER_H_
#define CSTD_EXTRACT_PDF_TYPESETTER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cstd::extract::testing {

/// The base-14 fonts the writer offers, by resource name: /F1 Helvetica
/// (the default of hand-made test pages), /TR Times-Roman, /TB Times-Bold,
/// /HR Helvetica, /HB Helvetica-Bold; all WinAnsiEncoding.
enum class Font { kTimes, kTimesBold, kHelvetica, kHelveticaBold };

/// The resource name of `font` ("TR", ...).
std::string_view ResourceName(Font font);

/// One page: its size in points and its content stream.
struct PageStream {
  double width = 612, height = 792;
  std::string content;
};

/// A minimal valid PDF, written by hand, the cross-reference table's
/// offsets computed as the objects are written. Objects: 1 catalog, 2 page
/// tree, 3 the font /F1 and, with `all_fonts`, 4 to 7 the others, then page
/// and content per page, then `encrypt_dictionary` if given, which the
/// trailer names as /Encrypt, with a file /ID of sixteen 0x33 bytes.
std::string WritePdf(const std::vector<PageStream>& pages, std::string_view encrypt_dictionary = {},
                     bool all_fonts = true);

/// A PDF of the objects given ("<< ... >>", or a dictionary followed by
/// "stream ... endstream"), numbered from 1 (1 must be the catalog), with
/// the cross-reference table's offsets computed as they are written, and
/// `trailer` added to the trailer dictionary. WritePdf writes with it; the
/// malformed archive (tests/malformed_archive.h) writes damaged PDFs.
std::string WriteObjects(const std::vector<std::string>& objects, std::string_view trailer = {});

/// A PDF literal string: (text) with '(', ')' and '\' escaped.
std::string PdfString(std::string_view text);

/// The advance of `text` (WinAnsi bytes) in `font` at `size`, in points,
/// as poppler measures it: the widths are read once from a page poppler
/// lays out, so no font metrics are copied here.
double TextWidth(Font font, std::string_view text, double size);

/// How a report is set. Every field varies with the seed.
struct Layout {
  double page_width = 595.28, page_height = 841.89;  // A4, or US Letter
  double left = 72, right = 72;                       // margins
  Font body = Font::kTimes, body_bold = Font::kTimesBold;
  double body_size = 10;
  double leading = 12;  // baseline to baseline
  Font notes = Font::kTimes;
  double notes_size = 8;
  bool hanging_numbers = true;  // "12." in the margin, else inline
  double hang = 36;             // text column offset with hanging numbers
  double paragraph_gap = 6;     // extra space between paragraphs (0: none)
  double first_indent = 0;      // first-line indent (inline numbers, no gap)
  bool justified = true;
  bool rise_by_ts = true;          // superscripts raised with Ts, else by Td
  bool note_markers_raised = true; // footnote numbers raised, else plain
  int footer_style = 0;            // "3/14", "- 3 -", "Page 3 of 14", "3"
  bool running_header = true;      // the symbol atop pages 2..
  bool barcode = true;             // a bar code's text beside the job number
  bool english_only = false;       // "English only" instead of the Distr. block
  bool hyphenate = true;           // break long words at line ends
  bool large_section_headings = true;  // body size + 2, else body size bold
};

/// The layout for `seed`, and a one-line description for test messages.
Layout LayoutForSeed(uint32_t seed);
std::string Describe(const Layout& layout);

/// A paragraph as ParseStructure should give it back.
struct ExpectedParagraph {
  std::optional<int> number;  // none for a bullet item
  std::string text;           // markers removed
  int page = 1;               // where its first line is
  std::vector<std::pair<int, size_t>> markers;  // footnote number, offset in `text`
  std::vector<std::string> speakers;            // persons its footnotes name
  std::vector<std::string> countries;           // ISO3 of delegations its footnotes name
};

/// A typeset report and what reading it must give.
struct TypesetReport {
  Layout layout;
  std::string pdf;
  int pages = 0;
  std::string symbol;
  std::string date_iso;  // the date printed in the masthead
  std::string title;
  /// Lines the masthead prints that must reach the head as lines of their
  /// own: the symbol, "Distr.: General", the date, "Original: English" or
  /// "English only".
  std::vector<std::string> masthead_lines;
  std::vector<std::string> headings;  // the title, then the section headings
  std::vector<ExpectedParagraph> paragraphs;
  std::map<int, std::string> footnotes;
};

/// Generates and sets a report for `seed`: masthead and head block on page
/// 1, a title, sections of numbered paragraphs (some with sub-items or
/// followed by bullets), superscript footnote markers (persons and
/// delegations speaking, references), ordinal superscripts ("27th"),
/// footnotes at the foot of the page of their marker, paragraphs running
/// over page breaks, hyphenated line ends, running headers, page footers
/// and a job number. At least `paragraphs` numbered paragraphs.
TypesetReport TypesetReportForSeed(uint32_t seed, int paragraphs = 24);

}  // namespace cstd::extract::testing

#endif  // CSTD_EXTRACT_PDF_TYPESETTER_H_
