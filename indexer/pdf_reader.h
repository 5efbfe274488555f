// Reading PDF files: the text layer of every page, through poppler.

#ifndef CSTD_INDEXER_PDF_READER_H_
#define CSTD_INDEXER_PDF_READER_H_

#include <string>
#include <string_view>
#include <vector>

namespace cstd::indexer {

/// The text of each page of the PDF whose bytes are `bytes` (`path` names
/// the file in errors), one string per page. Pages come in order, each page's text in the order its content
/// stream draws it (poppler's raw order: the reading order for PDFs written
/// by word processors and LaTeX, column after column, where the physical
/// layout would interleave two columns line by line), hard-wrapped lines as
/// printed. ReadFile joins pages with a line break, not a blank line: in
/// hard-wrapped text ParseStructure ends a paragraph at a blank line, and
/// paragraphs run over page breaks. Page furniture that would
/// cut a paragraph at a page break is left out: page numbers at the top or
/// bottom of a page and, from the second page on, running headers and
/// footers (a line at the top or bottom of at least half the pages, digits
/// aside: "E/CN.16/2024/2", "GE.24-01234"); the first page keeps its
/// header, which names the document. The text is escaped for
/// CleanInline (see EscapeInline), so a literal '<' or '*' on the page
/// survives ParseStructure. It is UTF-8 but not yet normalised: pass it
/// through NormaliseText (ReadFile does).
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

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_PDF_READER_H_
