#include "query/profile_counts.h"

#include <rapidjson/document.h>

#include <stdexcept>
#include <unordered_set>
#include <vector>

#include "model/document_json.h"
#include "model/schema.h"
#include "model/text.h"
#include "query/facet_columns.h"

namespace cstd::query {

using json::Member;

std::string ProfileTerm(FacetField kind, const std::string& id) {
  if (kind == FacetField::kSpeaker) return schema::Term(schema::kPrefixSpeaker, id);
  if (kind == FacetField::kCountry) return schema::Term(schema::kPrefixCountry, id);
  throw std::invalid_argument("a profile is of a speaker or a country");
}

ProfileCounts CountProfileOn(const Xapian::Database& db, const std::string& term) {
  const auto columns = FacetColumns::For(db);
  // Documents are counted by their ids, per (year, session) and in all.
  std::map<std::pair<int, int>, std::unordered_set<uint32_t>> documents_by_session;
  std::unordered_set<uint32_t> documents;
  ProfileCounts out;
  const Column document = Column::Document(), session_column = Column::Of(FacetField::kSession),
               year_column = Column::Of(FacetField::kYear), action_line_column = Column::Of(FacetField::kActionLine),
               country_column = Column::Of(FacetField::kCountry), speaker_column = Column::Of(FacetField::kSpeaker);
  // The first value of a one-valued column as a number; -1 for none.
  const auto number = [&](Column column, Xapian::docid did) {
    const auto ids = columns->Values(column, did);
    if (ids.empty()) return -1;
    const auto v = text::ParseInt(columns->Value(column, ids[0]));
    return v ? static_cast<int>(*v) : -1;
  };
  const auto tally = [&](Column column, Xapian::docid did, std::map<std::string, uint64_t>& into) {
    for (uint32_t id : columns->Values(column, did)) ++into[columns->Value(column, id)];
  };
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    const Xapian::docid did = *it;
    ++out.passages;
    const std::pair<int, int> key{number(year_column, did), number(session_column, did)};
    ++out.sessions[key].passages;
    for (uint32_t d : columns->Values(document, did)) {
      documents_by_session[key].insert(d);
      documents.insert(d);
    }
    tally(action_line_column, did, out.action_lines);
    tally(country_column, did, out.countries);
    tally(speaker_column, did, out.speakers);
  }
  out.documents = documents.size();
  for (const auto& [key, ids] : documents_by_session) out.sessions[key].documents = ids.size();
  return out;
}

void AddProfileCounts(ProfileCounts& sum, const ProfileCounts& part) {
  sum.passages += part.passages;
  sum.documents += part.documents;
  for (const auto& [key, tally] : part.sessions) {
    sum.sessions[key].passages += tally.passages;
    sum.sessions[key].documents += tally.documents;
  }
  for (auto [into, from] : {std::pair{&sum.action_lines, &part.action_lines}, std::pair{&sum.countries, &part.countries},
                            std::pair{&sum.speakers, &part.speakers}}) {
    for (const auto& [value, count] : *from) (*into)[value] += count;
  }
}

namespace {

// The lists of values, by their JSON name.
constexpr const char* kLists[] = {"action_lines", "countries", "speakers"};

// The list named kLists[i] of `c` (a ProfileCounts, const or not).
template <typename Counts>
auto& List(Counts& c, size_t i) {
  return i == 0 ? c.action_lines : i == 1 ? c.countries : c.speakers;
}

}  // namespace

std::string ShardProfileToJson(const ShardProfile& p) {
  return ShardAnswerJson(p, [&](JsonWriter& w) {
    Member(w, "passages", p.counts.passages);
    Member(w, "documents", p.counts.documents);
    w.Key("sessions");
    w.StartArray();
    for (const auto& [key, tally] : p.counts.sessions) {
      w.StartArray();
      for (int n : {key.first, key.second}) {
        if (n < 0) {
          w.Null();
        } else {
          w.Int(n);
        }
      }
      w.Uint64(tally.passages);
      w.Uint64(tally.documents);
      w.EndArray();
    }
    w.EndArray();
    for (size_t i = 0; i < std::size(kLists); ++i) {
      w.Key(kLists[i]);
      w.StartArray();
      for (const auto& [value, count] : List(p.counts, i)) WriteValueCount(w, value, count);
      w.EndArray();
    }
  });
}

ShardProfile ParseShardProfile(std::string_view text) {
  rapidjson::Document d;
  ShardProfile out{ReadShardAnswer(text, "profile counts", d), {}};
  const auto fail = [](const std::string& what) { return std::runtime_error("unreadable profile counts: " + what); };
  for (auto [name, into] : {std::pair{"passages", &out.counts.passages}, std::pair{"documents", &out.counts.documents}}) {
    const auto it = d.FindMember(name);
    if (it == d.MemberEnd() || !it->value.IsUint64()) throw fail(std::string("no count \"") + name + "\"");
    *into = it->value.GetUint64();
  }
  const auto array = [&](const char* name) -> const rapidjson::Value& {
    const auto it = d.FindMember(name);
    if (it == d.MemberEnd() || !it->value.IsArray()) throw fail(std::string("no array \"") + name + "\"");
    return it->value;
  };
  // A year or session is a number, or null when unknown.
  const auto key_part = [](const rapidjson::Value& v) { return v.IsNull() || (v.IsInt() && v.GetInt() >= 0); };
  for (const auto& row : array("sessions").GetArray()) {
    if (!row.IsArray() || row.Size() != 4 || !key_part(row[0]) || !key_part(row[1]) || !row[2].IsUint64() ||
        !row[3].IsUint64()) {
      throw fail("a row of \"sessions\" is not [YEAR, SESSION, PASSAGES, DOCUMENTS]");
    }
    const std::pair<int, int> key{row[0].IsNull() ? -1 : row[0].GetInt(), row[1].IsNull() ? -1 : row[1].GetInt()};
    out.counts.sessions[key] = {row[2].GetUint64(), row[3].GetUint64()};
  }
  for (size_t i = 0; i < std::size(kLists); ++i) {
    for (const auto& pair : array(kLists[i]).GetArray()) {
      auto read = ReadValueCount(pair);
      if (!read) throw fail(std::string("a value of \"") + kLists[i] + "\" is not [VALUE, COUNT]");
      List(out.counts, i)[std::move(read->first)] = read->second;
    }
  }
  return out;
}

}  // namespace cstd::query
