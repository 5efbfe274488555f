#include "tests/pdf_writer.h"

namespace cstd::test_support {

std::string PdfString(std::string_view text) {
  std::string out = "(";
  for (char c : text) {
    if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + ")";
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
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                                      "/Encoding /WinAnsiEncoding >>"};
  std::string kids;
  for (const std::string& content : streams) {
    const size_t page_id = objects.size() + 1;
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " + std::to_string(page_id + 1) +
                      " 0 R /Resources << /Font << /F1 3 0 R >> >> >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
    kids += (kids.empty() ? "" : " ") + std::to_string(page_id) + " 0 R";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(streams.size()) + " >>";
  if (!encrypt_dictionary.empty()) objects.emplace_back(encrypt_dictionary);

  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    const std::string digits = std::to_string(offset);
    pdf += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R";
  if (!encrypt_dictionary.empty()) {
    pdf += " /Encrypt " + std::to_string(objects.size()) + " 0 R /ID [<" + std::string(32, '3') + "> <" +
           std::string(32, '3') + ">]";
  }
  pdf += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string MakePdf(const std::vector<std::vector<TextLine>>& pages, std::string_view encrypt_dictionary) {
  std::vector<std::string> streams;
  for (const auto& lines : pages) streams.push_back(PdfContent(lines));
  return MakePdfFromStreams(streams, encrypt_dictionary);
}

}  // namespace cstd::test_support
