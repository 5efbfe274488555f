#include "extract/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <vector>

#include "extract/file_deadline.h"
#include "extract/pdf_layout.h"
#include "model/errors.h"
#include "model/text.h"

namespace cstd::extract {

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

// True when a font's name says it is bold: "Times-Bold",
// "AAAAAA+LiberationSerif-Bold", "Arial,Black", "MyriadPro-Semibold".
bool IsBoldFont(std::string_view name) {
  const std::string lower = text::AsciiLower(name);
  for (const char* weight : {"bold", "black", "heavy", "semibold", "demi"}) {
    if (lower.find(weight) != std::string::npos) return true;
  }
  return false;
}

// One page's words with their boxes and fonts, in poppler's reading order.
// Words turned on the page (a margin note set upright) are left out when
// the page has upright text.
PdfPage PageWords(const poppler::page& page) {
  PdfPage out;
  const poppler::rectf box = page.page_rect();
  out.width = box.width();
  out.height = box.height();
  std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
  const bool upright = std::any_of(boxes.begin(), boxes.end(), [](const poppler::text_box& b) { return b.rotation() == 0; });
  for (const poppler::text_box& b : boxes) {
    if (upright && b.rotation() != 0) continue;
    const poppler::byte_array utf8 = b.text().to_utf8();
    std::string word(utf8.begin(), utf8.end());
    const std::string_view trimmed = text::Trim(word);
    if (trimmed.empty()) continue;
    const poppler::rectf r = b.bbox();
    PdfWord w;
    w.text = std::string(trimmed);
    w.x0 = r.x();
    w.top = r.y();
    w.x1 = r.x() + r.width();
    w.bottom = r.y() + r.height();
    w.size = b.has_font_info() ? b.get_font_size() : r.height();
    w.bold = b.has_font_info() && IsBoldFont(b.get_font_name());
    w.space_after = b.has_space_after();
    out.words.push_back(std::move(w));
  }
  return out;
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

  std::vector<PdfPage> page_words;
  bool any_text = false;
  for (int i = 0; i < pages; ++i) {
    CheckFileDeadline();
    const std::unique_ptr<poppler::page> page(document->create_page(i));
    page_words.push_back(page ? PageWords(*page) : PdfPage());  // a broken page object: keep the others
    any_text = any_text || !page_words.back().words.empty();
  }
  if (!any_text) throw InputError(path, "PDF has no text layer (scanned images?)");
  return LayOutPages(page_words);
}

}  // namespace cstd::extract
