#include "extract/speech.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "extract/ungdc_names.h"
#include "model/countries.h"
#include "model/text.h"

namespace cstd::extract {

namespace {

// How a delegation's statement speaks: to the chair or the Assembly, for
// itself, in the first person and the formulas of the floor, which reports
// (written in the third person: "the delegate said") do not use. Lower
// case.
constexpr std::string_view kSpeechMarks[] = {
    "my delegation",     "our delegation",      "my country",        "my government",
    "mr. chair",         "madam chair",         "mr. chairman",      "madam chairperson",
    "mr. president",     "madam president",     "i thank you",       "thank you, mr",
    "thank you, madam",  "distinguished delegates", "take the floor", "excellencies",
    "i have the honour", "allow me",            "let me",            "i would like to",
    "i wish to",         "i congratulate",      "my congratulations", "it is an honour",
    "it is a great honour", "address the general assembly", "address this assembly", "this august",
    "i take this opportunity", "i am pleased", "i am honoured",
};

// Verbs a delegation puts after its own name at the start of a sentence:
// "Kenya attaches great importance", "Kenya remains committed".
constexpr std::string_view kPositionVerbs[] = {
    " attaches", " welcomes", " supports", " reaffirms", " reiterates", " remains", " is committed",
    " stands ready", " believes", " calls on", " calls upon", " urges", " looks forward", " joins", " is ready",
};

// Words before a name that say the speaker is that country: "my country,
// Kenya", "on behalf of the Government of Kenya". Lower case, and what
// must end the text before the name.
constexpr std::string_view kSelfBefore[] = {
    "my country,", "my country", "on behalf of", "on behalf of the government of", "on behalf of the people of",
    "on behalf of the delegation of", "on behalf of the republic of",
};

// What may stand before a sentence's subject besides a sentence end: the
// address to the chair ("Mr. Chair, Kenya attaches ...").
constexpr std::string_view kAddresses[] = {"chair,", "chairman,", "chairperson,", "president,", "madam,", "sir,"};

struct Mention {
  const Country* country;
  size_t begin;
  size_t end;
};

// The countries `text` names, left to right; a name starts with a capital.
std::vector<Mention> CountriesNamed(std::string_view text) {
  std::vector<Mention> out;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool word_start = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
    if (!word_start || !std::isupper(static_cast<unsigned char>(text[i]))) continue;
    size_t length = 0;
    const Country* c = Countries::Builtin().MatchPrefix(text.substr(i), &length);
    if (!c || length == 0) continue;
    const size_t end = i + length;
    if (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) continue;  // "Chadian"
    out.push_back({c, i, end});
    i = end - 1;
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Whether the text before a mention (lower case, trailing spaces removed)
// leaves the mention at the start of a sentence.
bool SentenceStart(std::string_view before) {
  if (before.empty()) return true;
  const char last = before.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';') return true;
  return std::any_of(std::begin(kAddresses), std::end(kAddresses), [&](std::string_view a) { return EndsWith(before, a); });
}

// Whether the mention names the speaking delegation itself.
bool NamesItself(std::string_view text, const Mention& m) {
  const size_t from = m.begin > 60 ? m.begin - 60 : 0;
  const std::string before_all = text::AsciiLower(text.substr(from, m.begin - from));
  const std::string_view before = text::Trim(before_all);
  const std::string after = text::AsciiLower(text.substr(m.end, 40));
  for (std::string_view s : kSelfBefore) {
    if (EndsWith(before, s)) return true;
  }
  if (after.starts_with(", my country")) return true;
  // "For Kenya, ..." at the start of a sentence.
  if (after.starts_with(",") && (before == "for" || (EndsWith(before, " for") &&
                                                     SentenceStart(text::Trim(before.substr(0, before.size() - 4)))))) {
    return true;
  }
  if (!SentenceStart(before)) return false;
  return std::any_of(std::begin(kPositionVerbs), std::end(kPositionVerbs),
                     [&](std::string_view v) { return after.starts_with(v); });
}

// Codes in a file name: its parts between '_', '-', '.' and spaces that are
// a country's code ("speech-ken-2022" -> KEN), each once.
std::vector<std::string> CodesInFileName(std::string_view stem) {
  std::vector<std::string> codes;
  std::string part;
  const auto flush = [&] {
    if (part.size() == 3 && std::all_of(part.begin(), part.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
      if (const Country* c = Countries::Builtin().FindByCode(part)) {
        if (std::find(codes.begin(), codes.end(), c->code) == codes.end()) codes.push_back(c->code);
      }
    }
    part.clear();
  };
  for (char c : stem) {
    if (c == '_' || c == '-' || c == '.' || c == ' ') {
      flush();
    } else {
      part.push_back(c);
    }
  }
  flush();
  return codes;
}

}  // namespace

bool ReadsAsSpeech(const std::vector<Paragraph>& paragraphs, std::string_view file_stem) {
  std::string lower;
  for (const Paragraph& p : paragraphs) lower += text::AsciiLower(p.text) + "\n";
  // A UNGDC name (BRA_78_2023) is the corpus's mark of a speech, worth one
  // of the text's.
  size_t marks = ParseSpeechFileName(file_stem) ? 1 : 0;
  for (std::string_view mark : kSpeechMarks) {
    if (lower.find(mark) != std::string::npos) ++marks;
  }
  return marks >= kSpeechMarksNeeded;
}

std::optional<std::string> SpeakingDelegation(const std::vector<Paragraph>& paragraphs, std::string_view file_stem) {
  std::map<std::string, size_t> named;  // code -> mentions
  std::map<std::string, size_t> itself;  // code -> self-references
  for (const Paragraph& p : paragraphs) {
    for (const Mention& m : CountriesNamed(p.text)) {
      ++named[m.country->code];
      if (NamesItself(p.text, m)) ++itself[m.country->code];
    }
  }
  // A UNGDC name (BRA_78_2023) is the corpus's own word for who speaks; a
  // code in another name must be one the text confirms.
  const auto ungdc = ParseSpeechFileName(file_stem);
  if (ungdc && Countries::Builtin().FindByCode(ungdc->code)) return Countries::Builtin().FindByCode(ungdc->code)->code;
  const std::vector<std::string> codes = CodesInFileName(file_stem);
  if (codes.size() == 1 && named.count(codes.front())) return codes.front();
  std::optional<std::string> best;
  size_t best_count = 0;
  bool tie = false;
  for (const auto& [code, count] : itself) {
    if (count > best_count) {
      best = code;
      best_count = count;
      tie = false;
    } else if (count == best_count) {
      tie = true;
    }
  }
  if (tie) return std::nullopt;
  return best;
}

std::string TitleFromText(std::string_view text) {
  text = text::Trim(text);
  // Titles of address end in a full stop that ends no sentence.
  static constexpr std::string_view kAbbreviations[] = {"mr", "mrs", "ms", "dr", "prof", "st", "no", "nos",
                                                        "h.e", "sr", "jr", "messrs", "e.g", "i.e", "vs"};
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    // The first sentence: a full stop before a space and a capital.
    if ((text[i] != '.' && text[i] != '!' && text[i] != '?') || text[i + 1] != ' ' ||
        !std::isupper(static_cast<unsigned char>(text[i + 2]))) {
      continue;
    }
    size_t word = i;
    while (word > 0 && text[word - 1] != ' ') --word;
    const std::string before = text::AsciiLower(text.substr(word, i - word));
    if (text[i] == '.' && std::find(std::begin(kAbbreviations), std::end(kAbbreviations), before) != std::end(kAbbreviations)) {
      continue;
    }
    text = text.substr(0, i);
    break;
  }
  std::string title;
  size_t words = 0;
  const std::string collapsed = text::CollapseSpace(text);
  for (std::string_view word : text::Split(collapsed, ' ')) {
    if (words == kTitleWords) {
      while (!title.empty() && std::ispunct(static_cast<unsigned char>(title.back()))) title.pop_back();
      return title + "\u2026";
    }
    title += (words++ ? " " : "") + std::string(word);
  }
  while (!title.empty() && (title.back() == '.' || title.back() == ',' || title.back() == ':')) title.pop_back();
  return title;
}

void UnderstandSpeech(std::string_view file_stem, bool title_from_head, ExtractedDocument& extracted) {
  if (title_from_head) return;
  Document& doc = extracted.document;
  if (doc.type != "other" || !ReadsAsSpeech(extracted.paragraphs, file_stem)) {
    for (const Paragraph& p : extracted.paragraphs) {
      if (const std::string title = TitleFromText(p.text); !title.empty()) {
        doc.title = title;
        break;
      }
    }
    return;
  }
  doc.type = "speech";
  const auto ungdc = ParseSpeechFileName(file_stem);
  if (ungdc) {
    // The UNGDC's names give the General Assembly's session and year.
    if (doc.body.empty()) doc.body = "UNGA";
    doc.session = ungdc->session;
    doc.year = ungdc->year;
  }
  if (doc.body.empty()) {
    // To whom it speaks, from its opening paragraphs.
    std::string opening;
    for (size_t i = 0; i < extracted.paragraphs.size() && i < 3; ++i) {
      opening += text::AsciiLower(extracted.paragraphs[i].text) + "\n";
    }
    if (opening.find("commission on science and technology for development") != std::string::npos ||
        opening.find("this commission") != std::string::npos) {
      doc.body = "CSTD";
    } else if (opening.find("general assembly") != std::string::npos) {
      doc.body = "UNGA";
    }
  }
  const auto delegation = SpeakingDelegation(extracted.paragraphs, file_stem);
  std::string who;
  if (delegation) {
    for (Paragraph& p : extracted.paragraphs) {
      p.countries = {*delegation};
      for (Statement& st : p.statements) st.countries = {*delegation};
    }
    const Country* c = Countries::Builtin().FindByCode(*delegation);
    who = c ? c->short_name : *delegation;
  }
  doc.title = SpeechTitle(doc.body, who, doc.session, doc.year);
}

void NumberSpeechByPosition(ExtractedDocument& doc) {
  if (doc.document.type != "speech") return;
  if (std::any_of(doc.paragraphs.begin(), doc.paragraphs.end(), [](const Paragraph& p) { return p.number.has_value(); })) {
    return;
  }
  int n = 0;
  for (Paragraph& p : doc.paragraphs) p.number = ++n;
}

}  // namespace cstd::extract
