#include "model/names.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <unordered_map>

#include "model/errors.h"
#include "model/text.h"
#include "model/tsv.h"

namespace cstd {
namespace embedded {
std::string_view name_words_tsv();
std::string_view given_names_tsv();
}  // namespace embedded

namespace names {

namespace {

// ---- Folding ----------------------------------------------------------------

// cp1252 bytes 0x80-0x9F that a Latin-1 reading turned into C1 controls.
UChar32 FromCp1252(UChar32 c) {
  static constexpr std::array<UChar32, 32> kC1 = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  if (c < 0x80 || c > 0x9F) return c;
  const UChar32 mapped = kC1[static_cast<size_t>(c - 0x80)];
  return mapped ? mapped : c;
}

// Cyrillic and Greek letters drawn like Latin ones, for words that mix them
// with Latin letters (a typist's or an OCR's slip, never a real spelling).
UChar32 LatinLookAlike(UChar32 c) {
  static const std::unordered_map<UChar32, UChar32> kLookAlikes = {
      // Cyrillic
      {0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'}, {0x041E, 'O'},
      {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0425, 'X'}, {0x0423, 'Y'}, {0x0405, 'S'}, {0x0406, 'I'},
      {0x0408, 'J'}, {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'},
      {0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x043A, 'k'}, {0x043C, 'm'}, {0x043D, 'h'},
      // Greek
      {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'}, {0x0397, 'H'}, {0x0399, 'I'}, {0x039A, 'K'},
      {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'}, {0x03A1, 'P'}, {0x03A4, 'T'}, {0x03A5, 'Y'}, {0x03A7, 'X'},
      {0x03BF, 'o'}, {0x03BA, 'k'}, {0x03BD, 'v'}, {0x03C1, 'p'}, {0x03C4, 't'}, {0x03C5, 'u'}, {0x03C7, 'x'},
      {0x03B9, 'i'}};
  const auto it = kLookAlikes.find(c);
  return it == kLookAlikes.end() ? c : it->second;
}

// Apostrophes and modifier letters: inside a name they join its parts
// ("O'Brien", "Tuʻiʻonetoa"), and archives print them in half a dozen ways.
bool IsJoiner(UChar32 c) {
  switch (c) {
    case '\'':
    case '`':
    case 0x00B4:  // acute accent
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x2032:  // prime
      return true;
    default:
      break;
  }
  if (u_charType(c) == U_MODIFIER_SYMBOL) return true;                 // ˙ ˆ ¨ ...
  return u_charType(c) == U_MODIFIER_LETTER && c >= 0x02B0 && c <= 0x02FF;  // ʻ ʼ ʹ ...
}

bool IsWordChar(UChar32 c) {
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_COMBINING_SPACING_MARK;
}

// ---- Tables -----------------------------------------------------------------

struct Tables {
  std::unordered_map<std::string, WordKind> kinds;
  std::unordered_map<std::string, std::string> given_groups;  // word -> group key
};

const Tables& BuiltinTables() {
  static const Tables kTables = [] {
    Tables t;
    const TsvTable words = ParseTsv("data/name_words.tsv", embedded::name_words_tsv());
    const size_t word = words.Column("word"), kind = words.Column("kind");
    for (const auto& row : words.rows) {
      const std::string& w = row[word];
      if (w.empty() || FoldName(w) != w || w.find(' ') != std::string::npos) {
        throw DataError(words.name + ": '" + w + "' is not one folded word");
      }
      WordKind& k = t.kinds[w];
      const std::string& what = row[kind];
      if (what == "honorific") {
        k.honorific = true;
      } else if (what == "honorific.") {
        k.honorific = true;
        k.needs_dot = true;
      } else if (what == "title") {
        k.title = true;
      } else if (what == "weak-title") {
        k.weak_title = true;
      } else if (what == "post-nominal") {
        k.post_nominal = true;
      } else if (what == "post-nominal,") {
        k.post_nominal = true;
        k.after_comma_only = true;
      } else if (what == "particle") {
        k.particle = true;
      } else {
        throw DataError(words.name + ": '" + w + "' has an unknown kind '" + what + "'");
      }
    }
    const TsvTable given = ParseTsv("data/given_names.tsv", embedded::given_names_tsv());
    const size_t name = given.Column("name"), variants = given.Column("variants");
    for (const auto& row : given.rows) {
      const std::string& key = row[name];
      std::vector<std::string> group{key};
      for (std::string_view v : text::Split(row[variants], '|')) group.emplace_back(text::Trim(v));
      for (const std::string& v : group) {
        if (v.empty() || FoldName(v) != v || v.find(' ') != std::string::npos) {
          throw DataError(given.name + ": '" + v + "' (row " + key + ") is not one folded word");
        }
        const auto [it, inserted] = t.given_groups.emplace(v, key);
        if (!inserted && it->second != key) {
          throw DataError(given.name + ": '" + v + "' is in the groups of both " + it->second + " and " + key);
        }
      }
    }
    return t;
  }();
  return kTables;
}

// ---- Printed words ----------------------------------------------------------

// A word of a printed name, and what it is when read alone.
struct Printed {
  std::string text;  // as printed, without a trailing comma
  bool comma_after = false;
  std::vector<std::string> parts;  // folded: "H.E." -> {h, e}; "Mr.Mr." -> {mr, mr}
};

std::vector<Printed> PrintedWords(std::string_view s) {
  std::vector<Printed> out;
  for (std::string_view w : text::Split(s, ' ')) {
    if (w.empty()) continue;
    Printed p;
    while (!w.empty() && (w.back() == ',' || w.back() == ';')) {
      p.comma_after = true;
      w.remove_suffix(1);
    }
    if (w.empty()) {
      if (!out.empty()) out.back().comma_after = true;
      continue;
    }
    p.text = std::string(w);
    p.parts = NameWords(w);
    out.push_back(std::move(p));
  }
  return out;
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += p;
  return out;
}

enum class Lead { kNone, kHonorific, kTitle, kWeakTitle };

// What a printed word is at the head of a name.
Lead LeadKind(const Printed& w, bool honorifics_only) {
  if (w.parts.empty()) return Lead::kNone;
  const bool dotted = w.text.find('.') != std::string::npos;
  const std::string joined = Joined(w.parts);
  const WordKind k = KindOf(joined);
  if (k.honorific && (!k.needs_dot || dotted)) return Lead::kHonorific;
  if (!honorifics_only && k.title) return Lead::kTitle;
  if (!honorifics_only && k.weak_title) return Lead::kWeakTitle;
  if (w.parts.size() < 2) return Lead::kNone;
  // Several run together: "Mr.Mr.", "Major-General". ("H.E." folds to
  // {h, e}, which are no honorifics; it was taken whole above.)
  Lead lead = Lead::kHonorific;
  for (const std::string& part : w.parts) {
    const WordKind pk = KindOf(part);
    if (pk.honorific && !pk.needs_dot && dotted) continue;
    if (honorifics_only) return Lead::kNone;
    if (pk.title) {
      if (lead == Lead::kHonorific) lead = Lead::kTitle;
    } else if (pk.weak_title) {
      lead = Lead::kWeakTitle;
    } else {
      return Lead::kNone;
    }
  }
  return lead;
}

bool IsPostNominal(const Printed& w, bool after_comma) {
  if (w.parts.empty()) return false;
  const WordKind k = KindOf(Joined(w.parts));
  return k.post_nominal && (after_comma || !k.after_comma_only);
}

std::string JoinPrinted(const std::vector<Printed>& words, size_t from, size_t to, bool keep_commas) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i].text;
    if (keep_commas && words[i].comma_after && i + 1 < to) out += ',';
  }
  return out;
}

// ---- Comparing --------------------------------------------------------------

enum class Token { kWord, kInitial, kRegnal };

Token TokenKind(const std::vector<std::string>& words, size_t i) {
  const std::string& w = words[i];
  // A last "I", "V" or "X" is a regnal number ("Juan Carlos I"); elsewhere
  // a single letter is an initial.
  if (IsRegnalNumber(w) && (w.size() > 1 || i + 1 == words.size()) && i > 0) return Token::kRegnal;
  const bool letter = w.size() == 1 && w[0] >= 'a' && w[0] <= 'z';
  return letter ? Token::kInitial : Token::kWord;
}

std::vector<std::string> Initials(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (TokenKind(words, i) == Token::kInitial) out.push_back(words[i]);
  }
  std::sort(out.begin(), out.end());
  return out;
}

size_t TypoLimit(size_t letters, Evidence evidence) {
  if (evidence == Evidence::kNameOnly) return letters >= kMinStrictTypoLetters ? 1 : 0;
  if (letters >= kMinTwoTypoLetters) return 2;
  return letters >= kMinTypoLetters ? 1 : 0;
}

}  // namespace

std::string FoldName(std::string_view s) {
  const icu::UnicodeString in =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::vector<UChar32> chars;
  chars.reserve(static_cast<size_t>(in.length()));
  for (int32_t i = 0; i < in.length();) {
    const UChar32 c = FromCp1252(in.char32At(i));
    i += U16_LENGTH(in.char32At(i));
    if (!IsJoiner(c)) chars.push_back(c);
  }
  // Look-alike letters are mapped only in words that also hold Latin letters.
  for (size_t begin = 0; begin < chars.size();) {
    if (!IsWordChar(chars[begin])) {
      ++begin;
      continue;
    }
    size_t end = begin;
    bool latin = false;
    for (; end < chars.size() && IsWordChar(chars[end]); ++end) {
      UErrorCode status = U_ZERO_ERROR;
      if (u_isalpha(chars[end]) && uscript_getScript(chars[end], &status) == USCRIPT_LATIN) latin = true;
    }
    if (latin) {
      for (size_t i = begin; i < end; ++i) chars[i] = LatinLookAlike(chars[i]);
    }
    begin = end;
  }
  icu::UnicodeString out;
  for (UChar32 c : chars) out.append(c);
  std::string utf8;
  out.toUTF8String(utf8);
  return text::FoldKey(utf8);
}

std::vector<std::string> NameWords(std::string_view s) {
  std::vector<std::string> words;
  const std::string folded = FoldName(s);
  for (std::string_view w : text::Split(folded, ' ')) {
    if (!w.empty()) words.emplace_back(w);
  }
  return words;
}

WordKind KindOf(std::string_view folded_word) {
  const auto& kinds = BuiltinTables().kinds;
  const auto it = kinds.find(std::string(folded_word));
  return it == kinds.end() ? WordKind{} : it->second;
}

bool IsRegnalNumber(std::string_view w) {
  static const std::vector<std::string_view> kNumerals = {
      "i",  "ii",  "iii",  "iv", "v",  "vi",  "vii",  "viii",  "ix",  "x",
      "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"};
  return std::find(kNumerals.begin(), kNumerals.end(), w) != kNumerals.end();
}

PersonName ParsePersonName(std::string_view printed) {
  // One space between words, none at the ends; commas stay with their word.
  const std::string collapsed = text::CollapseSpace(printed);
  std::vector<Printed> words = PrintedWords(collapsed);
  PersonName out;
  if (words.empty()) return out;

  // Post-nominals, from the end: whole comma-separated segments of them,
  // then the unambiguous ones standing after the name without a comma.
  size_t end = words.size();
  std::vector<std::string> post;
  while (end > 0) {
    // [begin, end) is the last segment; it must follow a comma.
    size_t begin = end - 1;
    while (begin > 0 && !words[begin - 1].comma_after) --begin;
    if (begin == 0) break;
    bool all = true;
    for (size_t i = begin; i < end && all; ++i) all = IsPostNominal(words[i], true);
    if (!all) break;
    post.insert(post.begin(), JoinPrinted(words, begin, end, false));
    end = begin;
  }
  while (end > 1 && IsPostNominal(words[end - 1], false)) {
    post.insert(post.begin(), words[end - 1].text);
    --end;
  }

  // Leading honorifics and titles, while enough of the name is left.
  size_t begin = 0;
  while (begin < end) {
    const Lead lead = LeadKind(words[begin], false);
    if (lead == Lead::kNone) break;
    size_t name_words = 0;
    for (size_t i = begin + 1; i < end; ++i) {
      if (LeadKind(words[i], false) == Lead::kNone) ++name_words;
    }
    if (name_words < (lead == Lead::kWeakTitle ? 2u : 1u)) break;
    ++begin;
  }
  if (begin == end) begin = 0;  // nothing but titles: they are the name
  out.titles = JoinPrinted(words, 0, begin, false);
  out.name = JoinPrinted(words, begin, end, true);
  for (const auto& p : post) out.post_nominals += (out.post_nominals.empty() ? "" : ", ") + p;
  return out;
}

std::optional<std::string> LeadingHonorific(std::string_view s, size_t* length) {
  size_t pos = 0;
  std::optional<std::string> honorific;
  for (;;) {
    const size_t space = s.find(' ', pos);
    if (space == std::string_view::npos || space + 1 >= s.size()) break;  // a word must follow
    Printed w;
    w.text = std::string(s.substr(pos, space - pos));
    if (w.text.empty() || w.text.back() == ',') break;
    w.parts = NameWords(w.text);
    if (LeadKind(w, true) != Lead::kHonorific) break;
    honorific = std::string(s.substr(0, space));
    *length = space + 1;
    pos = space + 1;
  }
  return honorific;
}

std::vector<std::string> KeyWords(std::string_view name) {
  const std::vector<std::string> words = NameWords(name);
  // Honorifics and titles left at the head (a name not parsed first) identify
  // no one. Weak titles stay: "Major" in "MAJOR Peter" is the surname, and
  // "Sheikh Hasina" is always printed so.
  size_t begin = 0;
  while (begin + 1 < words.size()) {
    const WordKind k = KindOf(words[begin]);
    if (!((k.honorific && !k.needs_dot) || k.title)) break;
    ++begin;
  }
  std::vector<std::string> out;
  for (size_t i = begin; i < words.size(); ++i) {
    if (!KindOf(words[i]).particle) out.push_back(words[i]);
  }
  if (out.empty()) out.assign(words.begin() + static_cast<long>(begin), words.end());
  return out;
}

std::string KeyOf(const std::vector<std::string>& key_words) {
  std::vector<std::string> sorted = key_words;
  std::sort(sorted.begin(), sorted.end());
  std::string key;
  for (const auto& w : sorted) key += (key.empty() ? "" : " ") + w;
  return key;
}

std::string_view GivenNameGroup(std::string_view folded_word) {
  const auto& groups = BuiltinTables().given_groups;
  const auto it = groups.find(std::string(folded_word));
  return it == groups.end() ? folded_word : std::string_view(it->second);
}

std::string BaseId(const std::vector<std::string>& key_words) {
  if (key_words.empty()) return {};
  if (key_words.size() == 1) return text::Slug(key_words.front());
  // Leading initials make poor ids: "R.M. Marty Natalegawa" is "marty-natalegawa".
  size_t first = 0;
  while (first + 1 < key_words.size() && key_words[first].size() == 1) ++first;
  if (first + 1 == key_words.size()) first = 0;
  return text::Slug(key_words[first]) + "-" + text::Slug(key_words.back());
}

std::string SpeakerId(std::string_view printed) {
  return BaseId(KeyWords(ParsePersonName(printed).name));
}

namespace {

const std::pair<MatchHow, const char*> kHowNames[] = {
    {kOrder, "word order"}, {kFewer, "fewer words"}, {kInitials, "initials"}, {kTypo, "typo"},
    {kVariant, "given-name variant"}};

}  // namespace

std::vector<std::string> DescribeHow(unsigned how) {
  std::vector<std::string> out;
  for (const auto& [bit, name] : kHowNames) {
    if (how & bit) out.emplace_back(name);
  }
  return out;
}

unsigned HowFromDescription(const std::vector<std::string>& description) {
  unsigned how = 0;
  for (const auto& [bit, name] : kHowNames) {
    if (std::find(description.begin(), description.end(), name) != description.end()) how |= bit;
  }
  return how;
}

bool InitialsDisagree(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const auto initials_a = Initials(a), initials_b = Initials(b);
  if (initials_a.empty() || initials_b.empty()) return false;
  // One name may print fewer of them ("R. Natalegawa", "R. M. Marty Natalegawa").
  return !std::includes(initials_a.begin(), initials_a.end(), initials_b.begin(), initials_b.end()) &&
         !std::includes(initials_b.begin(), initials_b.end(), initials_a.begin(), initials_a.end());
}

bool OwnNamesDiffer(std::string_view a, std::string_view b) {
  const auto patronymic = [](std::string_view name) {
    for (const auto& w : NameWords(name)) {
      if (w == "bin" || w == "ibn" || w == "bint" || w == "ould") return true;
    }
    return false;
  };
  if (!patronymic(a) && !patronymic(b)) return false;
  const auto ka = KeyWords(a), kb = KeyWords(b);
  if (ka.size() < 2 || kb.size() < 2) return false;
  return !CompareNames({ka.front()}, {kb.front()}, Evidence::kSameDelegation).same_person;
}

NameMatch CompareNames(const std::vector<std::string>& a, const std::vector<std::string>& b, Evidence evidence) {
  NameMatch result;
  if (a.empty() || b.empty()) return result;
  if (a == b) {
    result.same_person = true;
    return result;
  }
  if (InitialsDisagree(a, b)) return result;
  // A weak title a short name had to keep ("General ROMULO"): it may stand
  // for nothing in the other name, if the surnames then agree.
  const bool a_shorter = a.size() <= b.size();
  {
    const std::vector<std::string>& s = a_shorter ? a : b;
    const std::vector<std::string>& l = a_shorter ? b : a;
    if (s.size() == 2 && KindOf(s[0]).weak_title && std::find(l.begin(), l.end(), s[0]) == l.end()) {
      const std::vector<std::string> surname{s[1]};
      if (CompareNames(surname, {l.back()}, evidence).same_person || s[1] == l.back()) {
        NameMatch m = CompareNames(surname, l, evidence);
        m.how |= kFewer;
        return m;
      }
    }
  }
  const std::vector<std::string>& s = a_shorter ? a : b;
  const std::vector<std::string>& l = a_shorter ? b : a;
  std::vector<int> match(s.size(), -1);  // index into l
  std::vector<bool> used(l.size(), false);
  unsigned how = 0;
  // Passes from the surest to the loosest, so a loose match never takes a
  // word an exact one needs.
  for (int pass = 0; pass < 4; ++pass) {
    for (size_t i = 0; i < s.size(); ++i) {
      if (match[i] >= 0) continue;
      const Token si = TokenKind(s, i);
      for (size_t j = 0; j < l.size(); ++j) {
        if (used[j]) continue;
        const Token lj = TokenKind(l, j);
        bool ok = false;
        unsigned bit = 0;
        switch (pass) {
          case 0:
            ok = s[i] == l[j];
            break;
          case 1:
            ok = si == Token::kWord && lj == Token::kWord && GivenNameGroup(s[i]) == GivenNameGroup(l[j]);
            bit = kVariant;
            break;
          case 2:
            ok = (si == Token::kInitial && lj == Token::kWord && l[j][0] == s[i][0]) ||
                 (si == Token::kWord && lj == Token::kInitial && s[i][0] == l[j][0]);
            bit = kInitials;
            break;
          case 3:
            if (si == Token::kWord && lj == Token::kWord) {
              const size_t limit = TypoLimit(std::min(s[i].size(), l[j].size()), evidence);
              ok = limit > 0 && text::EditDistance(s[i], l[j], limit) <= limit;
            }
            bit = kTypo;
            break;
        }
        if (!ok) continue;
        match[i] = static_cast<int>(j);
        used[j] = true;
        how |= bit;
        break;
      }
    }
  }
  // Different given names: the shorter name's first word is a full given
  // name that only an initial of the longer stands for, while the longer
  // leads with another full given name of its own ("Abdulaziz Kamilov" /
  // "Islam A. Karimov"). A person known by a second given name is printed
  // with the first as an initial ("J. Danforth Quayle"), not in full.
  if (match[0] >= 1 && TokenKind(s, 0) == Token::kWord && TokenKind(l, static_cast<size_t>(match[0])) == Token::kInitial &&
      !used[0] && TokenKind(l, 0) == Token::kWord) {
    return result;
  }
  size_t real = 0;
  bool in_order = true;
  int last = -1;
  for (size_t i = 0; i < s.size(); ++i) {
    if (match[i] < 0) return result;
    if (TokenKind(s, i) == Token::kWord && TokenKind(l, static_cast<size_t>(match[i])) == Token::kWord) ++real;
    if (match[i] < last) in_order = false;
    last = match[i];
  }
  if (real < (evidence == Evidence::kNameOnly ? 2u : 1u)) return result;
  if (s.size() < l.size()) how |= kFewer;
  if (!in_order) how |= kOrder;
  result.same_person = true;
  result.how = how;
  return result;
}

}  // namespace names
}  // namespace cstd
