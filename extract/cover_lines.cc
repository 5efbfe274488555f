#include "extract/cover_lines.h"

#include <algorithm>
#include <cctype>

#include "extract/dates.h"
#include "extract/page_furniture.h"
#include "model/countries.h"
#include "model/text.h"

namespace cstd::extract {

namespace {

bool Contains(std::string_view haystack, std::string_view needle) {
  return text::AsciiLower(haystack).find(text::AsciiLower(needle)) != std::string::npos;
}

// Masthead lines, as printed (lower case, exact or as a prefix).
bool IsMasthead(std::string_view line) {
  const std::string l = text::AsciiLower(text::Trim(line));
  for (std::string_view exact : {"united nations", "economic and social council", "general assembly",
                                 "united nations economic and social council",
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

}  // namespace

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

CoverRole CoverRoleOf(std::string_view line, CoverRole previous) {
  const std::string l = text::AsciiLower(text::Trim(line));
  if (DateOfDateLine(line)) return CoverRole::kDate;
  if (IsMasthead(line)) return CoverRole::kMasthead;
  const size_t space = l.find(' ');
  if (IsDocumentSymbol(text::Trim(line).substr(0, space == std::string::npos ? std::string::npos : space)) &&
      std::count(l.begin(), l.end(), ' ') <= 2) {
    return CoverRole::kMasthead;
  }
  if ((l.rfind("item ", 0) == 0 || l.rfind("agenda item", 0) == 0 || l.rfind("provisional agenda item", 0) == 0) &&
      l.find("agenda") != std::string::npos) {
    return CoverRole::kAgendaItem;
  }
  if (previous == CoverRole::kAgendaItem) return CoverRole::kAgendaTitle;
  // A title that names the document's kind may name a session too ("Report
  // on the twenty-fifth session"): it is a title.
  for (std::string_view kind : {"report ", "summary report", "summary of ", "draft report", "concept note",
                                 "informal note", "chair's summary", "chair\u2019s summary", "issues paper"}) {
    if (l.rfind(kind, 0) == 0) return CoverRole::kTitleKind;
  }
  if (MeetingFromLine(line)) return CoverRole::kMeeting;
  if (SessionFromLine(line) || SessionPlaceAndDates(line)) return CoverRole::kSession;
  if (l.find("commission on science and technology for development") != std::string::npos && l.size() < 90 &&
      l.find("report") == std::string::npos) {
    return CoverRole::kBody;
  }
  if (l == "(cstd)" || l == "cstd") return CoverRole::kBody;
  for (std::string_view prefix : {"prepared by", "submission by", "submitted by", "contribution by", "contributed by",
                                  "note by the", "statement by", "compiled by", "by the "}) {
    if (l.rfind(prefix, 0) == 0) return CoverRole::kAuthor;
  }
  if (IsSectionHeading(line)) return CoverRole::kSection;
  return CoverRole::kOther;
}


bool EndsInsidePhrase(std::string_view line) {
  line = text::Trim(line);
  if (line.empty()) return false;
  if (line.back() == ',' || line.back() == '-' || line.back() == ':') return true;
  const size_t space = line.find_last_of(' ');
  const std::string last = text::AsciiLower(space == std::string_view::npos ? line : line.substr(space + 1));
  for (std::string_view w : {"of", "on", "for", "and", "the", "to", "in", "at", "by", "from", "with", "a", "an",
                             "its", "their", "or", "that", "as", "towards", "through", "into", "&"}) {
    if (last == w) return true;
  }
  return false;
}

}  // namespace cstd::extract
