#include "extract/hyphenation.h"

#include <algorithm>
#include <array>
#include <filesystem>

#include <hunspell/hunspell.hxx>

#include "model/text.h"

namespace cstd::extract {

namespace {

// ASCII letters and the bytes of non-ASCII UTF-8 characters: letters of
// names like "Türkiye" or "Côte" are not split; non-ASCII punctuation (a
// dash, a curly quote) is rare inside a line-end word and costs little.
bool IsLetter(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

bool IsLower(char c) {
  return c >= 'a' && c <= 'z';
}

// Endings that are not words of their own, so a line that starts with one
// after a line ending in a hyphen continues a word split before its ending:
// "develop-ment", "organiza-tion", "aware-ness". Endings that are also
// words ("able", "less", "ship", "hood", "ward") are left out, since
// compounds end in them ("well-able" aside, "flag-ship" is written).
constexpr std::array<std::string_view, 40> kBreakSuffixes = {
    "tion",  "tions", "sion",   "sions",  "ation", "ations", "ment",   "ments", "ness",  "nesses",
    "ity",   "ities", "ance",   "ances",  "ence",  "ences",  "ing",    "ings",  "ised",  "ized",
    "ising", "izing", "ise",    "ize",    "ical",  "ically", "ously",  "ive",   "ively", "ives",
    "ogy",   "ogies", "ential", "ently", "ural",  "ished",  "ership", "ant",   "ants",  "ency"};

// The trailing run of letters of `s`.
std::string_view TrailingLetters(std::string_view s) {
  size_t start = s.size();
  while (start > 0 && IsLetter(s[start - 1])) --start;
  return s.substr(start);
}

// The leading run of letters of `s`.
std::string_view LeadingLetters(std::string_view s) {
  size_t end = 0;
  while (end < s.size() && IsLetter(s[end])) ++end;
  return s.substr(0, end);
}

}  // namespace

EnglishDictionary::EnglishDictionary() {
  // Debian's hunspell dictionaries; British first, the spelling of UN
  // documents, then American.
  for (const char* name : {"en_GB", "en_US"}) {
    const std::string base = std::string(kDictionaryFolder) + "/" + name;
    std::error_code ec;
    if (std::filesystem::exists(base + ".dic", ec) && std::filesystem::exists(base + ".aff", ec)) {
      hunspell_ = std::make_unique<Hunspell>((base + ".aff").c_str(), (base + ".dic").c_str());
      return;
    }
  }
}

EnglishDictionary::~EnglishDictionary() = default;

const EnglishDictionary& EnglishDictionary::Instance() {
  static const EnglishDictionary dictionary;
  return dictionary;
}

bool EnglishDictionary::Knows(const std::string& word) const {
  if (!hunspell_) return false;
  const std::lock_guard<std::mutex> lock(mutex_);
  return hunspell_->spell(word);
}

Vocabulary::Vocabulary(std::string_view text) {
  std::string word;  // reused: one allocation for all the words
  size_t i = 0;
  while (i < text.size()) {
    if (!IsLetter(text[i])) {
      ++i;
      continue;
    }
    // A run of letters, with inner hyphens between letters.
    size_t end = i;
    while (end < text.size()) {
      if (IsLetter(text[end])) {
        ++end;
      } else if (text[end] == '-' && end + 1 < text.size() && IsLetter(text[end + 1])) {
        ++end;
      } else {
        break;
      }
    }
    // A run right after a hyphen that ends a line ("develop-\nment", or
    // "develop- ment" where a conversion joined the lines) is the second
    // half of a broken word, not a word of its own.
    size_t before = i;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\n' || text[before - 1] == '\r')) --before;
    const bool second_half = before < i && before >= 2 && text[before - 1] == '-' && IsLetter(text[before - 2]);
    if (!second_half) {
      word.assign(text.substr(i, end - i));
      for (char& c : word) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
      }
      words_.insert(word);
    }
    i = end;
  }
}

bool Vocabulary::Knows(std::string_view word) const {
  return words_.count(text::AsciiLower(word)) > 0;
}

bool JoinsAsOneWord(std::string_view left, std::string_view right, const Vocabulary& vocabulary) {
  const std::string_view head = TrailingLetters(left);
  const std::string_view tail = LeadingLetters(right);
  if (head.empty() || tail.empty() || !IsLower(tail.front())) return false;
  // The whole words the break touches: "follow-up" and not only "up", so
  // that "self-" + "assessment" checks "self-assessment".
  const std::string hyphenated = std::string(head) + "-" + std::string(tail);
  if (vocabulary.Knows(hyphenated)) return false;
  if (vocabulary.Knows(std::string(head) + std::string(tail))) return true;
  const std::string lower_tail = text::AsciiLower(tail);
  if (std::find(kBreakSuffixes.begin(), kBreakSuffixes.end(), lower_tail) != kBreakSuffixes.end()) return true;
  // "transfor-" + "mation": the dictionary knows "transformation";
  // "multi-" + "stakeholder" and "well-" + "known" keep their hyphens.
  return EnglishDictionary::Instance().Knows(std::string(head) + std::string(tail));
}

}  // namespace cstd::extract
