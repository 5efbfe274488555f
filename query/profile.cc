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
#include "query/facet_columns.h"
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

std::optional<int> AsInt(const std::string& value) {
  const auto v = text::ParseInt(value);
  return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

// Counts of one column's values over the passages, but `except`, labelled.
std::vector<FacetValue> Ranked(const std::map<std::string, uint64_t>& counts, const std::string& except) {
  std::vector<FacetValue> values;
  for (const auto& [value, count] : counts) {
    if (value != except) values.push_back({value, {}, count});
  }
  return RankFacetValues(std::move(values), kProfileListLimit, {});
}

// Fills the figures of `p` from the passages holding `term`.
void Compute(const Searcher& searcher, const std::string& term, Profile& p) {
  // Over shards the facet columns would be read a value at a time through
  // the network: profiles are answered by a single index or a shard.
  if (searcher.sharded()) throw UnsupportedError("profiles are not served over shards; ask a shard's searchd or one index");
  const Xapian::Database& db = searcher.database();
  const auto columns = FacetColumns::For(db);
  struct Tally {
    uint64_t passages = 0;
    std::unordered_set<uint32_t> documents;
  };
  std::map<std::pair<int, int>, Tally> by_session;  // (year, session); -1 when unknown
  std::unordered_set<uint32_t> documents;
  std::map<std::string, uint64_t> action_lines, countries, speakers;
  std::vector<Xapian::docid> passages;
  const auto values = [&](Column column, Xapian::docid did) {
    std::vector<std::string> out;
    for (uint32_t id : columns->Values(column, did)) out.push_back(columns->Value(column, id));
    return out;
  };
  const Column document = Column::Document(), session_column = Column::Of(FacetField::kSession),
               year_column = Column::Of(FacetField::kYear), action_line_column = Column::Of(FacetField::kActionLine),
               country_column = Column::Of(FacetField::kCountry), speaker_column = Column::Of(FacetField::kSpeaker);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    const Xapian::docid did = *it;
    passages.push_back(did);
    const auto docs = columns->Values(document, did);
    const auto session = values(session_column, did), year = values(year_column, did);
    Tally& t = by_session[{year.empty() ? -1 : AsInt(year[0]).value_or(-1),
                           session.empty() ? -1 : AsInt(session[0]).value_or(-1)}];
    ++t.passages;
    for (uint32_t d : docs) {
      t.documents.insert(d);
      documents.insert(d);
    }
    for (const auto& v : values(action_line_column, did)) ++action_lines[v];
    for (const auto& v : values(country_column, did)) ++countries[v];
    for (const auto& v : values(speaker_column, did)) ++speakers[v];
  }
  p.passages = passages.size();
  p.documents = documents.size();
  for (auto it = by_session.rbegin(); it != by_session.rend(); ++it) {
    Profile::Session s;
    if (it->first.first >= 0) s.year = it->first.first;
    if (it->first.second >= 0) s.session = it->first.second;
    s.passages = it->second.passages;
    s.documents = it->second.documents.size();
    if (s.year) {
      if (!p.last_year) p.last_year = s.year;
      p.first_year = s.year;
    }
    p.sessions.push_back(s);
  }
  p.action_lines = Ranked(action_lines, "");
  p.countries = Ranked(countries, p.kind == FacetField::kCountry ? p.id : "");
  p.speakers = Ranked(speakers, p.kind == FacetField::kSpeaker ? p.id : "");
  for (FacetValue& v : p.countries) {
    const Country* c = Countries::Builtin().FindByCode(v.value);
    v.label = c ? c->short_name : v.value;
  }
  for (FacetValue& v : p.speakers) {
    const SpeakerRecord* s = searcher.Speakers().Find(v.value);
    v.label = s ? s->DisplayName() : v.value;
  }

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
  const Xapian::ESet eset = enquire.get_eset(kProfileTopics, rset, &decider);
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
  Compute(searcher, schema::Term(schema::kPrefixSpeaker, p.id), p);
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
  Compute(searcher, schema::Term(schema::kPrefixCountry, p.id), p);
  return p;
}

}  // namespace query
}  // namespace cstd
