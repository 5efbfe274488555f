// Words hyphenated at line ends: whether "develop-" at the end of a line and
// "ment" at the start of the next are one word ("development") or a
// compound that keeps its hyphen ("well-" + "known"). The PDF reader asks
// this where it joins a page's lines; any reader of hard-wrapped text can.

#ifndef CSTD_INDEXER_HYPHENATION_H_
#define CSTD_INDEXER_HYPHENATION_H_

#include <string>
#include <string_view>
#include <unordered_set>

namespace cstd::indexer {

/// The words a document uses: runs of letters (ASCII letters and every
/// non-ASCII UTF-8 byte, so "Türkiye" is one word) joined by inner hyphens
/// ("follow-up" is one word), compared without ASCII case. A hyphen at the
/// end or start of a run is not part of the word, so the halves of a word
/// broken at a line end ("develop-", "ment") are known only as halves.
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
/// - false otherwise: a hyphen kept where none was wanted costs less than
///   two words run together.
bool JoinsAsOneWord(std::string_view left, std::string_view right, const Vocabulary& vocabulary);

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_HYPHENATION_H_
