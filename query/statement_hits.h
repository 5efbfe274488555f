// A paragraph of a report often holds several statements: "The
// representative of Iran said ...; the delegate of the Dominican Republic
// added ...". A hit for Iran's words is Iran's statement, not the
// paragraph's best fragment, which may be another delegation's.

#ifndef CSTD_QUERY_STATEMENT_HITS_H_
#define CSTD_QUERY_STATEMENT_HITS_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"

namespace cstd::query {

/// Who a search asks for: the speaker ids and delegation codes its filters
/// (parameters, or `speaker:`/`country:` in the query) select.
struct StatementFilter {
  std::vector<std::string> speaker_ids;
  std::vector<std::string> countries;
  bool empty() const { return speaker_ids.empty() && countries.empty(); }
};

/// The statement of `paragraph` a hit is, by index, or nullopt when the hit
/// is the whole paragraph (fewer than two statements, or no one statement
/// stands out). With `filter` set, the first statement by a selected speaker
/// or delegation where the query's words are (`has_query_words`), else the
/// first by one of them; without, the one statement where the query's
/// words are, if only one has them. `has_query_words(text)` tells whether
/// `text` holds a word of the query. Throws what `has_query_words` throws.
std::optional<size_t> HitStatement(const Paragraph& paragraph, const StatementFilter& filter,
                                   const std::function<bool(const std::string&)>& has_query_words);

}  // namespace cstd::query

#endif  // CSTD_QUERY_STATEMENT_HITS_H_
