#include "indexer/speaker_review.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "indexer/speaker_registry.h"
#include "model/errors.h"
#include "model/index_layout.h"
#include "model/names.h"

namespace cstd::indexer {

using json::Member;

namespace {

int Distance(const std::vector<int>& a, const std::vector<int>& b) {
  int best = 10000;
  for (int x : a) {
    for (int y : b) best = std::min(best, std::abs(x - y));
  }
  return best;
}

}  // namespace

SpeakerReview ReviewSpeakers(const std::vector<SpeakerRecord>& records) {
  SpeakerReview review;
  review.speakers = records.size();
  // (delegation, surname) -> speakers, for the possible merges.
  std::map<std::pair<std::string, std::string>, std::vector<const SpeakerRecord*>> by_surname;
  std::set<std::vector<std::string>> listed;
  for (const SpeakerRecord& r : records) {
    review.forms += r.forms.size();
    std::set<std::string> keys;
    std::set<std::string> surnames;
    for (const SpeakerForm& f : r.forms) {
      const auto words = names::KeyWords(f.name);
      keys.insert(names::KeyOf(words));
      if (!words.empty()) surnames.insert(words.back());
      if (f.how) ++review.merges;
      if (f.by_year) ++review.by_year;
      if (!f.also.empty()) {
        std::vector<std::string> ids{r.id};
        ids.insert(ids.end(), f.also.begin(), f.also.end());
        std::sort(ids.begin(), ids.end());
        if (listed.insert(ids).second) {
          review.possible.push_back({ids, "'" + f.name + "' fits them all" +
                                              (f.by_year ? "; given to " + r.id + ", who spoke nearest in time" : "")});
        }
      }
    }
    if (keys.size() > 1) review.merged.push_back(&r);
    for (const auto& c : r.countries) {
      for (const auto& s : surnames) by_surname[{c, s}].push_back(&r);
    }
  }
  for (const auto& [key, speakers] : by_surname) {
    for (size_t i = 0; i < speakers.size(); ++i) {
      for (size_t j = i + 1; j < speakers.size(); ++j) {
        const int apart = Distance(speakers[i]->years, speakers[j]->years);
        if (apart > kNearYears) continue;
        std::vector<std::string> ids{speakers[i]->id, speakers[j]->id};
        std::sort(ids.begin(), ids.end());
        if (!listed.insert(ids).second) continue;
        review.possible.push_back({ids, "same delegation (" + key.first + ") and surname '" + key.second + "', " +
                                            std::to_string(apart) + " years apart"});
      }
    }
  }
  return review;
}

void WriteReviewCounts(JsonWriter& w, const SpeakerReview& review) {
  Member(w, "speakers", review.speakers);
  Member(w, "forms", review.forms);
  Member(w, "merged_speakers", review.merged.size());
  Member(w, "merges", review.merges);
  Member(w, "merges_by_year", review.by_year);
  Member(w, "possible_merges", review.possible.size());
}

std::string SpeakerReviewJson(const SpeakerReview& review) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  WriteReviewCounts(w, review);
  w.Key("merged");
  w.StartArray();
  for (const SpeakerRecord* r : review.merged) {
    w.StartObject();
    Member(w, "id", r->id);
    Member(w, "name", r->DisplayName());
    Member(w, "countries", r->countries);
    w.Key("years");
    w.StartArray();
    if (!r->years.empty()) {
      w.Int(r->years.front());
      w.Int(r->years.back());
    }
    w.EndArray();
    w.Key("forms");
    w.StartArray();
    for (const SpeakerForm& f : r->forms) WriteSpeakerForm(w, f);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("possible");
  w.StartArray();
  for (const auto& p : review.possible) {
    w.StartObject();
    Member(w, "ids", p.ids);
    Member(w, "why", p.why);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string SpeakerReviewJson(const std::string& index_dir) {
  const auto generation = ReadCurrentGeneration(index_dir);
  if (!generation) throw IndexError(index_dir + ": no index here (no " + std::string(kCurrentFile) + " file)");
  const ReaderLease lease(index_dir, *generation);
  const auto records = SpeakerRegistry(OpenIndex(index_dir)).Records();
  return SpeakerReviewJson(ReviewSpeakers(records));
}

}  // namespace cstd::indexer
