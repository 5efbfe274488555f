#include "extract/reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "extract/html_reader.h"
#include "extract/pdf_reader.h"
#include "model/errors.h"
#include "model/text.h"

namespace cstd::extract {

Format FormatOf(const std::string& path) {
  if (const auto format = FormatOfPath(path)) return *format;
  throw InputError(path, "unsupported format '" + std::filesystem::path(path).extension().string() +
                             "' (reads .txt, .md, .pdf and .html)");
}

bool IsSupported(const std::string& path) {
  return FormatOfPath(path).has_value();
}

namespace {

// Rejects what is not text, with the reason; see NormaliseText.
void CheckText(const std::string& path, std::string_view bytes) {
  if (text::Trim(bytes).empty()) throw InputError(path, "empty file");
  if (bytes.find('\0') != std::string_view::npos) throw InputError(path, "binary data (NUL bytes), not text");
  if (const auto bad = text::FindInvalidUtf8(bytes)) {
    const size_t line =
        1 + static_cast<size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(*bad), '\n'));
    throw InputError(path, "invalid UTF-8 at line " + std::to_string(line) + " (byte " + std::to_string(*bad) + ")");
  }
}

// CRLF and lone CR to LF, then NFC.
std::string ToLfNfc(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      out.push_back(bytes[i]);
    }
  }
  return text::ToNfc(out);
}

// The pages of a PDF as one text: each page normalised on its own (NFC
// never composes across the blank line between pages, so this equals
// normalising the whole), pages separated by a blank line (PdfToPages ends
// every block at its page's end: a paragraph that runs over a page break is
// whole on the page where it starts), and where each begins.
SourceText JoinPages(const std::string& path, const std::vector<std::string>& pages) {
  SourceText out;
  std::string all;
  for (const std::string& page : pages) all += page;
  CheckText(path, all);
  for (const std::string& page : pages) {
    // An empty page adds no blank line.
    if (!out.text.empty() && !page.empty()) out.text += "\n\n";
    out.page_starts.push_back(out.text.size());
    out.text += ToLfNfc(page);
  }
  return out;
}

}  // namespace

std::string NormaliseText(const std::string& path, std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // first, so a lone BOM counts as empty
  CheckText(path, bytes);
  return ToLfNfc(bytes);
}

std::string ReadBytes(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw InputError(path, "cannot read: " + ec.message());
  if (size > kMaxFileBytes) {
    throw InputError(path, "file of " + std::to_string(size >> 20) + " MB is larger than the " +
                               std::to_string(kMaxFileBytes >> 20) + " MB limit");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open for reading");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<size_t>(in.gcount()) != size) throw InputError(path, "read failed");
  return bytes;
}

SourceText ReadFile(const std::string& path, std::vector<std::string>* warnings) {
  return ParseFileBytes(path, ReadBytes(path), warnings);
}

SourceText ParseFileBytes(const std::string& path, std::string_view bytes, std::vector<std::string>* warnings) {
  switch (IsSupported(path) ? FormatOf(path) : Format::kText) {
    case Format::kPdf:
      return JoinPages(path, PdfToPages(path, bytes));
    case Format::kHtml:
      return {NormaliseText(path, HtmlToText(path, bytes, warnings)), {}};
    case Format::kText:
    case Format::kMarkdown:
      break;
  }
  return {NormaliseText(path, bytes), {}};
}

}  // namespace cstd::extract
