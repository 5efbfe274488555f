#include "query/profile.h"

#include <algorithm>
#include <map>
#include <set>

#include "model/countries.h"
#include "model/errors.h"
#include "model/names.h"
#include "model/text.h"
#include "query/profile_counts.h"
#include "query/profile_topics.h"

namespace cstd {
namespace query {

namespace {

// Counts of one column's values over the passages, but `except`, labelled.
std::vector<FacetValue> Ranked(const std::map<std::string, uint64_t>& counts, const std::string& except) {
  std::vector<FacetValue> values;
  for (const auto& [value, count] : counts) {
    if (value != except) values.push_back({value, {}, count});
  }
  return RankFacetValues(std::move(values), kProfileListLimit, {});
}

// Fills the figures of `p` from the passages holding its term: counted by
// the searcher (on its index, or by each shard), ranked and labelled here.
void Compute(const Searcher& searcher, Profile& p) {
  const ProfileCounts counts = searcher.CountProfile(p.kind, p.id);
  p.passages = counts.passages;
  p.documents = counts.documents;
  for (auto it = counts.sessions.rbegin(); it != counts.sessions.rend(); ++it) {
    Profile::Session s;
    if (it->first.first >= 0) s.year = it->first.first;
    if (it->first.second >= 0) s.session = it->first.second;
    s.passages = it->second.passages;
    s.documents = it->second.documents;
    if (s.year) {
      if (!p.last_year) p.last_year = s.year;
      p.first_year = s.year;
    }
    p.sessions.push_back(s);
  }
  p.action_lines = Ranked(counts.action_lines, "");
  p.countries = Ranked(counts.countries, p.kind == FacetField::kCountry ? p.id : "");
  p.speakers = Ranked(counts.speakers, p.kind == FacetField::kSpeaker ? p.id : "");
  for (FacetValue& v : p.countries) {
    const Country* c = Countries::Builtin().FindByCode(v.value);
    v.label = c ? c->short_name : v.value;
  }
  for (FacetValue& v : p.speakers) {
    const SpeakerRecord* s = searcher.Speakers().Find(v.value);
    v.label = s ? s->DisplayName() : v.value;
  }

  // Topics: the words of a sample of the passages that they use more than
  // the archive does (query/profile_topics.h), weighted with the whole
  // index's statistics (over shards, gathered from every shard).
  if (counts.passages == 0) return;
  const std::vector<TopicPassage> sample =
      searcher.TopicPassages(p.kind, p.id, TopicSampleBound(kTopicPassages, counts.passages));
  std::set<std::string> own;
  for (const auto& name : p.names) {
    for (const auto& w : names::NameWords(name)) own.insert(w);
    const std::string lower = text::AsciiLower(name);
    for (const auto& w : text::Split(lower, ' ')) own.emplace(w);
  }
  const std::vector<std::string> words = SampleWords(sample);
  const Xapian::Database& db = searcher.database();
  for (TopicWeight& t : RankTopics(sample, words, searcher.TermFreqs(words), db.get_doccount(),
                                   db.get_total_length(), own, kProfileTopics)) {
    p.topics.push_back({std::move(t.word), t.weight});
  }
}

}  // namespace

Profile SpeakerProfile(const Searcher& searcher, std::string_view value) {
  const std::vector<std::string> ids = searcher.Speakers().Match(value);
  if (ids.size() != 1) {
    std::string which;
    for (const auto& id : ids) which += (which.empty() ? "" : ", ") + id;
    throw NotFoundError(ids.empty() ? "no speaker '" + std::string(value) + "'"
                                    : "'" + std::string(value) + "' names several speakers: " + which);
  }
  const SpeakerRecord& record = *searcher.Speakers().Find(ids[0]);
  Profile p;
  p.kind = FacetField::kSpeaker;
  p.id = record.id;
  p.name = record.DisplayName();
  for (const SpeakerForm& f : record.forms) p.names.push_back(f.name);
  Compute(searcher, p);
  return p;
}

Profile CountryProfile(const Searcher& searcher, std::string_view value) {
  const auto countries = Countries::Builtin().Matching(value);
  if (countries.size() != 1) {
    std::string which;
    for (const Country* c : countries) which += (which.empty() ? "" : ", ") + c->code;
    throw NotFoundError(countries.empty() ? "no country '" + std::string(value) + "'"
                                          : "'" + std::string(value) + "' names several countries: " + which);
  }
  const Country& c = *countries[0];
  Profile p;
  p.kind = FacetField::kCountry;
  p.id = c.code;
  p.name = c.short_name;
  p.names.push_back(c.short_name);
  if (c.name != c.short_name) p.names.push_back(c.name);
  for (const auto& v : c.variants) p.names.push_back(v);
  Compute(searcher, p);
  return p;
}

}  // namespace query
}  // namespace cstd
