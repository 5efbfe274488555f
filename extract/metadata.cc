#include "extract/metadata.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

#include "extract/cover_lines.h"
#include "extract/dates.h"
#include "model/sessions.h"
#include "model/text.h"

namespace cstd::extract {

namespace {

bool StartsWithWordCi(std::string_view s, std::string_view prefix) {
  const std::string lower = text::AsciiLower(s.substr(0, prefix.size()));
  return lower == prefix && (s.size() == prefix.size() || !std::isalpha(static_cast<unsigned char>(s[prefix.size()])));
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return text::AsciiLower(haystack).find(text::AsciiLower(needle)) != std::string::npos;
}

// Venues that reports name instead of their city.
struct Venue {
  std::string_view name;  // lower case
  std::string_view city;
};
constexpr Venue kVenues[] = {
    {"palais des nations", "Geneva"},         {"united nations office at geneva", "Geneva"},
    {"unog", "Geneva"},                       {"united nations headquarters", "New York"},
    {"vienna international centre", "Vienna"}, {"united nations office at nairobi", "Nairobi"},
    {"un city", "Copenhagen"},                {"world intellectual property organization", "Geneva"},
};

std::string CityOf(std::string place) {
  const std::string lower = text::AsciiLower(place);
  for (const Venue& v : kVenues) {
    if (lower == v.name) return std::string(v.city);
  }
  return place;
}

std::optional<std::string> FindSymbol(std::string_view line) {
  // E/CN.16/2024/2, E/RES/2023/3, A/RES/70/125, A/78/62
  for (const std::string_view prefix : {"E/CN.16/", "E/RES/", "A/RES/", "E/", "A/"}) {
    size_t pos = line.find(prefix);
    while (pos != std::string_view::npos) {
      if (pos == 0 || line[pos - 1] == ' ' || line[pos - 1] == '(') {
        size_t end = pos + prefix.size();
        while (end < line.size() && (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '/' ||
                                     line[end] == '.' || line[end] == '-')) {
          ++end;
        }
        while (end > pos && (line[end - 1] == '.' || line[end - 1] == '/')) --end;
        std::string_view symbol = line.substr(pos, end - pos);
        if (symbol.size() > prefix.size() + 1 && std::isdigit(static_cast<unsigned char>(symbol[prefix.size()]))) {
          return std::string(symbol);
        }
      }
      pos = line.find(prefix, pos + 1);
    }
  }
  return std::nullopt;
}

std::string TypeFrom(std::string_view head_text) {
  struct Rule {
    std::string_view phrase;
    std::string_view type;
  };
  // Most specific first.
  static constexpr Rule kRules[] = {
      {"report of the intersessional panel", "panel-report"},
      {"report on the intersessional panel", "panel-report"},
      {"summary of the intersessional panel", "panel-report"},
      {"intersessional panel meeting", "panel-report"},
      {"inter-sessional panel", "panel-report"},
      {"concept note", "concept-note"},
      {"informal note", "informal-note"},
      {"report of the secretary-general", "sg-report"},
      {"note by the secretary-general", "sg-report"},
      {"submissions from entities", "submission"},
      {"submission by", "submission"},
      {"submission from", "submission"},
      {"submitted by", "submission"},
      {"contribution by", "submission"},
      {"contribution from", "submission"},
      {"draft resolution", "resolution"},
      {"resolution adopted", "resolution"},
      {"draft decision", "resolution"},
      {"report on the", "submission"},
      {"statement by", "statement"},
      {"opening statement", "statement"},
      {"opening remarks", "statement"},
  };
  static const std::regex kSessionReport("report on the [a-z0-9-]+ (annual )?session");
  const std::string lower = text::AsciiLower(head_text);
  // The Commission's report on a session: "Report on the twenty-fifth
  // session", "Report of the Commission ... on its twenty-fifth session".
  const bool report = lower.find("report of the commission") != std::string::npos ||
                      lower.find("report on the") != std::string::npos;
  if (report && (lower.find(" on its ") != std::string::npos ||
                 std::regex_search(lower, kSessionReport))) {
    return "session-report";
  }
  for (const auto& rule : kRules) {
    if (lower.find(rule.phrase) != std::string::npos) return std::string(rule.type);
  }
  return "other";
}

// What an author line names: "Prepared by the UNCTAD secretariat" ->
// "UNCTAD secretariat"; "Submission by" alone -> the next line.
std::optional<std::string> AuthorFrom(const std::vector<std::string>& head, size_t i) {
  std::string_view line = text::Trim(head[i]);
  const std::string l = text::AsciiLower(line);
  std::string_view rest;
  for (std::string_view prefix : {"prepared by", "submission by", "submitted by", "contribution by",
                                  "contributed by", "note by", "statement by", "compiled by", "by"}) {
    if (StartsWithWordCi(line, prefix)) {
      rest = text::Trim(line.substr(prefix.size()));
      break;
    }
  }
  if (rest.empty()) {
    if (i + 1 >= head.size()) return std::nullopt;
    rest = text::Trim(head[i + 1]);
  }
  while (!rest.empty() && (rest.back() == '.' || rest.back() == ',' || rest.back() == ':')) rest.remove_suffix(1);
  if (StartsWithWordCi(rest, "the")) rest.remove_prefix(4);
  if (rest.empty() || rest.size() > 160) return std::nullopt;
  return std::string(rest);
}

}  // namespace

void ExtractMetadata(const Structure& structure, std::string_view file_stem, Document& doc) {
  std::string head_text;
  for (const auto& line : structure.head) head_text += line + "\n";
  const std::set<std::string> headings(structure.headings.begin(), structure.headings.end());

  std::vector<CoverRole> roles;
  for (const auto& line : structure.head) {
    roles.push_back(CoverRoleOf(line, roles.empty() ? CoverRole::kOther : roles.back()));
  }

  for (size_t i = 0; i < structure.head.size(); ++i) {
    const std::string& line = structure.head[i];
    if (!doc.session && roles[i] != CoverRole::kAgendaTitle) doc.session = SessionFromLine(line);
    if (!doc.symbol && roles[i] == CoverRole::kMasthead) doc.symbol = FindSymbol(line);
    if (!doc.date && roles[i] == CoverRole::kDate) doc.date = DateOfDateLine(line);
    if (!doc.meeting && roles[i] == CoverRole::kMeeting) {
      doc.meeting = MeetingFromLine(line);
      if (doc.meeting) doc.meeting->place = CityOf(doc.meeting->place);
    }
    if (!doc.author && roles[i] == CoverRole::kAuthor) doc.author = AuthorFrom(structure.head, i);
  }
  // The symbol a running header repeats on every page.
  for (size_t i = 0; !doc.symbol && i < structure.furniture.size(); ++i) doc.symbol = FindSymbol(structure.furniture[i]);
  for (size_t i = 0; !doc.symbol && i < structure.head.size(); ++i) doc.symbol = FindSymbol(structure.head[i]);
  if (!doc.session) {
    // Body text may say which session the document is for ("to the 27th
    // session of the CSTD"); only the first few paragraphs are trusted.
    for (size_t i = 0; i < structure.paragraphs.size() && i < 3 && !doc.session; ++i) {
      doc.session = SessionFromLine(structure.paragraphs[i].text);
    }
  }
  if (!doc.session && doc.symbol && doc.symbol->rfind("E/CN.16/", 0) == 0) {
    // "E/CN.16/2022/CRP.1": the Commission's documents carry the year of
    // the session they are for.
    if (const auto year = text::ParseInt(doc.symbol->substr(8, 4))) {
      if (const Session* s = Sessions::Builtin().FindByYear(static_cast<int>(*year))) doc.session = s->number;
    }
  }
  if (doc.session && !doc.year) {
    if (const Session* s = Sessions::Builtin().Find(*doc.session)) doc.year = s->year;
  }
  if (!doc.year && doc.date) doc.year = static_cast<int>(*text::ParseInt(doc.date->substr(0, 4)));

  if (doc.body.empty() &&
      (Contains(head_text, "Commission on Science and Technology for Development") || Contains(head_text, "CSTD") ||
       (doc.symbol && doc.symbol->rfind("E/CN.16/", 0) == 0))) {
    doc.body = "CSTD";
  }

  if (doc.title.empty()) {
    // The title: the first line of the head that plays no other part (the
    // cover gives the title before any other free text), a title broken
    // over lines joined again.
    for (size_t i = 0; i < structure.head.size() && doc.title.empty(); ++i) {
      if (roles[i] != CoverRole::kOther && roles[i] != CoverRole::kTitleKind) continue;
      std::string title = structure.head[i];
      while (EndsInsidePhrase(title) && i + 1 < structure.head.size() && roles[i + 1] == CoverRole::kOther &&
             !headings.count(structure.head[i + 1])) {
        title += " " + structure.head[++i];
      }
      if (title.size() > 3) doc.title = title;
    }
    // Otherwise the line that names the document's kind ("Concept Note",
    // "Report of the Secretary-General").
    for (size_t i = 0; i < structure.head.size() && doc.title.empty(); ++i) {
      if (roles[i] == CoverRole::kAuthor && TypeFrom(structure.head[i]) != "other") doc.title = structure.head[i];
    }
    if (doc.title.empty()) doc.title = std::string(file_stem);
  }
  if (doc.type.empty()) doc.type = TypeFrom(head_text + doc.title);
  if (!doc.meeting && doc.type == "session-report") {
    // A session's report is about the session: its place and dates.
    for (const auto& line : structure.head) {
      if ((doc.meeting = SessionPlaceAndDates(line))) break;
    }
  }
  // Informal notes of the Commission carry no author line: its secretariat
  // issues them.
  if (!doc.author && doc.type == "informal-note" && doc.body == "CSTD") doc.author = "CSTD secretariat";
  if (!doc.author && doc.type == "sg-report") doc.author = "Secretary-General";
}

}  // namespace cstd::extract