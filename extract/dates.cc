#include "extract/dates.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>

#include "model/text.h"

namespace cstd::extract {

namespace {

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

std::string MonthName(const std::string& iso_date) {
  const int month = std::stoi(iso_date.substr(5, 2));
  return std::string(kMonths[static_cast<size_t>(month - 1)]);
}

}  // namespace

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

std::optional<int> ParseOrdinal(std::string_view word) {
  const std::string w = text::AsciiLower(word);
  // "27th", "1st", "2nd", "3rd"
  size_t digits = 0;
  while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
  // At most four digits: no session or meeting numbers more, and a longer
  // run (OCR noise, a figure) would overflow an int.
  if (digits > 0 && digits <= 4) {
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

}  // namespace cstd::extract
