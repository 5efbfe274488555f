#include "extract/attribution.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "model/countries.h"
#include "model/names.h"
#include "model/text.h"

namespace cstd::extract {

namespace {

bool StartsWithWord(std::string_view s, std::string_view word) {
  if (s.size() < word.size() || text::AsciiLower(s.substr(0, word.size())) != word) return false;
  return s.size() == word.size() || !std::isalpha(static_cast<unsigned char>(s[word.size()]));
}

// Words that make a footnote segment an organization, not a person's name.
constexpr std::string_view kOrganizationWords[] = {
    "organization", "organisation", "union",        "forum",       "institute", "university", "department",
    "association",  "council",      "bank",         "secretariat", "programme", "office",     "commission",
    "ministry",     "agency",       "foundation",   "centre",      "center",    "group",      "network",
    "society",      "federation",   "conference",   "committee",   "fund",      "alliance",   "solidaires",
    "humanitaires", "nations",      "international"};

// Words that make a segment a person's role.
constexpr std::string_view kRoleWords[] = {
    "professor",      "director", "head",        "chief",      "officer",   "minister", "ambassador",
    "adviser",        "advisor",  "coordinator", "manager",    "president", "chair",    "secretary",
    "representative", "lead",     "fellow",      "researcher", "expert",    "founder",  "ceo",
    "senior",         "deputy",   "executive",   "counsellor", "consultant"};

// Nouns that introduce someone speaking, used to find markers that lost
// their superscript ("organization 10") and to place lost markers.
constexpr std::string_view kSpeakerNouns[] = {
    "delegate",   "delegates",   "representative", "representatives", "speaker",      "speakers",    "panellist",
    "panellists", "panelist",    "panelists",      "participant",     "participants", "moderator",   "chair",
    "vice-chair", "secretariat", "organization",   "organizations",   "delegation",   "delegations", "expert"};

bool ContainsWord(std::string_view haystack_lower, std::string_view word) {
  size_t pos = haystack_lower.find(word);
  while (pos != std::string_view::npos) {
    const bool start_ok = pos == 0 || !std::isalpha(static_cast<unsigned char>(haystack_lower[pos - 1]));
    const size_t end = pos + word.size();
    const bool end_ok = end == haystack_lower.size() || !std::isalpha(static_cast<unsigned char>(haystack_lower[end]));
    if (start_ok && end_ok) return true;
    pos = haystack_lower.find(word, pos + 1);
  }
  return false;
}

template <size_t N>
bool HasAnyWord(std::string_view s, const std::string_view (&words)[N]) {
  const std::string lower = text::AsciiLower(s);
  return std::any_of(std::begin(words), std::end(words), [&](std::string_view w) { return ContainsWord(lower, w); });
}

std::vector<std::string> SplitTrim(std::string_view s, char sep) {
  std::vector<std::string> out;
  for (auto part : text::Split(s, sep)) {
    part = text::Trim(part);
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

// Parses a list of countries: "the Philippines, China, Cameroon and Türkiye".
// Names that contain "and" ("Trinidad and Tobago") are matched whole first.
// Items that are not countries (UNESCO, an NGO) are skipped.
std::vector<std::string> CountryList(std::string_view s, bool fuzzy) {
  const Countries& countries = Countries::Builtin();
  std::vector<std::string> codes;
  size_t i = 0;
  const auto add = [&](const Country* c) {
    if (c && std::find(codes.begin(), codes.end(), c->code) == codes.end()) codes.push_back(c->code);
  };
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == ';')) ++i;
    std::string_view rest = s.substr(i);
    if (StartsWithWord(rest, "and")) {
      i += 3;
      continue;
    }
    size_t length = 0;
    if (const Country* c = countries.MatchPrefix(rest, &length)) {
      add(c);
      i += length;
      continue;
    }
    // Not an exact name: take the item up to the next separator and try a
    // typo-tolerant match.
    size_t end = rest.find_first_of(",;");
    const size_t and_pos = rest.find(" and ");
    if (and_pos != std::string_view::npos && (end == std::string_view::npos || and_pos < end)) end = and_pos;
    const std::string_view item = text::Trim(rest.substr(0, end));
    if (fuzzy && !item.empty()) add(countries.FindByNameFuzzy(item));
    if (end == std::string_view::npos) break;
    i += end;
  }
  return codes;
}

bool LooksLikePersonName(std::string_view segment) {
  const std::vector<std::string> words = SplitTrim(segment, ' ');
  if (words.size() < 2 || words.size() > 6) return false;
  for (const auto& w : words) {
    const unsigned char first = static_cast<unsigned char>(w.front());
    // Names may have lower-case particles ("das", "van", "de").
    if (!std::isupper(first) && !(w == "da" || w == "das" || w == "de" || w == "del" || w == "van" || w == "von" ||
                                  w == "der" || w == "la" || w == "le" || w == "bin" || w == "al")) {
      if (first < 0x80) return false;
    }
  }
  return !HasAnyWord(segment, kOrganizationWords) && !Countries::Builtin().FindByName(segment);
}

std::optional<Speaker> ReadPerson(std::string_view item) {
  size_t honorific_length = 0;
  const auto honorific = LeadingHonorific(item, &honorific_length);
  std::vector<std::string> segments = SplitTrim(item.substr(honorific_length), ',');
  if (segments.empty()) return std::nullopt;
  if (!honorific) {
    // Without an honorific, only "Name, Role, Affiliation" reads as a person.
    if (segments.size() < 3 || !LooksLikePersonName(segments[0]) || !HasAnyWord(segments[1], kRoleWords)) {
      return std::nullopt;
    }
  }
  Speaker person;
  person.name = segments.front();
  if (person.name.empty() || HasAnyWord(person.name, kOrganizationWords)) return std::nullopt;
  person.honorific = honorific;
  segments.erase(segments.begin());
  if (!segments.empty()) {
    if (const Country* c = Countries::Builtin().FindByName(segments.back())) {
      person.country = c->code;
      segments.pop_back();
    }
  }
  if (segments.size() == 1) {
    if (HasAnyWord(segments[0], kRoleWords) && !HasAnyWord(segments[0], kOrganizationWords)) {
      person.role = segments[0];
    } else {
      person.affiliation = segments[0];
    }
  } else if (segments.size() >= 2) {
    person.affiliation = segments.back();
    segments.pop_back();
    std::string role;
    for (const auto& s : segments) role += (role.empty() ? "" : ", ") + s;
    person.role = role;
  }
  return person;
}

}  // namespace

FootnoteAttribution ReadFootnote(std::string_view footnote) {
  FootnoteAttribution out;
  std::string_view body = text::Trim(footnote);
  while (!body.empty() && body.back() == '.') body.remove_suffix(1);
  for (const std::string& item : SplitTrim(body, ';')) {
    const std::string lower = text::AsciiLower(item);
    for (std::string_view cue :
         {"representatives of ", "representative of ", "representatives from ", "representative from ",
          "delegation of ", "delegations of ", "delegate of ", "delegate from ", "delegates of ", "delegates from "}) {
      if (lower.rfind(cue, 0) == 0) {
        for (auto& code : CountryList(std::string_view(item).substr(cue.size()), true)) {
          if (std::find(out.countries.begin(), out.countries.end(), code) == out.countries.end()) {
            out.countries.push_back(code);
          }
        }
        goto next_item;
      }
    }
    if (auto person = ReadPerson(item)) {
      person->id = names::SpeakerId(person->name);
      out.persons.push_back(std::move(*person));
    }
  next_item:;
  }
  return out;
}

std::vector<std::string> DelegationsInText(std::string_view s) {
  std::vector<std::string> codes;
  const std::string lower = text::AsciiLower(s);
  for (std::string_view noun :
       {"delegates", "delegate", "representatives", "representative", "delegations", "delegation"}) {
    size_t pos = lower.find(noun);
    while (pos != std::string::npos) {
      const bool word_start = pos == 0 || !std::isalpha(static_cast<unsigned char>(lower[pos - 1]));
      size_t after = pos + noun.size();
      const bool word_end = after < lower.size() && lower[after] == ' ';
      if (word_start && word_end) {
        ++after;
        std::string_view rest = std::string_view(s).substr(after);
        const std::string rest_lower = lower.substr(after, 6);
        size_t skip = 0;
        if (rest_lower.rfind("of ", 0) == 0) skip = 3;
        if (rest_lower.rfind("from ", 0) == 0) skip = 5;
        if (skip > 0) {
          // The list ends at the first word that is not part of it.
          rest = rest.substr(skip);
          const size_t stop = rest.find_first_of(".:()");
          for (auto& code : CountryList(rest.substr(0, stop), false)) {
            if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
          }
        }
      }
      pos = lower.find(noun, pos + 1);
    }
  }
  return codes;
}

namespace {

struct Sentence {
  size_t begin = 0;
  size_t end = 0;
};

std::vector<Sentence> Sentences(std::string_view text) {
  std::vector<Sentence> out;
  size_t start = 0;
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '?' || text[i] == '!' || text[i] == ';') && text[i + 1] == ' ' &&
        (std::isupper(static_cast<unsigned char>(text[i + 2])) || text[i] == ';')) {
      // Not after an abbreviation such as "Mr." or "e.g.".
      const size_t word_start = text.rfind(' ', i);
      const std::string_view word = text.substr(word_start == std::string_view::npos ? 0 : word_start + 1,
                                                i - (word_start == std::string_view::npos ? 0 : word_start + 1));
      if (word == "Mr" || word == "Ms" || word == "Mrs" || word == "Dr" || word == "e.g" || word == "i.e" ||
          word == "No" || word.size() == 1) {
        continue;
      }
      out.push_back({start, i + 1});
      start = i + 2;
    }
  }
  if (start < text.size()) out.push_back({start, text.size()});
  return out;
}

void AddUnique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// Finds "noun N" in `text` (a marker printed as a plain number) and returns
// the offset just after the noun, or npos.
size_t FindBareMarker(const std::string& text, int number) {
  const std::string digits = std::to_string(number);
  const std::string lower = text::AsciiLower(text);
  for (std::string_view noun : kSpeakerNouns) {
    const std::string needle = std::string(noun) + " " + digits;
    size_t pos = lower.find(needle);
    while (pos != std::string::npos) {
      const size_t end = pos + needle.size();
      const bool start_ok = pos == 0 || !std::isalpha(static_cast<unsigned char>(lower[pos - 1]));
      const bool end_ok = end == lower.size() || !std::isalnum(static_cast<unsigned char>(lower[end]));
      if (start_ok && end_ok) return pos + noun.size();
      pos = lower.find(needle, pos + 1);
    }
  }
  return std::string::npos;
}

// The offset just after the first speaker noun in `text`, or npos.
size_t FindSpeakerNoun(const std::string& text) {
  const std::string lower = text::AsciiLower(text);
  size_t best = std::string::npos;
  for (std::string_view noun : kSpeakerNouns) {
    size_t pos = lower.find(noun);
    while (pos != std::string::npos) {
      const size_t end = pos + noun.size();
      const bool start_ok = pos == 0 || !std::isalpha(static_cast<unsigned char>(lower[pos - 1]));
      const bool end_ok = end == lower.size() || !std::isalpha(static_cast<unsigned char>(lower[end]));
      if (start_ok && end_ok) {
        best = std::min(best, end);
        break;
      }
      pos = lower.find(noun, pos + 1);
    }
  }
  return best;
}

}  // namespace

void Attribute(const Structure& structure, ExtractedDocument& doc) {
  // Markers per paragraph, in document order; text may lose bare numbers.
  std::vector<std::vector<Marker>> markers(doc.paragraphs.size());
  std::map<int, size_t> paragraph_of;  // footnote number -> paragraph index
  for (size_t i = 0; i < doc.paragraphs.size() && i < structure.paragraphs.size(); ++i) {
    markers[i] = structure.paragraphs[i].markers;
    for (const auto& m : markers[i]) paragraph_of.emplace(m.number, i);
  }

  std::map<int, FootnoteAttribution> footnotes;
  for (const auto& [number, footnote_text] : structure.footnotes) footnotes[number] = ReadFootnote(footnote_text);

  // Footnotes that identify someone but whose marker was not found: the
  // marker was printed as a plain number ("organization 10"), or lost.
  for (const auto& [number, attribution] : footnotes) {
    if (paragraph_of.count(number) || (attribution.persons.empty() && attribution.countries.empty())) continue;
    // The window in which the marker must stand: after the paragraph of the
    // previous marker, up to the paragraph of the next one.
    size_t low = 0, high = doc.paragraphs.empty() ? 0 : doc.paragraphs.size() - 1;
    for (auto it = paragraph_of.lower_bound(number); it != paragraph_of.end(); ++it) {
      high = it->second;
      break;
    }
    for (auto it = paragraph_of.lower_bound(number); it != paragraph_of.begin();) {
      --it;
      low = it->second;
      break;
    }
    bool placed = false;
    for (size_t i = low; i <= high && i < doc.paragraphs.size() && !placed; ++i) {
      Paragraph& p = doc.paragraphs[i];
      const size_t at = FindBareMarker(p.text, number);
      if (at == std::string::npos) continue;
      // Drop " N" from the text and shift later markers.
      const size_t removed = 1 + std::to_string(number).size();
      p.text.erase(at, removed);
      for (auto& m : markers[i]) {
        if (m.offset > at) m.offset -= removed;
      }
      markers[i].push_back({number, at});
      paragraph_of.emplace(number, i);
      placed = true;
    }
    if (placed) continue;
    for (size_t i = low + 1; i < high && i < doc.paragraphs.size() && !placed; ++i) {
      const size_t at = FindSpeakerNoun(doc.paragraphs[i].text);
      if (at == std::string::npos) continue;
      markers[i].push_back({number, at});
      paragraph_of.emplace(number, i);
      placed = true;
      doc.warnings.push_back("footnote " + std::to_string(number) + " has no marker; resolved by sequence to " +
                             (doc.paragraphs[i].number ? "paragraph " + std::to_string(*doc.paragraphs[i].number)
                                                       : "an unnumbered paragraph"));
    }
    if (!placed) doc.warnings.push_back("footnote " + std::to_string(number) + " has no marker and was not attributed");
  }

  std::vector<Speaker> speakers;  // the document's, first seen first
  const auto remember = [&](const Speaker& s) {
    for (auto& known : speakers) {
      if (known.id == s.id) return;
    }
    speakers.push_back(s);
  };

  for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
    Paragraph& p = doc.paragraphs[i];
    std::sort(markers[i].begin(), markers[i].end(),
              [](const Marker& a, const Marker& b) { return a.offset < b.offset; });
    for (const auto& m : markers[i]) {
      if (!structure.footnotes.count(m.number)) {
        doc.warnings.push_back("marker " + std::to_string(m.number) + " has no footnote text");
      }
    }
    p.statements.clear();
    for (const Sentence& sentence : Sentences(p.text)) {
      const std::string_view sentence_text =
          std::string_view(p.text).substr(sentence.begin, sentence.end - sentence.begin);
      std::vector<Speaker> persons;
      std::vector<std::string> countries = DelegationsInText(sentence_text);
      bool introduces = !countries.empty() && [&] {
        const std::string lower = text::AsciiLower(sentence_text.substr(0, 60));
        return lower.find("delegat") != std::string::npos || lower.find("representative") != std::string::npos;
      }();
      for (const auto& m : markers[i]) {
        if (m.offset < sentence.begin || m.offset > sentence.end) continue;
        const auto it = footnotes.find(m.number);
        if (it == footnotes.end()) continue;
        for (const auto& person : it->second.persons) persons.push_back(person);
        for (const auto& code : it->second.countries) AddUnique(countries, code);
        if (!it->second.persons.empty() || !it->second.countries.empty()) introduces = true;
      }
      if (p.statements.empty() || introduces) {
        p.statements.push_back(Statement{std::string(sentence_text), {}, {}});
      } else {
        p.statements.back().text += " ";
        p.statements.back().text += sentence_text;
      }
      Statement& st = p.statements.back();
      for (const auto& person : persons) {
        if (std::none_of(st.speakers.begin(), st.speakers.end(), [&](const Speaker& s) { return s.id == person.id; })) {
          st.speakers.push_back(person);
        }
      }
      for (const auto& code : countries) AddUnique(st.countries, code);
    }
    if (p.statements.empty()) p.statements.push_back(Statement{p.text, {}, {}});
    for (const auto& st : p.statements) {
      for (const auto& person : st.speakers) {
        AddUnique(p.speakers, person.name);
        remember(person);
      }
      for (const auto& code : st.countries) AddUnique(p.countries, code);
    }
  }
  doc.speakers = std::move(speakers);
}

}  // namespace cstd::extract
