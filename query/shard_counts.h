// Counts over shards: what a shard's searchd answers at /v1/shard/counts
// (the total and every value of every requested facet of one request, on
// the shard's documents alone), and their sum over all shards. A document
// lies whole in one shard (model/shard.h), so sums of exact counts --
// passages or documents, multi-valued, multi-select -- are exact, and equal
// what one index of the same files counts.

#ifndef CSTD_QUERY_SHARD_COUNTS_H_
#define CSTD_QUERY_SHARD_COUNTS_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "query/facets.h"
#include "query/profile_counts.h"
#include "query/profile_topics.h"
#include "query/search_request.h"
#include "query/shard_answer.h"

namespace cstd::query {

/// A request's exact counts: the total (passages, or documents when
/// grouped) and, for each facet it asks for, every value with a non-zero
/// count (unlabelled, in no particular order, never cut to a list limit).
struct Counts {
  uint64_t total = 0;
  std::vector<FacetResult> facets;  // in the order requested
};

/// Counts for a request or a profile, from wherever they are made
/// (Searcher uses one when it searches shards).
class CountSource {
 public:
  virtual ~CountSource() = default;
  /// The counts of `request` (its speakers resolved to ids); with `text`
  /// (Xapian::Query::serialise()), of that query in place of the request's
  /// q (a query a program made: Searcher::SearchFor, the similar
  /// statements), under the request's filters. Serialised, not a
  /// Xapian::Query: a Query's reference counts are not atomic, so one that
  /// the ranking thread holds must not be copied or read on the thread that
  /// counts. Throws what the source meets: ShardUnavailableError naming a
  /// shard that cannot answer, Xapian::DatabaseModifiedError when a shard
  /// serves another generation than the caller's view of it, UsageError
  /// for a request a shard refuses.
  virtual Counts Count(const SearchRequest& request, const std::string* text) const = 0;

  /// The figures of the profile of `id`, a speaker (kind kSpeaker) or a
  /// delegation (kCountry). Throws as Count.
  virtual ProfileCounts CountProfile(FacetField kind, const std::string& id) const = 0;

  /// The passages of that profile whose sample key is at most `bound`,
  /// with their topic words (query/profile_topics.h), from every shard, in
  /// no particular order. Throws as Count.
  virtual std::vector<TopicPassage> TopicPassages(FacetField kind, const std::string& id, uint64_t bound) const = 0;

  /// How many passages have each of `words`, in order, summed over every
  /// shard. Throws as Count.
  virtual std::vector<Xapian::doccount> TermFreqs(const std::vector<std::string>& words) const = 0;
};

/// A shard's counts, and whose they are.
struct ShardCounts : ShardOrigin {
  Counts counts;
};

/// The JSON of /v1/shard/counts: {"shard", "generation", "total",
/// "facets": {FIELD: [[VALUE, COUNT], ...]}}.
std::string ShardCountsToJson(const ShardCounts& counts);

/// Reads ShardCountsToJson's output. Throws std::runtime_error saying what
/// is wrong for anything else (the caller names the shard).
ShardCounts ParseShardCounts(std::string_view json);

/// Adds `part`, the counts of the same request on another shard, into
/// `sum` (facets matched by field, values by value).
void AddCounts(Counts& sum, const Counts& part);

/// The parameter of /v1/shard/counts that carries a query a program made
/// (Xapian::Query::serialise(), in hexadecimal), counted in place of q.
/// Why serialised: the similar statements' query is a weighted OR of stems
/// with exclusions that no q of the query language spells, and a shard must
/// count exactly the query the coordinator ranks.
inline constexpr std::string_view kTextQueryParameter = "text_query";

/// The query string of a /v1/shard/counts request for `request`: its
/// filters and q (FilterQueryString), its facets and its grouping; with
/// `text` (a serialised query), that query as kTextQueryParameter.
std::string ShardCountsQuery(const SearchRequest& request, const std::string* text = nullptr);

/// The query a kTextQueryParameter value carries ("" is the empty query,
/// which matches nothing, as Xapian serialises it). Throws UsageError
/// naming the parameter for a value that is not hexadecimal or not a
/// serialised query.
Xapian::Query ParseTextQuery(std::string_view hex);

}  // namespace cstd::query

#endif  // CSTD_QUERY_SHARD_COUNTS_H_
