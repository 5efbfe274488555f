#include "indexer/metadata.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>

#include "model/sessions.h"
#include "model/text.h"

namespace cstd::indexer {

namespace {

bool Contains(std::string_view haystack, std::string_view needle) {
  return text::AsciiLower(haystack).find(text::AsciiLower(needle)) != std::string::npos;
}

constexpr std::array<std::string_view, 20> kUnits = {
    "",           "first",     "second",    "third",       "fourth",     "fifth",     "sixth",
    "seventh",    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",   "thirteenth",
    "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
constexpr std::array<std::string_view, 10> kTensOrdinal = {
    "", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"};
constexpr std::array<std::string_view, 10> kTens = {"",      "",      "twenty",  "thirty", "forty",
                                                    "fifty", "sixty", "seventy", "eighty", "ninety"};

constexpr std::array<std::string_view, 12> kMonths = {"january",   "february", "march",    "april",
                                                      "may",       "june",     "july",     "august",
                                                      "september", "october",  "november", "december"};

// Splits into words of letters, digits and hyphens.
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  std::string current;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') {
      current.push_back(c);
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

bool IsMonth(std::string_view word) {
  const std::string w = text::AsciiLower(word);
  return std::find(kMonths.begin(), kMonths.end(), w) != kMonths.end();
}

std::string MonthName(const std::string& iso_date) {
  const int month = std::stoi(iso_date.substr(5, 2));
  return std::string(kMonths[static_cast<size_t>(month - 1)]);
}

}  // namespace

std::optional<int> ParseOrdinal(std::string_view word) {
  const std::string w = text::AsciiLower(word);
  // "27th", "1st", "2nd", "3rd"
  size_t digits = 0;
  while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
  if (digits > 0) {
    const std::string suffix = w.substr(digits);
    if (suffix == "th" || suffix == "st" || suffix == "nd" || suffix == "rd") return std::stoi(w.substr(0, digits));
    return std::nullopt;
  }
  for (size_t i = 1; i < kUnits.size(); ++i) {
    if (w == kUnits[i]) return static_cast<int>(i);
  }
  for (size_t t = 2; t < kTens.size(); ++t) {
    if (w == kTensOrdinal[t]) return static_cast<int>(t * 10);
    const std::string prefix = std::string(kTens[t]) + "-";
    if (w.rfind(prefix, 0) == 0) {
      const std::string unit = w.substr(prefix.size());
      for (size_t u = 1; u < 10; ++u) {
        if (unit == kUnits[u]) return static_cast<int>(t * 10 + u);
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> ParseDate(std::string_view s) {
  const std::vector<std::string> words = Words(s);
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    std::string day = text::AsciiLower(words[i]);
    for (const char* suffix : {"st", "nd", "rd", "th"}) {
      if (day.size() > 2 && day.substr(day.size() - 2) == suffix) day.resize(day.size() - 2);
    }
    const auto d = text::ParseInt(day);
    if (!d || *d < 1 || *d > 31) continue;
    const std::string month = text::AsciiLower(words[i + 1]);
    size_t m = 0;
    while (m < kMonths.size() && kMonths[m] != month) ++m;
    if (m == kMonths.size()) continue;
    const auto y = text::ParseInt(words[i + 2]);
    if (!y || *y < 1900 || *y > 2100) continue;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04ld-%02zu-%02ld", *y, m + 1, *d);
    return std::string(buffer);
  }
  return std::nullopt;
}

bool ParseDateRange(std::string_view s, std::string* start, std::string* end) {
  // Dashes between dates read as "to".
  std::string normalised(s);
  for (const char* dash : {"\u2013", "\u2014", "-"}) {
    for (size_t pos = normalised.find(dash); pos != std::string::npos; pos = normalised.find(dash, pos + 1)) {
      normalised.replace(pos, std::strlen(dash), " to ");
    }
  }
  const std::vector<std::string> words = Words(normalised);
  const auto join = [&](size_t from, size_t count) {
    std::string out;
    for (size_t k = from; k < from + count && k < words.size(); ++k) out += (out.empty() ? "" : " ") + words[k];
    return out;
  };
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (text::AsciiLower(words[i]) != "to") continue;
    const auto to = ParseDate(join(i + 1, 3));
    if (!to) continue;
    const std::string year = to->substr(0, 4);
    // The start may give a full date, a day and month, or a day only.
    std::optional<std::string> from;
    if (i >= 3) from = ParseDate(join(i - 3, 3));
    if (!from && i >= 2 && IsMonth(words[i - 1])) from = ParseDate(join(i - 2, 2) + " " + year);
    if (!from) from = ParseDate(words[i - 1] + " " + MonthName(*to) + " " + year);
    if (from) {
      *start = *from;
      *end = *to;
      return true;
    }
  }
  const auto single = ParseDate(s);
  if (!single) return false;
  *start = *end = *single;
  return true;
}

std::optional<Meeting> MeetingFromLine(std::string_view line) {
  const std::string lower = text::AsciiLower(line);
  Meeting meeting;
  std::string start, end;
  if (lower.rfind("held at ", 0) == 0 || lower.rfind("held in ", 0) == 0) {
    const size_t dates = lower.find(" from ") != std::string::npos ? lower.find(" from ") : lower.find(" on ");
    if (dates == std::string::npos || !ParseDateRange(line.substr(dates), &start, &end)) return std::nullopt;
    std::string_view place = text::Trim(line.substr(8, dates - 8));
    while (!place.empty() && place.back() == ',') place.remove_suffix(1);
    const size_t comma = place.rfind(',');
    meeting.place = std::string(text::Trim(comma == std::string_view::npos ? place : place.substr(comma + 1)));
  } else {
    // A meeting-time line starts with a weekday.
    static constexpr std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                     "friday", "saturday", "sunday"};
    const bool weekday = std::any_of(std::begin(kWeekdays), std::end(kWeekdays),
                                     [&](std::string_view d) { return lower.rfind(d, 0) == 0; });
    if (!weekday || !ParseDateRange(line, &start, &end)) return std::nullopt;
    // The place: the first capitalised word after the year that is not a
    // time, a weekday or "Online".
    const std::vector<std::string> words = Words(line);
    bool after_year = false;
    for (const auto& w : words) {
      if (!after_year) {
        after_year = w == start.substr(0, 4);
        continue;
      }
      if (std::isupper(static_cast<unsigned char>(w[0])) && text::AsciiLower(w) != "online") {
        meeting.place = w;
        break;
      }
    }
  }
  meeting.start = start;
  meeting.end = end;
  return meeting;
}

std::optional<int> SessionFromLine(std::string_view line) {
  const std::vector<std::string> words = Words(line);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const auto n = ParseOrdinal(words[i]);
    if (!n) continue;
    size_t next = i + 1;
    if (text::AsciiLower(words[next]) == "annual" && next + 1 < words.size()) ++next;
    if (text::AsciiLower(words[next]) != "session") continue;
    const bool at_start = i == 0;
    // A header line that ends with the session: "... (CSTD) Twenty-sixth
    // Annual Session"; not a sentence's "at its twenty-fifth session".
    constexpr size_t kHeaderLineWords = 16;
    if (next + 1 == words.size() && i > 0 && text::AsciiLower(words[i - 1]) != "its" &&
        words.size() <= kHeaderLineWords) {
      return n;
    }
    const bool after_for =
        i > 0 && (text::AsciiLower(words[i - 1]) == "the" && i > 1 &&
                  (text::AsciiLower(words[i - 2]) == "for" || text::AsciiLower(words[i - 2]) == "to"));
    const bool of_cstd = Contains(line, "session of CSTD") || Contains(line, "session of the CSTD") ||
                         Contains(line, "session of the Commission");
    if (at_start || after_for || (of_cstd && i > 0 && text::AsciiLower(words[i - 1]) != "its")) return n;
  }
  return std::nullopt;
}

namespace {

// Head lines that name the body or the meeting rather than the document.
bool IsBoilerplate(std::string_view line) {
  const std::string l = text::AsciiLower(line);
  return l.find("commission on science and technology for development") != std::string::npos ||
         l.find("english only") != std::string::npos || l.find("provisional agenda") != std::string::npos ||
         l.rfind("item ", 0) == 0 || l.rfind("distr", 0) == 0 || l.rfind("original:", 0) == 0 ||
         l.rfind("prepared by", 0) == 0 || l.rfind("held at", 0) == 0 || l.rfind("submission by", 0) == 0;
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
      {"intersessional panel meeting", "panel-report"},
      {"concept note", "concept-note"},
      {"informal note", "informal-note"},
      {"report of the secretary-general", "sg-report"},
      {"submissions from entities", "submission"},
      {"submission by", "submission"},
      {"draft resolution", "resolution"},
      {"resolution adopted", "resolution"},
      {"report on the", "submission"},
      {"statement by", "statement"},
  };
  const std::string lower = text::AsciiLower(head_text);
  for (const auto& rule : kRules) {
    if (lower.find(rule.phrase) != std::string::npos) return std::string(rule.type);
  }
  if (lower.find("report of the commission") != std::string::npos && lower.find("session") != std::string::npos) {
    return "session-report";
  }
  return "other";
}

}  // namespace

void ExtractMetadata(const Structure& structure, std::string_view file_stem, Document& doc) {
  std::string head_text;
  for (const auto& line : structure.head) head_text += line + "\n";

  for (const auto& line : structure.head) {
    if (!doc.session) doc.session = SessionFromLine(line);
    if (!doc.symbol) doc.symbol = FindSymbol(line);
    // The document's own date is a head line that is only a date.
    if (!doc.date && line.size() <= 24) doc.date = ParseDate(line);
    if (!doc.meeting) doc.meeting = MeetingFromLine(line);
    if (!doc.author && text::AsciiLower(line).rfind("prepared by ", 0) == 0) {
      std::string author = line.substr(12);
      if (text::AsciiLower(author).rfind("the ", 0) == 0) author.erase(0, 4);
      doc.author = std::string(text::Trim(author));
    }
  }
  // "Submission by" stands on its own line, the author on the next.
  for (size_t i = 0; !doc.author && i + 1 < structure.head.size(); ++i) {
    if (text::AsciiLower(text::Trim(structure.head[i])) == "submission by") doc.author = structure.head[i + 1];
  }
  if (!doc.session) {
    // Body text may say which session the document is for ("to the 27th
    // session of the CSTD"); only the first few paragraphs are trusted.
    for (size_t i = 0; i < structure.paragraphs.size() && i < 3 && !doc.session; ++i) {
      doc.session = SessionFromLine(structure.paragraphs[i].text);
    }
  }
  if (doc.session && !doc.year) {
    if (const Session* s = Sessions::Builtin().Find(*doc.session)) doc.year = s->year;
  }
  if (!doc.year && doc.date) doc.year = static_cast<int>(*text::ParseInt(doc.date->substr(0, 4)));

  if (doc.body.empty() &&
      (Contains(head_text, "Commission on Science and Technology for Development") || Contains(head_text, "CSTD"))) {
    doc.body = "CSTD";
  }

  if (doc.title.empty()) {
    // The first Markdown heading of the head that is not boilerplate, else
    // the longest head line that is not boilerplate, a date or a session.
    for (const auto& h : structure.headings) {
      if (head_text.find(h) == std::string::npos) break;
      if (!IsBoilerplate(h) && !SessionFromLine(h) && !ParseDate(h) && h.size() > 8) {
        doc.title = h;
        break;
      }
    }
    if (doc.title.empty()) {
      for (const auto& line : structure.head) {
        if (IsBoilerplate(line) || SessionFromLine(line) || (ParseDate(line) && line.size() < 40)) continue;
        if (line.size() > doc.title.size()) doc.title = line;
      }
    }
    if (doc.title.empty()) doc.title = std::string(file_stem);
  }
  if (doc.type.empty()) doc.type = TypeFrom(head_text + doc.title);
  // Informal notes of the Commission carry no author line: its secretariat
  // issues them.
  if (!doc.author && doc.type == "informal-note" && doc.body == "CSTD") doc.author = "CSTD secretariat";
}

}  // namespace cstd::indexer
