#include "query/citation.h"

#include "model/countries.h"
#include "model/text.h"

namespace cstd::query {

namespace {

// "78th session (2023)", "25th session of the CSTD (2022)", "2022", "".
std::string SessionPart(const Passage& p, bool unga) {
  if (!p.session) return p.year ? std::to_string(*p.year) : std::string();
  std::string out = text::Ordinal(*p.session) + " session";
  if (!unga && !p.body.empty()) out += " of the " + p.body;
  if (p.year) out += " (" + std::to_string(*p.year) + ")";
  return out;
}

// Who gave a speech: its delegation, or the first speaker.
std::string SpeechBy(const Passage& p) {
  if (!p.paragraph.countries.empty()) {
    const std::string& code = p.paragraph.countries.front();
    const Country* c = Countries::Builtin().FindByCode(code);
    return c ? c->short_name : code;
  }
  if (!p.paragraph.speakers.empty()) return p.paragraph.speakers.front();
  return {};
}

std::string DocumentPart(const Passage& p) {
  if (p.symbol && !p.symbol->empty()) return *p.symbol;
  std::string out;
  const auto add = [&](const std::string& part) {
    if (!part.empty()) out += (out.empty() ? "" : ", ") + part;
  };
  if (p.type == "speech") {
    const bool unga = p.body == "UNGA";
    add(SpeechBy(p));
    add(unga ? "General Debate" : "statement");
    add(SessionPart(p, unga));
    return out;
  }
  add(p.title);
  add(SessionPart(p, false));
  return out;
}

}  // namespace

std::string Citation(const Passage& p) {
  std::string out = DocumentPart(p);
  std::string place;
  if (p.paragraph.number) {
    place = "para. " + std::to_string(*p.paragraph.number);
  } else if (p.paragraph.page) {
    place = "p. " + std::to_string(*p.paragraph.page);
  }
  if (!place.empty()) out += (out.empty() ? "" : ", ") + place;
  return out;
}

}  // namespace cstd::query
