#include "indexer/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

#include "indexer/inline.h"
#include "model/errors.h"
#include "model/text.h"

namespace cstd::indexer {

namespace {

// poppler reports problems through one process-wide callback, on the thread
// that hit them. Each PdfToPages collects its thread's messages here, so
// parallel builds do not mix them up; outside PdfToPages they are dropped.
thread_local std::vector<std::string>* poppler_messages = nullptr;

void CollectPopplerMessage(const std::string& message, void* /*closure*/) {
  constexpr size_t kMaxMessages = 16;  // a damaged file can complain thousands of times
  if (poppler_messages == nullptr || poppler_messages->size() >= kMaxMessages) return;
  std::string_view text = message;
  if (text.rfind("error: ", 0) == 0) text.remove_prefix(7);
  poppler_messages->emplace_back(text);
}

// Installs CollectPopplerMessage once, which also silences poppler's default
// printing to stderr.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(CollectPopplerMessage, nullptr); });
}

// Sets the thread's message sink for one PdfToPages call.
class MessageScope {
 public:
  explicit MessageScope(std::vector<std::string>* sink) : previous_(poppler_messages) { poppler_messages = sink; }
  ~MessageScope() { poppler_messages = previous_; }
  MessageScope(const MessageScope&) = delete;
  MessageScope& operator=(const MessageScope&) = delete;

 private:
  std::vector<std::string>* previous_;
};

std::string Damaged(const std::vector<std::string>& messages, std::string_view detail = {}) {
  std::string reason = "not a readable PDF (truncated or damaged)";
  if (!detail.empty()) {
    reason += ": ";
    reason += detail;
  } else if (!messages.empty()) {
    reason += ": " + messages.front();
  }
  return reason;
}

// One page's lines in raw order, trimmed, blank ones dropped.
std::vector<std::string> PageLines(const poppler::page& page) {
  const poppler::byte_array utf8 = page.text(poppler::rectf(), poppler::page::raw_order_layout).to_utf8();
  std::string text(utf8.begin(), utf8.end());
  std::vector<std::string> lines;
  for (std::string_view line : text::Split(text, '\n')) {
    line = text::Trim(line);
    while (!line.empty() && line.back() == '\f') line = text::Trim(line.substr(0, line.size() - 1));
    while (!line.empty() && line.front() == '\f') line = text::Trim(line.substr(1));
    if (!line.empty()) lines.emplace_back(line);
  }
  return lines;
}

// A line's shape: digits replaced by '#', so "GE.24-01234 (E)  3" and
// "Page 4 of 9" match on every page.
std::string Shape(std::string_view line) {
  std::string shape(line);
  for (char& c : shape) {
    if (c >= '0' && c <= '9') c = '#';
  }
  return shape;
}

bool IsPageNumber(std::string_view line) {
  std::string shape = Shape(line);
  if (shape.rfind("Page ", 0) == 0) shape.erase(0, 5);
  if (const size_t of = shape.find(" of "); of != std::string::npos) shape.erase(of);
  shape.erase(std::remove(shape.begin(), shape.end(), '-'), shape.end());
  const std::string_view digits = text::Trim(shape);
  return !digits.empty() && digits.size() <= 4 && digits.find_first_not_of('#') == std::string_view::npos;
}

// Indexes of the lines at a page's top and bottom, where page furniture is.
std::vector<size_t> EdgeLines(const std::vector<std::string>& lines) {
  constexpr size_t kEdge = 2;
  std::vector<size_t> edges;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i < kEdge || i + kEdge >= lines.size()) edges.push_back(i);
  }
  return edges;
}

// Removes page furniture that would cut paragraphs at page breaks: page
// numbers at the top or bottom of any page, and, from the second page on,
// running headers and footers (a line at the top or bottom of at least half
// the pages, digits aside). The first page keeps its header: it carries the
// document symbol that metadata extraction reads.
void RemovePageFurniture(std::vector<std::vector<std::string>>& pages) {
  std::map<std::string, size_t> pages_with;  // edge line shape -> pages it is on
  for (const auto& lines : pages) {
    std::set<std::string> shapes;
    for (size_t i : EdgeLines(lines)) shapes.insert(Shape(lines[i]));
    for (const std::string& shape : shapes) ++pages_with[shape];
  }
  const size_t running = std::max<size_t>(2, (pages.size() + 1) / 2);
  for (size_t p = 0; p < pages.size(); ++p) {
    std::vector<std::string>& lines = pages[p];
    std::vector<bool> drop(lines.size(), false);
    for (size_t i : EdgeLines(lines)) {
      drop[i] = IsPageNumber(lines[i]) || (p > 0 && pages_with[Shape(lines[i])] >= running);
    }
    std::vector<std::string> kept;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (!drop[i]) kept.push_back(std::move(lines[i]));
    }
    lines = std::move(kept);
  }
}

}  // namespace

std::vector<std::string> PdfToPages(const std::string& path, std::string_view bytes) {
  // The header may follow a little junk (poppler allows 1 KB of it).
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    throw InputError(path, "not a PDF (no %PDF- header)");
  }
  if (bytes.size() > static_cast<size_t>(INT_MAX)) throw InputError(path, "PDF too large");

  SilencePoppler();
  std::vector<std::string> messages;
  const MessageScope scope(&messages);

  // load_from_raw_data reads `bytes` in place: they outlive `document`.
  const std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) throw InputError(path, Damaged(messages));
  if (document->is_locked()) throw InputError(path, "encrypted PDF (needs a password)");
  const int pages = document->pages();
  if (pages <= 0) throw InputError(path, Damaged(messages, "no pages"));

  std::vector<std::vector<std::string>> page_lines;
  bool any_text = false;
  for (int i = 0; i < pages; ++i) {
    const std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) continue;  // a broken page object: keep the others
    page_lines.push_back(PageLines(*page));
    any_text = any_text || !page_lines.back().empty();
  }
  if (!any_text) throw InputError(path, "PDF has no text layer (scanned images?)");
  RemovePageFurniture(page_lines);

  std::vector<std::string> out;
  for (const auto& lines : page_lines) {
    std::string page;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) page += '\n';
      page += EscapeInline(lines[i]);
    }
    out.push_back(std::move(page));
  }
  return out;
}

}  // namespace cstd::indexer
