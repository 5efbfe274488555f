// A speaker's or a delegation's page in figures: how much they said, in
// which sessions and years, on which WSIS action lines and topics, with whom.
// /v1/speakers/{speaker_id} and /v1/countries/{country} serve it; the
// statements themselves come from /v1/search with the same filter.

#ifndef CSTD_QUERY_PROFILE_H_
#define CSTD_QUERY_PROFILE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/facets.h"
#include "query/searcher.h"

namespace cstd::query {

struct Profile {
  /// Passages and documents of one session of one year.
  struct Session {
    std::optional<int> session;
    std::optional<int> year;
    uint64_t passages = 0;
    uint64_t documents = 0;
  };
  /// A word their passages use more than the archive does.
  struct Topic {
    std::string term;
    double weight = 0;
  };

  FacetField kind = FacetField::kSpeaker;  // kSpeaker or kCountry
  std::string id;                          // speaker id or ISO3 code
  std::string name;                        // display name
  std::vector<std::string> names;          // every form of the name (speaker), every name (country)
  uint64_t passages = 0;
  uint64_t documents = 0;
  std::optional<int> first_year, last_year;
  std::vector<Session> sessions;          // newest first
  std::vector<FacetValue> action_lines;   // by count
  std::vector<FacetValue> countries;      // the delegations in their passages (but the country itself)
  std::vector<FacetValue> speakers;       // the speakers in their passages (but the speaker itself)
  std::vector<Topic> topics;              // by weight
};

/// The profile of the speaker `value` names: an id, or a name that names
/// one speaker (SpeakerDirectory::Match). Throws NotFoundError naming the
/// value when it names no one, or several (listing them).
Profile SpeakerProfile(const Searcher& searcher, std::string_view value);

/// The profile of the delegation `value` names (an ISO3 code or a name, see
/// Countries::Matching). Throws NotFoundError naming the value when it names
/// no country, or several.
Profile CountryProfile(const Searcher& searcher, std::string_view value);

/// Topics are read from about this many of the passages (a uniform sample,
/// TopicSampleBound; all of them when there are fewer): enough to tell a
/// delegation's themes, and a bound on the time and on what shards send,
/// since each sampled passage's term list is read.
inline constexpr size_t kTopicPassages = 1000;
/// The topics a profile lists, and the co-speakers and delegations.
inline constexpr size_t kProfileTopics = 15;
inline constexpr size_t kProfileListLimit = 20;

}  // namespace cstd::query

#endif  // CSTD_QUERY_PROFILE_H_
