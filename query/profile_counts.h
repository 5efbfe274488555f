// A profile's figures on one index, before they are ranked, cut to a list
// and labelled (query/profile.h): how many passages and documents of a
// speaker or delegation, by year and session, and the action lines,
// delegations and speakers in them. Every figure is a count, and a
// document lies whole in one shard (model/shard.h), so the figures of
// disjoint shards add up to one index's: a searcher over shards asks each
// shard's searchd for its own (/v1/shard/profile) and adds them.

#ifndef CSTD_QUERY_PROFILE_COUNTS_H_
#define CSTD_QUERY_PROFILE_COUNTS_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "query/facets.h"
#include "query/shard_answer.h"

namespace cstd::query {

struct ProfileCounts {
  /// Passages and documents of one (year, session); -1 for one unknown.
  struct Tally {
    uint64_t passages = 0;
    uint64_t documents = 0;
  };
  uint64_t passages = 0;
  uint64_t documents = 0;
  std::map<std::pair<int, int>, Tally> sessions;  // by (year, session)
  // Every value with its passages, uncut.
  std::map<std::string, uint64_t> action_lines, countries, speakers;
};

/// The term of the passages a profile is of: `id`'s speaker term (kind
/// kSpeaker) or delegation term (kCountry). Throws std::invalid_argument
/// for another kind.
std::string ProfileTerm(FacetField kind, const std::string& id);

/// The figures of the passages of `db` holding `term`, from its facet
/// columns. Throws what Xapian throws reading `db`.
ProfileCounts CountProfileOn(const Xapian::Database& db, const std::string& term);

/// Adds `part`, the figures of the same profile on another shard, into
/// `sum`.
void AddProfileCounts(ProfileCounts& sum, const ProfileCounts& part);

/// A shard's figures of a profile, and whose they are.
struct ShardProfile : ShardOrigin {
  ProfileCounts counts;
};

/// The JSON of /v1/shard/profile: {"shard", "generation", "passages",
/// "documents", "sessions": [[YEAR|null, SESSION|null, PASSAGES,
/// DOCUMENTS], ...], "action_lines", "countries", "speakers": [[VALUE,
/// COUNT], ...]}.
std::string ShardProfileToJson(const ShardProfile& profile);

/// Reads ShardProfileToJson's output. Throws std::runtime_error saying what
/// is wrong for anything else (the caller names the shard).
ShardProfile ParseShardProfile(std::string_view json);

}  // namespace cstd::query

#endif  // CSTD_QUERY_PROFILE_COUNTS_H_
