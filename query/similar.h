// Similar statements: the paragraphs most like one paragraph, by Xapian's
// relevance feedback -- the paragraph is the relevant set, the terms that
// best tell it from the rest of the archive (its expand set) the query --
// with the usual filters and facets. GET /v1/passages/{passage_id}/similar
// writes through here.

#ifndef CSTD_QUERY_SIMILAR_H_
#define CSTD_QUERY_SIMILAR_H_

#include <xapian.h>

#include <string_view>

#include "query/searcher.h"

namespace cstd::query {

struct SimilarRequest {
  /// Filters, paging and facets as for a search; its q is not used.
  SearchRequest search;
  /// Leave out the paragraphs in which a delegation of this paragraph
  /// speaks: who else said it.
  bool other_delegations = false;
};

/// The expand set's size: enough words to say what a paragraph is about
/// (a paragraph of the archive has 60 to 200 distinct words); more add
/// common words that match everything, and posting lists to walk.
inline constexpr Xapian::termcount kSimilarTerms = 30;

/// The paragraphs most like passage `passage_id`, best first, the paragraph
/// itself left out: those of other documents first, then those of its own
/// document (in the order they come). The query is the passage's expand
/// set, each word weighted by how well it tells the passage apart; only
/// the words of paragraphs' text are used, not names, titles or filter
/// terms, so a paraphrase is found whoever said it. The result is a
/// SearchResult, as /v1/search's (its request's q is empty). Throws
/// NotFoundError naming the passage when the index has none of that id, and
/// as Searcher::Search.
SearchResult Similar(const Searcher& searcher, std::string_view passage_id, const SimilarRequest& request);

}  // namespace cstd::query

#endif  // CSTD_QUERY_SIMILAR_H_
