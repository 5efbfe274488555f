#include "model/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "model/errors.h"

namespace cstd::text {

std::optional<size_t> FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return std::nullopt;
}

std::string ToNfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw Error("Unicode NFC is unavailable: " + std::string(u_errorName(status)));
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  // Most text is already NFC; the quick check avoids a copy.
  if (nfc->isNormalized(in, status) && U_SUCCESS(status)) return std::string(s);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = nfc->normalize(in, status);
  if (U_FAILURE(status)) throw Error("text cannot be normalised to NFC: " + std::string(u_errorName(status)));
  std::string result;
  out.toUTF8String(result);
  return result;
}

namespace {

// Letters that NFD does not decompose into base + mark but that people write
// without the mark anyway.
const char* FoldSpecial(UChar32 c) {
  switch (c) {
    case 0x00DF:
      return "ss";  // ß
    case 0x00E6:
    case 0x00C6:
      return "ae";
    case 0x00F8:
    case 0x00D8:
      return "o";
    case 0x0153:
    case 0x0152:
      return "oe";
    case 0x0142:
    case 0x0141:
      return "l";
    case 0x0111:
    case 0x0110:
      return "d";
    case 0x0131:
      return "i";
    case 0x00F0:
    case 0x00D0:
      return "d";
    case 0x00FE:
    case 0x00DE:
      return "th";
    default:
      return nullptr;
  }
}

}  // namespace

std::string FoldKey(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw Error("Unicode NFD is unavailable");
  icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))), status);
  if (U_FAILURE(status)) return std::string();
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    // Punctuation, apostrophes included, separates words: "Côte d'Ivoire"
    // and "Cote d Ivoire" share a key.
    std::string piece;
    if (const char* special = FoldSpecial(c)) {
      piece = special;
    } else if (c < 0x80 && u_isalnum(c)) {
      piece.push_back(static_cast<char>(u_tolower(c)));
    } else if (u_isalnum(c)) {
      // Non-Latin letters are kept (lower-cased) so that names in other
      // scripts still get distinct keys.
      icu::UnicodeString one(c);
      one.toLower();
      one.toUTF8String(piece);
    }
    if (piece.empty()) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out += piece;
  }
  return out;
}

std::string Slug(std::string_view s) {
  std::string key = FoldKey(s);
  for (char& c : key) {
    if (c == ' ') c = '-';
  }
  return key;
}

bool ContainsWords(std::string_view label, std::string_view typed, bool prefixes) {
  std::vector<std::string_view> have, want;
  for (std::string_view w : Split(label, ' ')) {
    if (!w.empty()) have.push_back(w);
  }
  for (std::string_view w : Split(typed, ' ')) {
    if (!w.empty()) want.push_back(w);
  }
  if (want.empty()) return false;
  // Longest first, so that "sou s" gives "souter" to "sou", not to "s".
  std::sort(want.begin(), want.end(), [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
  std::vector<bool> used(have.size(), false);
  for (std::string_view w : want) {
    bool found = false;
    for (size_t i = 0; i < have.size() && !found; ++i) {
      if (used[i]) continue;
      if (have[i] == w || (prefixes && have[i].substr(0, w.size()) == w)) found = used[i] = true;
    }
    if (!found) return false;
  }
  return true;
}

size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t row_min = limit + 1;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
      row_min = std::min(row_min, d[i][j]);
    }
    if (row_min > limit) return limit + 1;
  }
  return std::min(d[a.size()][b.size()], limit + 1);
}

std::string_view HtmlEntity(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    default:
      return {};
  }
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    const std::string_view entity = HtmlEntity(c);
    if (entity.empty()) {
      out.push_back(c);
    } else {
      out += entity;
    }
  }
  return out;
}

std::string AsciiLower(std::string_view s) {
  // Not std::tolower: it consults the C locale for every byte, and this
  // runs over every paragraph of the archive.
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return out;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
      space = true;
      if (nbsp) ++i;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t end = s.find(sep, start);
    if (end == std::string_view::npos) {
      fields.push_back(s.substr(start));
      return fields;
    }
    fields.push_back(s.substr(start, end - start));
    start = end + 1;
  }
}

std::optional<long> ParseInt(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (s.front() == '+') {
    s.remove_prefix(1);
    if (!s.empty() && s.front() == '-') return std::nullopt;  // "+-1"
  }
  long value = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

std::string Ordinal(int n) {
  const int mod100 = n % 100;
  const char* suffix = "th";
  if (mod100 < 11 || mod100 > 13) {
    switch (n % 10) {
      case 1:
        suffix = "st";
        break;
      case 2:
        suffix = "nd";
        break;
      case 3:
        suffix = "rd";
        break;
      default:
        break;
    }
  }
  return std::to_string(n) + suffix;
}

}  // namespace cstd::text
