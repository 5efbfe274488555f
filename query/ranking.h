// What ranks one matching passage above another beyond Xapian's BM25 over
// stems: the words as typed ("governance" before "Governments", which only
// shares its stem) and the words of a multi-word query close together.

#ifndef CSTD_QUERY_RANKING_H_
#define CSTD_QUERY_RANKING_H_

#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cstd::query {

/// How far apart (in words, the window of Xapian's OP_NEAR counting the
/// query's own words) the words of a multi-word query may stand to count as
/// close: "internet governance" in "governance of the internet" is close,
/// the two words in different sentences of a long paragraph are not.
inline constexpr Xapian::termcount kProximitySlack = 3;

/// `matching` (the parsed query, which decides what matches) with the
/// passages that have `plain_words` (QueryShape::plain_words) as typed
/// weighted up, and those that have them close together (two words or more)
/// more still: OP_AND_MAYBE, so nothing more or less matches. The index
/// holds each word unstemmed with its positions beside its 'Z'-prefixed
/// stem (TermGenerator's STEM_SOME), which is what makes both possible.
/// `matching` as it is when there are no plain words.
///
/// A word that names a delegation by itself ("Brazil", `delegation_name`
/// says which) asks who speaks: its exact form counts in the delegation
/// names (`delegation_prefix`, where a passage Brazil speaks has it, not in
/// its text) as well as the text, and it is left out of the closeness, for
/// Brazil's own statement on data governance does not name Brazil beside
/// the words. Throws nothing but std::bad_alloc and what `delegation_name`
/// throws.
Xapian::Query ExactFormsFirst(const Xapian::Query& matching, const std::vector<std::string>& plain_words,
                              const std::function<bool(const std::string&)>& delegation_name = nullptr,
                              std::string_view delegation_prefix = {});

/// Whether ExactFormsFirst(matching, plain_words, delegation_name, ...)
/// ranks the matches of `matching` in the order `matching` alone does, so a
/// search may rank by `matching` and skip the boost's position checks (on
/// the UNGDC, `"human rights"` 21 -> 12 ms). True when the query is one
/// quoted phrase (`one_phrase`, QueryShape::one_phrase) none of whose words
/// names a delegation (`delegation_name`) or is a word of a name of who
/// speaks in the index (`name_word`): the phrase then matches in the text
/// alone, with its words as typed (a phrase is not stemmed) side by side,
/// and the exact forms and their closeness weigh in each match what the
/// phrase weighs (Xapian weighs OP_PHRASE, OP_OR and OP_NEAR of the same
/// terms as the sum of those terms' weights), so every match's weight is
/// multiplied alike. Throws what the two functions throw.
bool ExactFormsKeepOrder(bool one_phrase, const std::vector<std::string>& plain_words,
                         const std::function<bool(const std::string&)>& delegation_name,
                         const std::function<bool(const std::string&)>& name_word);

}  // namespace cstd::query

#endif  // CSTD_QUERY_RANKING_H_
