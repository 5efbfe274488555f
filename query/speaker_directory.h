// The speakers an index knows (their SpeakerRecords), for the search side:
// labels for facets, "speaker=Souter" resolved to ids, autocomplete over
// every word of every form of a name, and a speaker's page.

#ifndef CSTD_QUERY_SPEAKER_DIRECTORY_H_
#define CSTD_QUERY_SPEAKER_DIRECTORY_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/speaker_record.h"

namespace cstd::query {

class SpeakerDirectory {
 public:
  /// Reads every speaker record of `db`. Throws IndexError if one cannot be
  /// read.
  explicit SpeakerDirectory(const Xapian::Database& db);

  /// The directory of `db` at its current revision, shared by every thread
  /// reading it (SharedForRevision).
  static std::shared_ptr<const SpeakerDirectory> For(const Xapian::Database& db);

  /// The record of speaker `id`, or nullptr.
  const SpeakerRecord* Find(std::string_view id) const;

  /// The name speaker `id` is shown by (SpeakerRecord::DisplayName, worked
  /// out once here: a facet labels its fifty speakers on every search), or
  /// nullptr when there is no such speaker.
  const std::string* DisplayName(std::string_view id) const;

  /// The ids `value` names: an id names itself; otherwise the speakers one of
  /// whose forms holds every word of the name `value` (titles and
  /// post-nominals set aside, case and diacritics folded), as whole words:
  /// "Souter", "Mr. David Souter", "kleinwachter", "Bush". If some of them
  /// have a form of exactly those words, only those. Empty when no one
  /// matches; several when the value is ambiguous. In directory order.
  std::vector<std::string> Match(std::string_view value) const;

  /// Whether every word of `typed` (folded) begins a word of one of speaker
  /// `id`'s forms or of the id itself: autocomplete ("sou" for David
  /// Souter, "lula" for Luiz Inácio Lula da Silva).
  bool MatchesPrefix(std::string_view id, std::string_view typed) const;

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    SpeakerRecord record;
    std::vector<std::vector<std::string>> forms;  // names::KeyWords of each form
    std::string search_key;                       // folded words of every form and of the id
    std::string display_name;                     // record.DisplayName()
  };
  std::vector<Entry> entries_;
  std::unordered_map<std::string, size_t> by_id_;
  std::unordered_map<std::string, std::vector<size_t>> by_word_;  // key word -> entries
};

}  // namespace cstd::query

#endif  // CSTD_QUERY_SPEAKER_DIRECTORY_H_
