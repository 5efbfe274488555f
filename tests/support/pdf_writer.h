// Real PDF files for tests, written by hand: a few pages of text in
// Helvetica, each line where the test puts it. Enough for poppler to read
// the pages back, so tests can check what the reader, the index and the API
// make of a PDF without shipping one. For tests only.

#ifndef CSTD_TESTS_SUPPORT_PDF_WRITER_H_
#define CSTD_TESTS_SUPPORT_PDF_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

namespace cstd::test_support {

/// One line of text drawn at (x, y) points from the page's bottom left.
struct TextLine {
  int x = 72;
  int y = 720;
  std::string text;  // WinAnsi bytes
};

/// A PDF literal string: (text) with '(', ')' and '\' escaped.
std::string PdfString(std::string_view text);

/// A page's content stream: each line drawn in Helvetica 12 at its place.
std::string PdfContent(const std::vector<TextLine>& lines);

/// A minimal valid PDF: one US Letter page per content stream, the font
/// Helvetica (WinAnsiEncoding), the cross-reference table's offsets computed
/// as the objects are written. Objects: 1 catalog, 2 page tree, 3 font, then
/// page and content per page (4 and 5 for the first), then
/// `encrypt_dictionary` if given, which the trailer names as /Encrypt, with
/// a file /ID of sixteen 0x33 bytes.
std::string MakePdfFromStreams(const std::vector<std::string>& streams, std::string_view encrypt_dictionary = {});

/// A PDF with one page per entry of `pages`, each drawn by PdfContent.
std::string MakePdf(const std::vector<std::vector<TextLine>>& pages, std::string_view encrypt_dictionary = {});

}  // namespace cstd::test_support

#endif  // CSTD_TESTS_SUPPORT_PDF_WRITER_H_
