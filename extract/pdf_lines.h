// The first step of reading a PDF page by its layout: the words poppler
// finds, with their boxes and fonts, grouped into printed lines, with
// superscripts told apart and what each line starts with (a paragraph
// number, a sub-item, a bullet) read off.

#ifndef CSTD_EXTRACT_PDF_LINES_H_
#define CSTD_EXTRACT_PDF_LINES_H_

#include <string>
#include <vector>

namespace cstd::extract {

/// One word as poppler reports it (poppler::text_box).
struct PdfWord {
  std::string text;  // UTF-8, never empty
  // Box in points, y growing down the page.
  double x0 = 0, top = 0, x1 = 0, bottom = 0;
  double size = 0;           // font size in points
  bool bold = false;         // the font's name says bold (or black, heavy, semibold)
  bool space_after = false;  // poppler saw a space after it on its line
};

/// One page: its size and its words in poppler's reading order (column
/// after column).
struct PdfPage {
  double width = 0, height = 0;
  std::vector<PdfWord> words;
};

/// What a printed line starts with.
enum class Lead {
  kNone,
  kNumber,   // "12." -- a paragraph number, in the margin or inline
  kSection,  // "IV." or "B." -- a section number, for headings
  kSubItem,  // "(a)", "(iv)", "(2)"
  kBullet,   // "•", "–", "▪", ...
};

/// A printed line: words on one baseline, left to right.
struct PdfLine {
  int page = 0;                  // 0-based
  std::vector<PdfWord> words;    // left to right
  std::vector<bool> superscript; // per word: smaller and raised above the baseline
  double x0 = 0, x1 = 0;         // left and right ends, superscripts included
  double top = 0, bottom = 0;    // of the words in the line's own size
  double size = 0;               // the size most of its characters have
  bool bold = false;             // (nearly) all of its characters are bold
  Lead lead = Lead::kNone;
  int number = 0;      // for Lead::kNumber
  double text_x0 = 0;  // where its text starts after a lead set apart from it
  bool hanging = false;  // the lead stands apart, in the margin or a column of its own

  /// The words' text joined by single spaces, superscripts included.
  std::string Text() const;
};

/// Groups one page's words into lines. Words come in poppler's order, where
/// a line's words follow each other; a word that is not on the current
/// line's baseline, or lies left of its end, starts a new line. Lines split
/// at a gap of more than kColumnGapEms of their size (cells of a table, the
/// two halves of a masthead row). Then fragments poppler put in blocks of
/// their own are put back on the line they belong to: a paragraph number
/// hanging in the margin, a superscript. Never throws but std::bad_alloc.
std::vector<PdfLine> GroupLines(const PdfPage& page, int page_index);

/// Words further apart than this many ems are on different lines.
inline constexpr double kColumnGapEms = 4.0;

/// Pieces of a line side by side are one line when a line of their size
/// within this many ems above or below spans them both (a few lines of one
/// column; a body line across two columns is rare so near).
inline constexpr double kSpanningLineEms = 6.0;

/// True for a word that reads as a number of digits only, with an optional
/// trailing '.' or ')' ("3", "12.", "7)"), setting `*number`.
bool ReadPlainNumber(const std::string& word, int* number);

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_PDF_LINES_H_
