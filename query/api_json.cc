#include "query/api_json.h"

#include <algorithm>

#include "model/archive_file.h"
#include "model/countries.h"
#include "model/text.h"
#include "query/citation.h"
#include "query/search_fields.h"

namespace cstd::query {

namespace {

using json::Member;

std::string Finish(const rapidjson::StringBuffer& buffer) {
  return {buffer.GetString(), buffer.GetSize()};
}

// Milliseconds and scores to three decimals: more digits are noise.
double ThreeDecimals(double v) {
  return static_cast<double>(static_cast<long>(v * 1000)) / 1000;
}

// query.filters: each field's selection as FilterStrings writes it, and a
// tag mode that is not the default.
void WriteFilters(JsonWriter& w, const SearchRequest& r) {
  w.StartObject();
  for (const SearchField& field : SearchFields()) {
    const std::vector<std::string> values = FilterStrings(r, field);
    if (!values.empty()) Member(w, field.name, values);
    // A tag mode is echoed when it is not the default, with or without
    // values (it changes the field's facet counts too).
    const ActionLineMode mode = TagModeOf(r, field);
    if (mode != ActionLineMode::kAll) Member(w, field.tag_mode->parameter, ActionLineModeName(mode));
  }
  w.EndObject();
}

// The `query` object of a search: {"q", "filters"}.
void WriteQuery(JsonWriter& w, const SearchRequest& r) {
  w.StartObject();
  Member(w, "q", r.q);
  w.Key("filters");
  WriteFilters(w, r);
  w.EndObject();
}

// "partial": null for a whole answer; over shards served partially
// (cstd-searchd --shard-partial), {"missing_shards": [HOST:PORT, ...]}, the
// searchd of each shard the answer leaves out, in shard order, as --shards
// names them.
void WritePartial(JsonWriter& w, const std::vector<MissingShard>& missing) {
  w.Key("partial");
  if (missing.empty()) {
    w.Null();
    return;
  }
  w.StartObject();
  w.Key("missing_shards");
  w.StartArray();
  for (const MissingShard& shard : missing) json::Str(w, shard.address);
  w.EndArray();
  w.EndObject();
}

// A facet's values as an array of {value, label?, count}: numbers for the
// numeric fields, a label where the value is an id.
void WriteFacetValues(JsonWriter& w, FacetField field, const std::vector<FacetValue>& values) {
  w.StartArray();
  for (const FacetValue& v : values) {
    w.StartObject();
    if (IsNumericFacet(field)) {
      Member(w, "value", static_cast<int>(text::ParseInt(v.value).value_or(0)));
    } else {
      Member(w, "value", v.value);
    }
    if (!v.label.empty()) Member(w, "label", v.label);
    Member(w, "count", v.count);
    w.EndObject();
  }
  w.EndArray();
}

void WriteHit(JsonWriter& w, const Hit& hit) {
  const Passage& p = hit.passage;
  w.StartObject();
  Member(w, "doc_id", p.doc_id);
  Member(w, "passage_id", p.passage_id);
  WritePassageDocumentFields(w, p);
  Member(w, "paragraph", p.paragraph.number);
  Member(w, "page", p.paragraph.page);
  w.Key("speakers");
  w.StartArray();
  for (size_t k = 0; k < p.paragraph.speakers.size() && k < p.speaker_ids.size(); ++k) {
    w.StartObject();
    Member(w, "id", p.speaker_ids[k]);
    Member(w, "name", p.paragraph.speakers[k]);
    w.EndObject();
  }
  w.EndArray();
  w.Key("countries");
  w.StartArray();
  for (const auto& code : p.paragraph.countries) {
    const Country* c = Countries::Builtin().FindByCode(code);
    w.StartObject();
    Member(w, "code", code);
    Member(w, "name", c ? c->short_name : code);
    w.EndObject();
  }
  w.EndArray();
  Member(w, "action_lines", p.paragraph.action_lines);
  // Lines the passage is about without naming them, with the lexicon's
  // terms that decided each, so a page can mark them and say why.
  w.Key("action_lines_inferred");
  WriteInferredActionLines(w, p.paragraph.action_lines_inferred);
  Member(w, "snippet", hit.snippet);
  // Which statement of the paragraph the hit is (its speakers, delegations
  // and snippet above are that statement's), or null.
  w.Key("statement");
  if (hit.statement) {
    w.Uint64(*hit.statement);
  } else {
    w.Null();
  }
  Member(w, "citation", hit.citation);
  Member(w, "score", ThreeDecimals(hit.score));
  w.EndObject();
}

}  // namespace

std::string SearchResultToJson(const SearchResult& result) {
  const SearchRequest& r = result.request;
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("query");
  WriteQuery(w, r);
  Member(w, "total", result.total);
  Member(w, "page", r.page);
  Member(w, "per_page", r.per_page);
  Member(w, "took_ms", ThreeDecimals(result.took_ms));
  w.Key("hits");
  w.StartArray();
  for (const Hit& hit : result.hits) WriteHit(w, hit);
  w.EndArray();
  w.Key("facets");
  w.StartObject();
  for (const FacetResult& facet : result.facets) {
    const std::string_view name = FacetName(facet.field);
    w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    WriteFacetValues(w, facet.field, facet.values);
  }
  w.EndObject();
  Member(w, "suggestion", result.suggestion);
  // A pasted paragraph's words that were searched, or null for a query.
  w.Key("like_this");
  if (result.like_this.empty()) {
    w.Null();
  } else {
    json::StrList(w, result.like_this);
  }
  WritePartial(w, result.missing_shards);
  w.EndObject();
  return Finish(buffer);
}

std::string CompareToJson(const CompareResult& result) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("query");
  WriteQuery(w, result.request.search);
  Member(w, "by", FacetName(result.request.by));
  Member(w, "top", result.request.top);
  w.Key("delegations");
  w.StartArray();
  for (const auto& d : result.delegations) {
    w.StartObject();
    Member(w, "code", d.code);
    Member(w, "name", d.name);
    Member(w, "total", d.total);
    w.EndObject();
  }
  w.EndArray();
  w.Key("rows");
  w.StartArray();
  for (const auto& row : result.rows) {
    w.StartObject();
    Member(w, "value", row.value);
    w.Key("cells");
    w.StartArray();
    for (const auto& cell : row.cells) {
      w.StartObject();
      Member(w, "count", cell.count);
      w.Key("hits");
      w.StartArray();
      for (const Hit& hit : cell.hits) WriteHit(w, hit);
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  Member(w, "took_ms", ThreeDecimals(result.took_ms));
  w.EndObject();
  return Finish(buffer);
}

std::string FacetValuesToJson(std::string_view field, std::string_view prefix, const FacetResult& facet,
                              const std::vector<MissingShard>& missing_shards) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  Member(w, "field", field);
  Member(w, "prefix", prefix);
  w.Key("values");
  WriteFacetValues(w, facet.field, facet.values);
  WritePartial(w, missing_shards);
  w.EndObject();
  return Finish(buffer);
}

std::string DocumentToJson(const Document& document, const std::vector<Passage>& passages,
                           std::string_view original_url, const std::vector<std::string>& highlight) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("document");
  w.StartObject();
  WriteDocumentFields(w, document);
  // Instead of `source`, a server path: where a client gets the file.
  Member(w, "original", original_url);
  const auto format = FormatOfPath(document.source);
  Member(w, "format", format ? std::optional<std::string>(FormatName(*format)) : std::nullopt);
  w.EndObject();
  w.Key("paragraphs");
  w.StartArray();
  std::vector<Speaker> speakers;
  for (const Passage& p : passages) {
    WriteParagraph(w, p.paragraph, p.passage_id, Citation(p));
    for (const auto& statement : p.paragraph.statements) {
      for (const auto& s : statement.speakers) {
        if (std::none_of(speakers.begin(), speakers.end(), [&](const Speaker& k) { return k.id == s.id; })) {
          speakers.push_back(s);
        }
      }
    }
  }
  w.EndArray();
  w.Key("speakers");
  w.StartArray();
  for (const auto& s : speakers) WriteSpeaker(w, s);
  w.EndArray();
  // What else to mark beside q's words: the acronyms and spelled-out forms
  // the search the document was opened from finds.
  Member(w, "highlight", highlight);
  w.EndObject();
  return Finish(buffer);
}

std::string ProfileToJson(const Profile& p) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  Member(w, "kind", FacetName(p.kind));
  Member(w, "id", p.id);
  Member(w, "name", p.name);
  Member(w, "names", p.names);
  Member(w, "passages", p.passages);
  Member(w, "documents", p.documents);
  Member(w, "first_year", p.first_year);
  Member(w, "last_year", p.last_year);
  w.Key("sessions");
  w.StartArray();
  for (const auto& s : p.sessions) {
    w.StartObject();
    Member(w, "session", s.session);
    Member(w, "year", s.year);
    Member(w, "passages", s.passages);
    Member(w, "documents", s.documents);
    w.EndObject();
  }
  w.EndArray();
  w.Key("action_lines");
  WriteFacetValues(w, FacetField::kActionLine, p.action_lines);
  w.Key("countries");
  WriteFacetValues(w, FacetField::kCountry, p.countries);
  w.Key("speakers");
  WriteFacetValues(w, FacetField::kSpeaker, p.speakers);
  w.Key("topics");
  w.StartArray();
  for (const auto& t : p.topics) {
    w.StartObject();
    Member(w, "term", t.term);
    Member(w, "weight", ThreeDecimals(t.weight));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Finish(buffer);
}

std::string LabelsToJson() {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  for (const SearchField& field : SearchFields()) {
    if (field.titles == Titles::kNone) continue;
    w.Key(field.name.data(), static_cast<rapidjson::SizeType>(field.name.size()));
    w.StartArray();
    for (const CodeTitle& t : TitlesOf(field)) {
      w.StartObject();
      Member(w, "value", t.code);
      Member(w, "label", t.title);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  return Finish(buffer);
}

std::string HealthToJson(uint64_t documents, uint64_t passages, std::string_view generation,
                         const std::vector<MissingShard>& missing_shards) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  Member(w, "status", "ok");
  w.Key("index");
  w.StartObject();
  Member(w, "documents", documents);
  Member(w, "passages", passages);
  Member(w, "generation", generation);
  w.EndObject();
  WritePartial(w, missing_shards);
  w.EndObject();
  return Finish(buffer);
}

std::string ErrorToJson(std::string_view code, std::string_view message) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("error");
  w.StartObject();
  Member(w, "code", code);
  Member(w, "message", message);
  w.EndObject();
  w.EndObject();
  return Finish(buffer);
}

}  // namespace cstd::query
