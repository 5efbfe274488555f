// The second step of reading a PDF by its layout: from the printed lines of
// every page (pdf_lines.h) to each page's text in the form ParseStructure
// reads best.

#ifndef CSTD_EXTRACT_PDF_LAYOUT_H_
#define CSTD_EXTRACT_PDF_LAYOUT_H_

#include <string>
#include <vector>

#include "extract/pdf_lines.h"

namespace cstd::extract {

/// The text of each page of a document whose pages hold `pages`' words,
/// one string per page, in the canonical form (blocks separated by a blank
/// line, each block on one line):
/// - page 1 starts with its masthead, each line its own block ("United
///   Nations", the symbol, the organ, "Distr.: General", the date,
///   "Original: English"): the band at the top of page 1 beside and below
///   the lines set in its right-hand column;
/// - page furniture is left out, from a page's top and bottom edges
///   inwards while lines are furniture: running headers and footers (a line
///   set apart that repeats on two pages in three, digits aside, or that is
///   the document's symbol), page numbers ("3", "3/14", "- 3 -",
///   "Page 3 of 14"), job numbers and bar codes ("GE.24-01234(E)",
///   "*2401234*");
/// - paragraphs are whole, their lines joined (hyphens at line ends removed
///   where hyphenation.h says the halves are one word), a paragraph broken
///   by a page or column break included, on the page where it starts; a
///   paragraph begins at a vertical gap, a change of font size or weight, a
///   paragraph number (hanging in the margin or inline: "12. text"), a
///   sub-item "(a)" or bullet ("•", emitted as "•"), a line indented more
///   than the one before, or after a line that would have held the next
///   line's first word and ends a sentence (or is followed by a capital);
/// - headings -- blocks of at most kMaxHeadingLines lines set larger than the
///   body, or in bold once the head of page 1 is over -- come as "# text",
///   so the document title is the first heading;
/// - footnote markers (superscripts: smaller and raised) come as
///   "<sup>N</sup>" right after their word; text superscripts join their
///   word ("27<sup>th</sup>" is "27th");
/// - the footnotes at the foot of the page (set smaller than the body,
///   below it, the first starting with its number) follow the page's body,
///   one block each: "<sup>N</sup> text", continuation lines joined.
/// Text is escaped with EscapeInline, markup aside. Never throws but
/// std::bad_alloc.
std::vector<std::string> LayOutPages(const std::vector<PdfPage>& pages);

/// A heading has at most this many lines; longer bold or large blocks are
/// paragraphs set for emphasis.
inline constexpr size_t kMaxHeadingLines = 4;

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_PDF_LAYOUT_H_
