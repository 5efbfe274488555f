// "Find statements like this one": a pasted paragraph is no query to match
// word for word (no passage has all its words), but its most distinctive
// words find the passages about the same thing.

#ifndef CSTD_QUERY_LIKE_THIS_H_
#define CSTD_QUERY_LIKE_THIS_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace cstd::query {

/// At most this many words of a pasted text make its query: each is a
/// posting list walked for every search, and a paragraph's topic shows in
/// its two dozen rarest content words (Lucene's MoreLikeThis keeps 25 by
/// default for the same reason). Searcher also holds it to
/// SearchLimits::max_query_terms.
inline constexpr size_t kLikeThisTerms = 25;

/// A query of more words than this is a pasted text, not words typed to
/// search with: no passage has all of its words, so it is searched as a
/// text (LikeThisQuery), by at most as many words as it has past this.
inline constexpr size_t kPastedTextWords = kLikeThisTerms;

/// The query of a pasted text.
struct LikeThis {
  /// OR of the chosen words' stemmed terms, each weighted by how often the
  /// text uses it; matches nothing when no word of the text is in the index.
  Xapian::Query query;
  /// The chosen words as the text first writes them, most distinctive first.
  std::vector<std::string> words;
};

/// The words of `text` that tell it apart in `db`: stop words and words no
/// passage has left out, the rest ranked by how often `text` uses them times
/// how rare they are in `db` (tf-idf), the first `max_terms` kept. Stems
/// with `stemmer` as the index does ('Z'-prefixed terms). Throws what Xapian
/// throws reading `db`.
LikeThis LikeThisQuery(const Xapian::Database& db, const Xapian::Stem& stemmer, std::string_view text,
                       size_t max_terms);

}  // namespace cstd::query

#endif  // CSTD_QUERY_LIKE_THIS_H_
