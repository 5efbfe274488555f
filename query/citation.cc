#include "query/citation.h"

#include "model/text.h"

namespace cstd::query {

std::string Citation(const Passage& p) {
  const bool by_symbol = p.symbol && !p.symbol->empty();
  std::string out = by_symbol ? *p.symbol : (p.title.empty() ? p.doc_id : p.title);
  // What the title already says is not said again; a symbol says neither.
  const std::string said = by_symbol ? std::string() : text::AsciiLower(out);
  if (p.session) {
    const std::string session = text::EnglishOrdinal(*p.session) + " session";
    if (said.find(session) == std::string::npos) out += ", " + session;
  }
  if (p.year) {
    const std::string year = std::to_string(*p.year);
    if (said.find(year) == std::string::npos) out += ", " + year;
  }
  if (p.paragraph.number) {
    out += ", para. " + std::to_string(*p.paragraph.number);
  } else if (p.ordinal > 0) {
    out += ", " + text::EnglishOrdinal(p.ordinal) + " paragraph";
  }
  if (p.paragraph.page) out += " (p. " + std::to_string(*p.paragraph.page) + ")";
  return out;
}

}  // namespace cstd::query
