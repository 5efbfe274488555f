// What the speaker registry did, for an operator to review: the speakers
// whose name was printed in more than one way (merges, each form with how it
// was matched), and pairs of speakers that might be one person but were kept
// apart (possible merges). `cstd-indexer speakers` prints it; `stats`
// carries its counts.

#ifndef CSTD_INDEXER_SPEAKER_REVIEW_H_
#define CSTD_INDEXER_SPEAKER_REVIEW_H_

#include <cstddef>
#include <string>
#include <vector>

#include "model/document_json.h"
#include "model/speaker_record.h"

namespace cstd::indexer {

struct SpeakerReview {
  /// A pair (or more) of speakers that may be one person, and why.
  struct Possible {
    std::vector<std::string> ids;
    std::string why;
  };
  size_t speakers = 0;
  size_t forms = 0;                          // distinct printed forms
  std::vector<const SpeakerRecord*> merged;  // speakers printed with other words (not just case or accents)
  size_t merges = 0;                         // forms that joined a speaker with other words
  size_t by_year = 0;                        // of them, chosen among several by the years
  std::vector<Possible> possible;
};

/// Reviews `records` (which must outlive the review). Possible merges are
/// forms that fitted several speakers (SpeakerForm::also), and speakers of
/// one delegation with the same surname who spoke within kNearYears of each
/// other.
SpeakerReview ReviewSpeakers(const std::vector<SpeakerRecord>& records);

/// Speakers of one delegation and surname this close in time are listed as
/// possible merges: one after the other is the typical case of one person
/// printed two ways (a given name in two languages, a first name mistyped).
inline constexpr int kNearYears = 2;

/// The counts of `review` as JSON members (speakers, forms, merged_speakers,
/// merges, merges_by_year, possible_merges) of the object being written.
void WriteReviewCounts(JsonWriter& w, const SpeakerReview& review);

/// The whole review as JSON: the counts, "merged" (each speaker with its
/// forms, counts, how each was matched) and "possible".
std::string SpeakerReviewJson(const SpeakerReview& review);

/// The review of the live generation of `index_dir` (`cstd-indexer
/// speakers`). Throws IndexError when there is no readable index.
std::string SpeakerReviewJson(const std::string& index_dir);

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_SPEAKER_REVIEW_H_
