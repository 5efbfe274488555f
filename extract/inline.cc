#include "extract/inline.h"

#include <cctype>
#include <cstring>
#include <vector>

#include "model/text.h"

namespace cstd::extract {

namespace {

bool StartsWith(std::string_view s, size_t i, std::string_view prefix) {
  return s.substr(i, prefix.size()) == prefix;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// The first `needle` that starts in [from, from + window), or npos. Bounded
// searches keep CleanInline linear on a line full of unclosed markup.
size_t Find(std::string_view s, std::string_view needle, size_t from, size_t window) {
  if (from >= s.size()) return std::string_view::npos;
  const size_t found = s.substr(from, window + needle.size() - 1).find(needle);
  return found == std::string_view::npos ? found : from + found;
}

// Longest "<sup>...</sup>" content looked for: markers are a few digits, the
// text ones ("th", "er") a word.
constexpr size_t kMaxSupLength = 256;

constexpr const char* kScarredSup = "<sup>&</sup>lt;sup>";

// Superscript digits are three-byte (U+2070, U+2074..U+2079) or two-byte
// (U+00B9, U+00B2, U+00B3) sequences. Returns the digit and its byte length,
// or -1.
int SuperscriptDigit(std::string_view s, size_t i, size_t* length) {
  static constexpr struct {
    const char* bytes;
    int digit;
  } kDigits[] = {{"\u2070", 0}, {"\u00B9", 1}, {"\u00B2", 2}, {"\u00B3", 3}, {"\u2074", 4},
                 {"\u2075", 5}, {"\u2076", 6}, {"\u2077", 7}, {"\u2078", 8}, {"\u2079", 9}};
  for (const auto& d : kDigits) {
    const size_t n = std::strlen(d.bytes);
    if (s.substr(i, n) == d.bytes) {
      *length = n;
      return d.digit;
    }
  }
  return -1;
}

// The markers a superscript holds: one number, or a list of them ("12,13",
// "12, 13"); the text between tags ("<a href=\"#fn12\">12</a>" reads as 12).
// Empty when `s` is anything else.
std::vector<int> MarkerNumbers(std::string_view s) {
  std::string bare;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      const size_t close = s.find('>', i);
      if (close == std::string_view::npos) return {};
      i = close;
      continue;
    }
    bare.push_back(s[i]);
  }
  std::vector<int> numbers;
  int current = -1;
  for (char c : bare) {
    if (IsDigit(c)) {
      current = (current < 0 ? 0 : current * 10) + (c - '0');
      if (current > 999) return {};
    } else if (c == ',' || c == ' ' || c == '.') {
      if (current >= 0) numbers.push_back(current);
      current = -1;
    } else {
      return {};
    }
  }
  if (current >= 0) numbers.push_back(current);
  return numbers;
}

// Parses a marker number: digits with an optional trailing '.' or ','. Returns
// -1 when `s` is not that.
int MarkerNumber(std::string_view s) {
  s = text::Trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.remove_suffix(1);
  if (s.empty() || s.size() > 3) return -1;
  for (char c : s) {
    if (!IsDigit(c)) return -1;
  }
  return std::stoi(std::string(s));
}

struct Entity {
  const char* name;
  const char* text;
};
constexpr Entity kEntities[] = {{"&amp;", "&"},   {"&lt;", "<"},         {"&gt;", ">"},
                                {"&quot;", "\""}, {"&#39;", "'"},        {"&apos;", "'"},
                                {"&nbsp;", " "},  {"&ndash;", "\u2013"}, {"&mdash;", "\u2014"}};

void AppendCodePoint(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The position just after the last non-space character of `out`: a marker
// belongs to the word before it.
size_t MarkerOffset(const std::string& out) {
  size_t n = out.size();
  while (n > 0 && out[n - 1] == ' ') --n;
  return n;
}

}  // namespace

CleanLine CleanInline(std::string_view in) {
  CleanLine result;
  std::string& out = result.text;
  out.reserve(in.size());
  const auto add_marker = [&](int number) { result.markers.push_back({number, MarkerOffset(out)}); };

  for (size_t i = 0; i < in.size();) {
    const char c = in[i];
    if (c == '<') {
      // "<sup>" opens a superscript; the conversion scar
      // "<sup>&</sup>lt;sup>" (a mangled "&lt;sup>") opens one too.
      size_t open_length = 0;
      if (StartsWith(in, i, kScarredSup)) {
        open_length = std::strlen(kScarredSup);
      } else if (StartsWith(in, i, "<sup>")) {
        open_length = 5;
      }
      if (open_length > 0) {
        // A superscript holds a marker or a word ("th"): look for its end
        // a short way ahead only, so unclosed ones cost no rescans.
        const size_t close = Find(in, "</sup>", i + open_length, kMaxSupLength);
        if (close != std::string_view::npos) {
          const std::string_view inner = in.substr(i + open_length, close - i - open_length);
          const std::vector<int> numbers = MarkerNumbers(inner);
          if (!numbers.empty()) {
            for (int number : numbers) add_marker(number);
          } else if (inner.find('<') == std::string_view::npos) {
            out.append(inner);  // "29<sup>th</sup>" -> "29th"
          }
          i = close + 6;
          continue;
        }
      }
      // Any other tag is markup: drop it. A '<' that opens no tag is text.
      const size_t close = Find(in, ">", i, 40);
      if (close != std::string_view::npos &&
          (std::isalpha(static_cast<unsigned char>(in[i + 1])) || in[i + 1] == '/' || in[i + 1] == '!')) {
        i = close + 1;
        continue;
      }
    } else if (c == '&') {
      bool decoded = false;
      for (const auto& e : kEntities) {
        if (StartsWith(in, i, e.name)) {
          if (e.text[0] == ' ') {
            // &nbsp; is white space: it joins the run around it.
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
          } else {
            out += e.text;
          }
          i += std::strlen(e.name);
          decoded = true;
          break;
        }
      }
      if (!decoded && StartsWith(in, i, "&#")) {
        const size_t semi = Find(in, ";", i, 11);
        if (semi != std::string_view::npos) {
          const bool hex = in[i + 2] == 'x' || in[i + 2] == 'X';
          const std::string digits(in.substr(i + (hex ? 3 : 2), semi - i - (hex ? 3 : 2)));
          char* end = nullptr;
          const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
          if (!digits.empty() && end && *end == '\0') {
            AppendCodePoint(out, cp);
            i = semi + 1;
            decoded = true;
          }
        }
      }
      if (decoded) continue;
    } else if (c == '^' && i + 1 < in.size() && in[i + 1] == '{') {
      // ^{12.} and ^{12,13} from LaTeX-ish conversions.
      const size_t close = Find(in, "}", i, 32);
      if (close != std::string_view::npos) {
        const std::vector<int> numbers = MarkerNumbers(in.substr(i + 2, close - i - 2));
        if (!numbers.empty()) {
          for (int number : numbers) add_marker(number);
          i = close + 1;
          continue;
        }
      }
    } else if (c == '[' && i + 1 < in.size() && in[i + 1] == '^') {
      // [^12]: a Markdown footnote reference (and, at a line's start with a
      // colon after it, the footnote's definition).
      const size_t close = Find(in, "]", i, 8);
      if (close != std::string_view::npos) {
        const int number = MarkerNumber(in.substr(i + 2, close - i - 2));
        if (number >= 0) {
          add_marker(number);
          i = close + 1;
          if (i < in.size() && in[i] == ':' && result.markers.size() == 1 && result.markers[0].offset == 0) ++i;
          continue;
        }
      }
    } else if (c == '\\' && StartsWith(in, i, "\\textsuperscript{")) {
      // \textsuperscript{12} from LaTeX sources.
      const size_t open = i + std::strlen("\\textsuperscript{");
      const size_t close = Find(in, "}", open, 16);
      if (close != std::string_view::npos) {
        const std::vector<int> numbers = MarkerNumbers(in.substr(open, close - open));
        if (!numbers.empty()) {
          for (int number : numbers) add_marker(number);
          i = close + 1;
          continue;
        }
      }
    } else if (c == '$' && StartsWith(in, i, "$^{")) {
      // $^{^{\rm 12}~$ and similar inline math holding only a number.
      const size_t close = Find(in, "$", i + 1, 39);
      if (close != std::string_view::npos) {
        // The numbers in it, one marker each ("$^{12,13}$").
        std::vector<int> numbers;
        std::string digits;
        for (size_t k = i + 1; k <= close; ++k) {
          if (k < close && IsDigit(in[k])) {
            digits.push_back(in[k]);
          } else if (!digits.empty()) {
            if (digits.size() <= 3) numbers.push_back(std::stoi(digits));
            digits.clear();
          }
        }
        if (!numbers.empty()) {
          for (int number : numbers) add_marker(number);
          i = close + 1;
          continue;
        }
      }
    } else if (c == '*' || c == '_') {
      // Markdown emphasis: "**" and "__" always; a single '*' or '_' only when
      // it hugs a word edge (so "snake_case" and "2 * 3" survive).
      if (i + 1 < in.size() && in[i + 1] == c) {
        i += 2;
        continue;
      }
      const bool prev_space = out.empty() || out.back() == ' ';
      const bool next_space = i + 1 >= in.size() || in[i + 1] == ' ';
      if (c == '*' ? (prev_space != next_space) : (prev_space && !next_space) || (!prev_space && next_space)) {
        ++i;
        continue;
      }
    } else if (c == '\\' && i + 1 < in.size() && std::strchr("*_#[]()`\\-.!", in[i + 1])) {
      out.push_back(in[i + 1]);
      i += 2;
      continue;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      size_t length = 0;
      if (SuperscriptDigit(in, i, &length) >= 0) {
        int number = 0;
        int digits = 0;
        while (i < in.size()) {
          const int d = SuperscriptDigit(in, i, &length);
          if (d < 0) break;
          // A marker has at most three digits; the value of a longer run is
          // never used, and past nine digits would overflow.
          if (digits < 3) number = number * 10 + d;
          ++digits;
          i += length;
        }
        if (digits <= 3) add_marker(number);
        continue;
      }
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      ++i;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // Markers may sit past the trimmed end.
  for (auto& m : result.markers) m.offset = std::min(m.offset, out.size());
  return result;
}

std::string EscapeInline(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  bool line_start = true;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
      case '<':
        out += text::HtmlEntity(c);
        break;
      case '^':
        out += i + 1 < text.size() && text[i + 1] == '{' ? "&#94;" : "^";
        break;
      case '[':
        out += i + 1 < text.size() && text[i + 1] == '^' ? "\\[" : "[";
        break;
      case '\\':
      case '*':
      case '_':
        out.push_back('\\');
        out.push_back(c);
        break;
      case '#':
        if (line_start) out.push_back('\\');
        out.push_back(c);
        break;
      default:
        out.push_back(c);
    }
    line_start = c == '\n' || (line_start && (c == ' ' || c == '\t'));
  }
  return out;
}

}  // namespace cstd::extract
