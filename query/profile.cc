#include "query/profile.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "model/countries.h"
#include "model/errors.h"
#include "model/names.h"
#include "model/schema.h"
#include "model/text.h"
#include "query/profile_counts.h"
#include "query/stopwords.h"

namespace cstd {
namespace query {

namespace {

// The words a topic can be: unprefixed terms (prefixes are capitals; the
// stemmer's are 'Z'-prefixed), of letters only, no stop word, not the
// subject's own name, and not in a fifth of all passages or more (such a
// word is the archive's, not theirs: "nations", "development" in the UNGDC).
class TopicDecider : public Xapian::ExpandDecider {
 public:
  TopicDecider(const Xapian::Database& db, std::set<std::string> excluded)
      : db_(db), excluded_(std::move(excluded)), max_frequency_(db.get_doccount() / 5) {}
  bool operator()(const std::string& term) const override {
    // Shorter words are function words and abbreviations more often than themes.
    if (term.size() < 4) return false;
    if (!std::all_of(term.begin(), term.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
    if (excluded_.count(term) || TopicStopwords().count(term)) return false;
    return db_.get_termfreq(term) <= max_frequency_;
  }

 private:
  const Xapian::Database& db_;
  std::set<std::string> excluded_;
  Xapian::doccount max_frequency_;
};

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

  // Topics: Xapian's expansion over a sample of the passages, with the
  // statistics of the whole index (over shards, Xapian gathers them from
  // every shard through the remote backend, as it does for a search).
  const Xapian::Database& db = searcher.database();
  const std::string term = ProfileTerm(p.kind, p.id);
  std::vector<Xapian::docid> passages;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) passages.push_back(*it);
  if (passages.empty()) return;
  Xapian::RSet rset;
  const size_t step = std::max<size_t>(1, passages.size() / kTopicPassages);
  for (size_t i = 0; i < passages.size(); i += step) rset.add_document(passages[i]);
  std::set<std::string> own;
  for (const auto& name : p.names) {
    for (const auto& w : names::NameWords(name)) own.insert(w);
    for (const auto& w : text::Split(text::AsciiLower(name), ' ')) own.emplace(w);
  }
  const TopicDecider decider(db, std::move(own));
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(term));
  // Exact term frequencies: over several databases (shards) Xapian would
  // otherwise estimate them from the shard each passage is in, and the
  // topics would not be one index's. One index is not affected.
  const Xapian::ESet eset = enquire.get_eset(kProfileTopics, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
  for (auto it = eset.begin(); it != eset.end(); ++it) p.topics.push_back({*it, it.get_weight()});
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
