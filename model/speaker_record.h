// What an index knows of one speaker, stored under schema::kMetaSpeakerPrefix
// + id: every form their name was printed in (titles and post-nominals set
// aside, see names::ParsePersonName) and how often, how each form was
// matched to the others, the delegations they spoke for and the years. The
// indexer's SpeakerRegistry writes it; the search side reads it to label
// facets, to resolve "speaker=Souter" and to serve a speaker's page.

#ifndef CSTD_MODEL_SPEAKER_RECORD_H_
#define CSTD_MODEL_SPEAKER_RECORD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/document_json.h"

namespace cstd {

/// One printed form of a speaker's name.
struct SpeakerForm {
  std::string name;    // as printed: "Joseph R. Biden"
  uint32_t count = 0;  // documents that print it
  /// How it was matched to the speaker (names::MatchHow bits) and to which
  /// form; 0 and empty for the form that made the speaker, and for forms
  /// with the same words as one before them.
  unsigned how = 0;
  std::string matched;
  /// Chosen by the years it was printed in among several speakers it fits;
  /// `also` names the others (for an operator to review).
  bool by_year = false;
  std::vector<std::string> also;
};

struct SpeakerRecord {
  std::string id;
  std::vector<SpeakerForm> forms;      // in the order met; never empty
  std::vector<std::string> countries;  // ISO3 of delegations spoken for, sorted
  std::vector<int> years;              // sorted, distinct

  /// The form printed most often, among the forms of two words or more if
  /// there are any (older records print "Reagan" alone more often than
  /// "Ronald Reagan", which names him better); on a tie one not in capitals
  /// only, then the first met. Ids are made from it too.
  const std::string& DisplayName() const;
};

/// The stored form (JSON: {"name", "forms": [WriteSpeakerForm...],
/// "countries", "years"}; "name" is DisplayName(), for readers that need
/// nothing else).
std::string EncodeSpeakerRecord(const SpeakerRecord& record);

/// One form as JSON: {"name", "count", "how": [names::DescribeHow], and when
/// set "matched", "by_year", "also"}.
void WriteSpeakerForm(JsonWriter& w, const SpeakerForm& form);

/// Reads a record stored for `id`. Throws IndexError if `data` is not one.
SpeakerRecord DecodeSpeakerRecord(std::string_view id, std::string_view data);

}  // namespace cstd

#endif  // CSTD_MODEL_SPEAKER_RECORD_H_
