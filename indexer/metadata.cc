#include "indexer/metadata.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <regex>
#include <set>

#include "indexer/page_furniture.h"
#include "model/countries.h"
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

namespace {

std::optional<size_t> MonthIndex(std::string_view word) {
  const std::string w = text::AsciiLower(word);
  for (size_t m = 0; m < kMonths.size(); ++m) {
    // "Sept." and "Nov." are how some headers abbreviate.
    if (w == kMonths[m] || (w.size() >= 3 && w.size() < kMonths[m].size() && kMonths[m].rfind(w, 0) == 0 &&
                            (w.size() == 3 || w == "sept"))) {
      return m;
    }
  }
  return std::nullopt;
}

std::optional<long> DayNumber(std::string day) {
  day = text::AsciiLower(day);
  for (const char* suffix : {"st", "nd", "rd", "th"}) {
    if (day.size() > 2 && day.substr(day.size() - 2) == suffix) day.resize(day.size() - 2);
  }
  const auto d = text::ParseInt(day);
  if (!d || *d < 1 || *d > 31) return std::nullopt;
  return d;
}

std::string IsoDate(long year, size_t month_index, long day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04ld-%02zu-%02ld", year, month_index + 1, day);
  return buffer;
}

}  // namespace

std::optional<std::string> ParseDate(std::string_view s) {
  const std::vector<std::string> words = Words(s);
  for (size_t i = 0; i < words.size(); ++i) {
    // "2022-02-01": one word of letters, digits and hyphens.
    if (words[i].size() == 10 && words[i][4] == '-' && words[i][7] == '-') {
      const auto y = text::ParseInt(words[i].substr(0, 4));
      const auto m = text::ParseInt(words[i].substr(5, 2));
      const auto d = text::ParseInt(words[i].substr(8, 2));
      if (y && m && d && *y >= 1900 && *y <= 2100 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31) {
        return IsoDate(*y, static_cast<size_t>(*m - 1), *d);
      }
    }
    if (i + 2 >= words.size()) continue;
    // "1 February 2022", "29th March 2023", "1st of February 2022".
    size_t month_at = i + 1;
    if (text::AsciiLower(words[month_at]) == "of" && i + 3 < words.size()) ++month_at;
    if (const auto d = DayNumber(words[i])) {
      if (const auto m = MonthIndex(words[month_at]); m && month_at + 1 < words.size()) {
        const auto y = text::ParseInt(words[month_at + 1]);
        if (y && *y >= 1900 && *y <= 2100) return IsoDate(*y, *m, *d);
      }
    }
    // "February 1, 2022" (the comma is not a word character).
    if (const auto m = MonthIndex(words[i])) {
      const auto d = DayNumber(words[i + 1]);
      const auto y = text::ParseInt(words[i + 2]);
      if (d && y && *y >= 1900 && *y <= 2100) return IsoDate(*y, *m, *d);
    }
  }
  return std::nullopt;
}

bool ParseDateRange(std::string_view s, std::string* start, std::string* end) {
  // Dashes between dates read as "to", and so does "and" ("between 17 and 19
  // November", "on 17 and 18 November").
  std::string normalised(s);
  for (const char* dash : {"\u2013", "\u2014", "-"}) {
    for (size_t pos = normalised.find(dash); pos != std::string::npos; pos = normalised.find(dash, pos + 1)) {
      normalised.replace(pos, std::strlen(dash), " to ");
    }
  }
  std::vector<std::string> words = Words(normalised);
  for (auto& w : words) {
    if (text::AsciiLower(w) == "and" || text::AsciiLower(w) == "until" || text::AsciiLower(w) == "till") w = "to";
  }
  const auto join = [&](size_t from, size_t count) {
    std::string out;
    for (size_t k = from; k < from + count && k < words.size(); ++k) out += (out.empty() ? "" : " ") + words[k];
    return out;
  };
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (text::AsciiLower(words[i]) != "to") continue;
    // The end: "19 November 2021", or "19, 2021" after "November 17" (US).
    auto to = ParseDate(join(i + 1, 4));
    bool us = false;
    if (!to && i >= 2 && i + 2 < words.size() && MonthIndex(words[i - 2])) {
      to = ParseDate(words[i - 2] + " " + words[i + 1] + ", " + words[i + 2]);
      us = to.has_value();
    }
    if (!to) continue;
    const std::string year = to->substr(0, 4);
    // The start may give a full date, a day and month, or a day only.
    std::optional<std::string> from;
    if (us) {
      from = ParseDate(words[i - 2] + " " + words[i - 1] + ", " + year);
    } else {
      if (i >= 3) from = ParseDate(join(i - 3, 3));
      if (!from && i >= 2 && MonthIndex(words[i - 1])) from = ParseDate(join(i - 2, 2) + " " + year);
      if (!from && i >= 2 && MonthIndex(words[i - 2]) && DayNumber(words[i - 1])) {
        from = ParseDate(words[i - 2] + " " + words[i - 1] + ", " + year);  // "November 30 to December 2, 2021"
      }
      if (!from) from = ParseDate(words[i - 1] + " " + MonthName(*to) + " " + year);
    }
    if (from && *from <= *to) {
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

namespace {

// The place in a phrase such as "the Palais des Nations, Geneva" or "Lisbon,
// Portugal": the last part that is not a country (a city comes before its
// country), without "the", "virtually" or "and online".
std::string PlaceFrom(std::string_view phrase) {
  std::vector<std::string_view> parts;
  for (std::string_view part : text::Split(phrase, ',')) {
    part = text::Trim(part);
    if (!part.empty()) parts.push_back(part);
  }
  while (!parts.empty()) {
    std::string_view part = parts.back();
    for (std::string_view tail : {" and online", " and virtually", " and via videoconference"}) {
      const std::string lower = text::AsciiLower(part);
      if (lower.size() > tail.size() && lower.substr(lower.size() - tail.size()) == tail) {
        part = text::Trim(part.substr(0, part.size() - tail.size()));
      }
    }
    const std::string lower = text::AsciiLower(part);
    const bool online = lower == "online" || lower == "virtually" || lower == "via videoconference" ||
                        lower.find("hybrid") != std::string::npos || lower.find("format") != std::string::npos;
    const bool digits = part.find_first_of("0123456789") != std::string_view::npos;
    if (!online && !digits && !(parts.size() > 1 && Countries::Builtin().FindByName(part))) {
      if (lower.rfind("the ", 0) == 0) part.remove_prefix(4);
      return std::string(part);
    }
    parts.pop_back();
  }
  return {};
}

}  // namespace

std::optional<Meeting> MeetingFromLine(std::string_view line) {
  line = text::Trim(line);
  const std::string lower = text::AsciiLower(line);
  Meeting meeting;
  std::string start, end;
  if (lower.rfind("held ", 0) == 0 || lower.rfind("meeting held ", 0) == 0 || lower.rfind("to be held ", 0) == 0) {
    // "Held at the Palais des Nations, Geneva, from 17 to 19 November 2021",
    // "Held between 17 and 19 November 2021 in Geneva", "Held in Geneva, on
    // 29 March 2023", "Held virtually from ...": the dates anywhere, the
    // place in the phrases after " at " and " in " that hold no date.
    if (!ParseDateRange(line, &start, &end)) return std::nullopt;
    std::string place;
    for (std::string_view cue : {" at ", " in "}) {
      for (size_t at = lower.find(cue); at != std::string::npos; at = lower.find(cue, at + 1)) {
        // The phrase runs to the next cue of dates (or of another place).
        const size_t begin = at + cue.size();
        size_t stop = lower.size();
        for (std::string_view next : {" from ", " on ", " between ", " in ", " at ", " during "}) {
          const size_t n = lower.find(next, begin);
          if (n != std::string::npos) stop = std::min(stop, n);
        }
        const std::string candidate = PlaceFrom(line.substr(begin, stop - begin));
        if (!candidate.empty()) place = candidate;
      }
    }
    meeting.place = place;
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

std::optional<Meeting> SessionPlaceAndDates(std::string_view line) {
  // "Geneva, 28 March–1 April 2022": a place, a comma, the dates; possibly
  // after the session ("Twenty-seventh session Geneva, 15-19 April 2024").
  const size_t comma = line.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  std::string start, end;
  if (!ParseDateRange(line.substr(comma + 1), &start, &end)) return std::nullopt;
  std::string_view before = text::Trim(line.substr(0, comma));
  const size_t session = text::AsciiLower(before).rfind("session");
  if (session != std::string::npos) before = text::Trim(before.substr(session + 7));
  if (before.empty() || before.find_first_of("0123456789") != std::string_view::npos ||
      std::count(before.begin(), before.end(), ' ') > 3) {
    return std::nullopt;
  }
  return Meeting{std::string(before), start, end};
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

bool StartsWithWordCi(std::string_view s, std::string_view prefix) {
  const std::string lower = text::AsciiLower(s.substr(0, prefix.size()));
  return lower == prefix && (s.size() == prefix.size() || !std::isalpha(static_cast<unsigned char>(s[prefix.size()])));
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

// What a line of a document's head says. The head of a CSTD document is a
// cover block in some order of: the masthead (United Nations, the organ,
// the symbol, Distr., the date, languages), the Commission and its
// session, place and dates, agenda items with their titles, the title, the
// meeting ("Held at ..."), the author ("Prepared by ...", "Submission by"),
// and the first section headings.
enum class Role {
  kMasthead,  // "United Nations", "Economic and Social Council", "Distr.: General", "English only", a symbol
  kBody,      // "Commission on Science and Technology for Development"
  kSession,   // "Twenty-fifth session", "Geneva, 28 March–1 April 2022"
  kAgendaItem,   // "Item 2 of the provisional agenda"
  kAgendaTitle,  // the line after an agenda item
  kDate,         // "1 February 2022", "Distr.: General 1 February 2022"
  kMeeting,      // "Held at ...", "Wednesday 29th March 2023, ..."
  kAuthor,       // "Prepared by the UNCTAD secretariat", "Submission by"
  kSection,      // "Background", "Introduction", "I. Introduction"
  kOther,        // a title candidate
};

// Masthead lines, as printed (lower case, exact or as a prefix).
bool IsMasthead(std::string_view line) {
  const std::string l = text::AsciiLower(text::Trim(line));
  for (std::string_view exact : {"united nations", "economic and social council", "general assembly",
                                 "security council", "trade and development board", "unctad", "distr.", "original"}) {
    if (l == exact) return true;
  }
  for (std::string_view prefix :
       {"distr.", "distr:", "distr ", "original:", "english only", "french only", "spanish only", "arabic only",
        "chinese only", "russian only", "english/", "for participants only", "restricted", "advance unedited",
        "advance copy", "unedited"}) {
    if (l.rfind(prefix, 0) == 0) return true;
  }
  if (l.rfind("united nations ", 0) == 0) {
    // "United Nations E/CN.16/2022/CRP.1", "United Nations Conference on Trade and Development"
    const std::string rest = l.substr(15);
    return rest.find('/') != std::string::npos || rest.rfind("conference on trade and development", 0) == 0;
  }
  return false;
}

// Headings that open a section of any document rather than name one.
bool IsSectionHeading(std::string_view line) {
  std::string l = text::AsciiLower(text::Trim(line));
  while (!l.empty() && (l.back() == ':' || l.back() == '.')) l.pop_back();
  // "I. Introduction", "A. Background", "1. Introduction"
  if (const size_t dot = l.find(". "); dot != std::string::npos && dot <= 5) {
    const std::string number = l.substr(0, dot);
    if (number.find_first_not_of("ivxlc0123456789abcdefgh") == std::string::npos) return true;
  }
  for (std::string_view heading :
       {"background", "introduction", "summary", "executive summary", "overview", "objectives", "objective",
        "context", "contents", "table of contents", "conclusions", "conclusion", "recommendations", "annex",
        "annexes", "acknowledgements", "acknowledgments", "abstract", "purpose", "scope", "guiding questions",
        "format", "programme", "agenda", "key messages", "main findings", "findings", "introduction and background",
        "opening", "expected outcome", "expected outcomes", "participants", "speakers", "moderator", "panellists"}) {
    if (l == heading) return true;
  }
  return false;
}

// "1 February 2022", "Distr.: General 1 February 2022", "Date: 1 February
// 2022": a date alone once labels are set aside; nullopt for other lines.
std::optional<std::string> DateOfDateLine(std::string_view line) {
  std::string_view rest = text::Trim(line);
  const std::string l = text::AsciiLower(rest);
  for (std::string_view label : {"distr.: general", "distr.: limited", "distr.: restricted", "distr. general",
                                 "distr. limited", "date:", "dated"}) {
    if (l.rfind(label, 0) == 0) rest = text::Trim(rest.substr(label.size()));
  }
  std::string start, end;
  if (rest.size() > 32 || !ParseDateRange(rest, &start, &end) || start != end) return std::nullopt;
  return start;
}

Role RoleOf(std::string_view line, Role previous) {
  const std::string l = text::AsciiLower(text::Trim(line));
  if (DateOfDateLine(line)) return Role::kDate;
  if (IsMasthead(line)) return Role::kMasthead;
  const size_t space = l.find(' ');
  if (IsDocumentSymbol(text::Trim(line).substr(0, space == std::string::npos ? std::string::npos : space)) &&
      std::count(l.begin(), l.end(), ' ') <= 2) {
    return Role::kMasthead;
  }
  if ((l.rfind("item ", 0) == 0 || l.rfind("agenda item", 0) == 0 || l.rfind("provisional agenda item", 0) == 0) &&
      l.find("agenda") != std::string::npos) {
    return Role::kAgendaItem;
  }
  if (previous == Role::kAgendaItem) return Role::kAgendaTitle;
  // A title that names the document's kind may name a session too ("Report
  // on the twenty-fifth session"): it is a title.
  for (std::string_view kind : {"report ", "summary report", "summary of ", "draft report"}) {
    if (l.rfind(kind, 0) == 0) return Role::kOther;
  }
  if (MeetingFromLine(line)) return Role::kMeeting;
  if (SessionFromLine(line) || SessionPlaceAndDates(line)) return Role::kSession;
  if (l.find("commission on science and technology for development") != std::string::npos && l.size() < 90 &&
      l.find("report") == std::string::npos) {
    return Role::kBody;
  }
  if (l == "(cstd)" || l == "cstd") return Role::kBody;
  for (std::string_view prefix : {"prepared by", "submission by", "submitted by", "contribution by", "contributed by",
                                  "note by the", "statement by", "compiled by", "by the "}) {
    if (l.rfind(prefix, 0) == 0) return Role::kAuthor;
  }
  if (IsSectionHeading(line)) return Role::kSection;
  return Role::kOther;
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

// Words a broken title line ends with when it goes on in the next line.
bool EndsWithLinkWord(std::string_view line) {
  const size_t space = line.find_last_of(' ');
  const std::string last = text::AsciiLower(space == std::string_view::npos ? line : line.substr(space + 1));
  for (std::string_view w : {"of", "on", "for", "and", "the", "to", "in", "at", "by", "from", "with", "a", "an",
                             "its", "their", "towards", "through", "into", "&"}) {
    if (last == w) return true;
  }
  return !line.empty() && (line.back() == ',' || line.back() == '-' || line.back() == ':');
}

}  // namespace

void ExtractMetadata(const Structure& structure, std::string_view file_stem, Document& doc) {
  std::string head_text;
  for (const auto& line : structure.head) head_text += line + "\n";
  const std::set<std::string> headings(structure.headings.begin(), structure.headings.end());

  std::vector<Role> roles;
  for (const auto& line : structure.head) {
    roles.push_back(RoleOf(line, roles.empty() ? Role::kOther : roles.back()));
  }

  for (size_t i = 0; i < structure.head.size(); ++i) {
    const std::string& line = structure.head[i];
    if (!doc.session && roles[i] != Role::kAgendaTitle) doc.session = SessionFromLine(line);
    if (!doc.symbol && roles[i] == Role::kMasthead) doc.symbol = FindSymbol(line);
    if (!doc.date && roles[i] == Role::kDate) doc.date = DateOfDateLine(line);
    if (!doc.meeting && roles[i] == Role::kMeeting) {
      doc.meeting = MeetingFromLine(line);
      if (doc.meeting) doc.meeting->place = CityOf(doc.meeting->place);
    }
    if (!doc.author && roles[i] == Role::kAuthor) doc.author = AuthorFrom(structure.head, i);
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
      if (roles[i] != Role::kOther) continue;
      std::string title = structure.head[i];
      while (EndsWithLinkWord(title) && i + 1 < structure.head.size() && roles[i + 1] == Role::kOther &&
             !headings.count(structure.head[i + 1])) {
        title += " " + structure.head[++i];
      }
      if (title.size() > 3) doc.title = title;
    }
    // Otherwise the line that names the document's kind ("Concept Note",
    // "Report of the Secretary-General").
    for (size_t i = 0; i < structure.head.size() && doc.title.empty(); ++i) {
      if (roles[i] == Role::kAuthor && TypeFrom(structure.head[i]) != "other") doc.title = structure.head[i];
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

}  // namespace cstd::indexer
