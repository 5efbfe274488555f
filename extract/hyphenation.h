// Words hyphenated at line ends: whether "develop-" at the end of a line and
// "ment" at the start of the next are one word ("development") or a
// compound that keeps its hyphen ("well-" + "known"). The PDF reader asks
// this where it joins a page's lines; any reader of hard-wrapped text can.

#ifndef CSTD_EXTRACT_HYPHENATION_H_
#define CSTD_EXTRACT_HYPHENATION_H_

#include <string>
#include <string_view>
#include <memory>
#include <mutex>
#include <unordered_set>

class Hunspell;

namespace cstd::extract {

/// The words a document uses: runs of letters (ASCII letters and every
/// non-ASCII UTF-8 byte, so "Türkiye" is one word) joined by inner hyphens
/// ("follow-up" is one word), compared without ASCII case. A hyphen at the
/// end or start of a run is not part of the word, and a run right after a
/// hyphen that ends a line ("develop-\nment", "develop- ment") is the
/// second half of a broken word, not a word: "ment" is known only if the
/// document uses it elsewhere.
class Vocabulary {
 public:
  /// Collects the words of `text`. Never throws but std::bad_alloc.
  explicit Vocabulary(std::string_view text);

  /// True when `word` (letters and inner hyphens, any case) occurs in the
  /// text.
  bool Knows(std::string_view word) const;

 private:
  std::unordered_set<std::string> words_;
};

/// The English dictionary installed with hunspell (Debian's hunspell-en-gb,
/// else hunspell-en-us), loaded once (about 0.1 s) on first use. Without
/// one, it knows no word, and only a document's own words decide hyphens.
/// Thread-safe.
class EnglishDictionary {
 public:
  /// Where Debian installs hunspell's dictionaries.
  static constexpr const char* kDictionaryFolder = "/usr/share/hunspell";

  static const EnglishDictionary& Instance();

  /// True when `word` (UTF-8) is spelt as the dictionary spells it.
  bool Knows(const std::string& word) const;

  /// True when a dictionary was found.
  bool loaded() const { return hunspell_ != nullptr; }

  ~EnglishDictionary();
  EnglishDictionary(const EnglishDictionary&) = delete;
  EnglishDictionary& operator=(const EnglishDictionary&) = delete;

 private:
  EnglishDictionary();
  std::unique_ptr<Hunspell> hunspell_;
  mutable std::mutex mutex_;  // Hunspell's lookups are not thread-safe
};

/// Decides a hyphen at a line end: `left` is the text before the hyphen on
/// one line ("(develop", without the hyphen) and `right` the text that
/// starts the next line ("ment),"); only the letters touching the break
/// count. True when the hyphen only split a word and the halves join without
/// it, in this order of rules:
/// - false unless `left` ends in a letter and `right` starts with a
///   lower-case letter ("UN-" + "Habitat", "2021-" + "2022" keep it);
/// - false when the document writes the hyphenated form elsewhere
///   ("follow-up"): the hyphen is the word's own;
/// - true when the document writes the joined form elsewhere
///   ("development");
/// - true when `right` is a suffix no compound's second word is
///   (kBreakSuffixes in hyphenation.cc: "ment", "tion", "ness", ...): a
///   word split before its ending;
/// - true when the English dictionary knows the joined word
///   ("transfor-" + "mation");
/// - false otherwise ("multi-" + "stakeholder", "well-" + "known"): a
///   hyphen is taken away only where the joined form is a word the
///   document or the dictionary knows.
bool JoinsAsOneWord(std::string_view left, std::string_view right, const Vocabulary& vocabulary);

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_HYPHENATION_H_
