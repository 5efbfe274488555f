#include "model/archive_file.h"

#include <cstdint>
#include <cstdio>

namespace cstd {

namespace {

// One row per format: every extension it is known by, its API name and the
// Content-Type it is served with. Nothing else spells these.
struct FormatInfo {
  Format format;
  std::string_view extensions[2];  // lower case, with the dot; "" for none
  std::string_view name;
  std::string_view content_type;
};

constexpr FormatInfo kFormats[] = {
    {Format::kText, {".txt", ""}, "text", "text/plain; charset=utf-8"},
    {Format::kMarkdown, {".md", ".markdown"}, "markdown", "text/markdown; charset=utf-8"},
    {Format::kPdf, {".pdf", ""}, "pdf", "application/pdf"},
    {Format::kHtml, {".html", ".htm"}, "html", "text/html; charset=utf-8"},
};

const FormatInfo& InfoOf(Format format) {
  for (const FormatInfo& info : kFormats) {
    if (info.format == format) return info;
  }
  return kFormats[0];  // unreachable: every enumerator has a row
}

}  // namespace

std::optional<Format> FormatOfPath(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.find_last_of('.');
  // ".txt" alone is a hidden file without an extension, as std::filesystem sees it.
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  std::string ext(name.substr(dot));
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const FormatInfo& info : kFormats) {
    for (std::string_view known : info.extensions) {
      if (!known.empty() && ext == known) return info.format;
    }
  }
  return std::nullopt;
}

std::string_view FormatName(Format format) {
  return InfoOf(format).name;
}

std::string_view ContentTypeOf(Format format) {
  return InfoOf(format).content_type;
}

void ContentHasher::Update(std::string_view bytes) {
  for (unsigned char c : bytes) {
    h_ ^= c;
    h_ *= 1099511628211ull;
  }
}

std::string ContentHasher::Hex() const {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h_));
  return buffer;
}

std::string ContentHash(std::string_view bytes) {
  ContentHasher hasher;
  hasher.Update(bytes);
  return hasher.Hex();
}

}  // namespace cstd
