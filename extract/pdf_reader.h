// Reading PDF files: the text layer of every page, through poppler.

#ifndef CSTD_EXTRACT_PDF_READER_H_
#define CSTD_EXTRACT_PDF_READER_H_

#include <string>
#include <string_view>
#include <vector>

namespace cstd::extract {

/// The text of each page of the PDF whose bytes are `bytes` (`path` names
/// the file in errors), one string per page, read by the page's layout:
/// poppler's words with their boxes and fonts (poppler::page::text_list),
/// in its reading order (column after column), laid out by LayOutPages
/// (pdf_layout.h) into the canonical form ParseStructure reads best --
/// blocks separated by blank lines, each paragraph on one line, "N. "
/// numbers, "# " headings, "<sup>N</sup>" markers, the page's footnotes
/// after its body as "<sup>N</sup> text" -- with page furniture left out
/// and page 1's masthead kept as short head lines. A paragraph that runs
/// over a page break is whole on the page where it starts. ReadFile joins
/// the pages with a blank line. The text is escaped for CleanInline (see
/// EscapeInline), so a literal '<' or '*' on the page survives
/// ParseStructure. It is UTF-8 but not yet normalised: pass it through
/// NormaliseText (ReadFile does).
///
/// Throws InputError naming `path`, with the reason:
/// - "not a PDF (no %PDF- header)" for other files named .pdf;
/// - "not a readable PDF (truncated or damaged)" when poppler cannot load
///   it or finds no pages, with poppler's first complaint appended;
/// - "encrypted PDF (needs a password)" when it is locked; a PDF encrypted
///   only against editing (empty user password) is read;
/// - "PDF has no text layer (scanned images?)" when no page has text.
/// Never crashes on damaged input, and poppler's messages never reach
/// stderr: they are kept for the errors above.
std::vector<std::string> PdfToPages(const std::string& path, std::string_view bytes);

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_PDF_READER_H_
