#include "query/speaker_directory.h"

#include <algorithm>

#include "model/names.h"
#include "model/schema.h"
#include "model/text.h"
#include "query/revision_cache.h"

namespace cstd::query {

SpeakerDirectory::SpeakerDirectory(const Xapian::Database& db) {
  const std::string prefix(schema::kMetaSpeakerPrefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    Entry e;
    e.record = DecodeSpeakerRecord((*it).substr(prefix.size()), db.get_metadata(*it));
    e.search_key = names::FoldName(e.record.id);
    e.display_name = e.record.DisplayName();
    for (const SpeakerForm& f : e.record.forms) {
      e.forms.push_back(names::KeyWords(f.name));
      e.search_key += " " + names::FoldName(f.name);
    }
    const size_t index = entries_.size();
    by_id_.emplace(e.record.id, index);
    for (const auto& words : e.forms) {
      for (const auto& w : words) {
        auto& list = by_word_[w];
        if (list.empty() || list.back() != index) list.push_back(index);
      }
    }
    entries_.push_back(std::move(e));
  }
}

std::shared_ptr<const SpeakerDirectory> SpeakerDirectory::For(const Xapian::Database& db) {
  return SharedForRevision<SpeakerDirectory>(db);
}

const SpeakerRecord* SpeakerDirectory::Find(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &entries_[it->second].record;
}

const std::string* SpeakerDirectory::DisplayName(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &entries_[it->second].display_name;
}

std::vector<std::string> SpeakerDirectory::Match(std::string_view value) const {
  value = text::Trim(value);
  if (value.empty()) return {};
  if (Find(value)) return {std::string(value)};
  const std::vector<std::string> words = names::KeyWords(names::ParsePersonName(value).name);
  if (words.empty()) return {};
  std::string typed;
  for (const auto& w : words) typed += (typed.empty() ? "" : " ") + w;
  const std::string key = names::KeyOf(words);
  std::vector<std::string> exact, partial;
  const auto it = by_word_.find(words.front());
  if (it == by_word_.end()) return {};
  for (size_t index : it->second) {
    const Entry& e = entries_[index];
    bool is_exact = false, is_partial = false;
    for (const auto& form : e.forms) {
      std::string have;
      for (const auto& w : form) have += (have.empty() ? "" : " ") + w;
      if (names::KeyOf(form) == key) is_exact = true;
      if (text::ContainsWords(have, typed, false)) is_partial = true;
    }
    if (is_exact) exact.push_back(e.record.id);
    if (is_partial) partial.push_back(e.record.id);
  }
  return exact.empty() ? partial : exact;
}

bool SpeakerDirectory::MatchesPrefix(std::string_view id, std::string_view typed) const {
  const auto it = by_id_.find(std::string(id));
  return it != by_id_.end() && text::ContainsWords(entries_[it->second].search_key, names::FoldName(typed), true);
}

}  // namespace cstd::query
