#include "tests/support/pdf_writer.h"

#include "extract/pdf_typesetter.h"

namespace cstd::test_support {

std::string PdfString(std::string_view text) {
  return extract::testing::PdfString(text);
}

std::string PdfContent(const std::vector<TextLine>& lines) {
  std::string content = "BT /F1 12 Tf\n";
  for (const TextLine& line : lines) {
    content +=
        "1 0 0 1 " + std::to_string(line.x) + " " + std::to_string(line.y) + " Tm " + PdfString(line.text) + " Tj\n";
  }
  return content + "ET";
}

std::string MakePdfFromStreams(const std::vector<std::string>& streams, std::string_view encrypt_dictionary) {
  std::vector<extract::testing::PageStream> pages;
  for (const std::string& content : streams) pages.push_back({612, 792, content});
  return extract::testing::WritePdf(pages, encrypt_dictionary, /*all_fonts=*/false);
}

std::string MakePdf(const std::vector<std::vector<TextLine>>& pages, std::string_view encrypt_dictionary) {
  std::vector<std::string> streams;
  for (const auto& lines : pages) streams.push_back(PdfContent(lines));
  return MakePdfFromStreams(streams, encrypt_dictionary);
}

}  // namespace cstd::test_support
