#include "indexer/speaker_registry.h"

#include "model/schema.h"
#include "model/text.h"

namespace cstd::indexer {

namespace {

// First and last word of a folded name; both empty for an empty name.
std::pair<std::string, std::string> FirstLast(const std::string& name) {
  const std::string key = text::FoldKey(name);
  const size_t first_end = key.find(' ');
  if (first_end == std::string::npos) return {key, key};
  return {key.substr(0, first_end), key.substr(key.rfind(' ') + 1)};
}

}  // namespace

SpeakerRegistry::SpeakerRegistry(const Xapian::Database& db) {
  const std::string prefix(schema::kMetaSpeakerPrefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    const std::string id = (*it).substr(prefix.size());
    const auto [first, last] = FirstLast(db.get_metadata(*it));
    by_first_[first].emplace_back(last, id);
  }
}

std::string SpeakerRegistry::Resolve(const std::string& name) {
  const auto [first, last] = FirstLast(name);
  auto& known = by_first_[first];
  for (const auto& [known_last, id] : known) {
    if (known_last == last) return id;
  }
  if (last.size() >= kMinFuzzyLastName) {
    for (const auto& [known_last, id] : known) {
      if (text::EditDistance(known_last, last, kMaxLastNameEdits) <= kMaxLastNameEdits) return id;
    }
  }
  const std::string id = text::SpeakerId(name);
  known.emplace_back(last, id);
  new_.emplace_back(id, name);
  return id;
}

void SpeakerRegistry::WriteNew(Xapian::WritableDatabase& db) {
  for (const auto& [id, name] : new_) db.set_metadata(std::string(schema::kMetaSpeakerPrefix) + id, name);
  new_.clear();
}

}  // namespace cstd::indexer
