#include "model/document_json.h"

#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>

#include "model/errors.h"
#include "model/names.h"
#include "model/text.h"

namespace cstd {

namespace {

using json::Member;

// The document's fields after `id` and `source`, as keys of the object
// being written.
template <typename W>
void DocumentFieldsTo(W& w, const Document& d) {
  Member(w, "body", d.body);
  Member(w, "symbol", d.symbol);
  Member(w, "title", d.title);
  Member(w, "type", d.type);
  Member(w, "session", d.session);
  Member(w, "year", d.year);
  Member(w, "date", d.date);
  w.Key("meeting");
  if (d.meeting) {
    w.StartObject();
    Member(w, "place", d.meeting->place);
    Member(w, "start", d.meeting->start);
    Member(w, "end", d.meeting->end);
    w.EndObject();
  } else {
    w.Null();
  }
  Member(w, "author", d.author);
  Member(w, "action_lines", d.action_lines);
}

template <typename W>
void DocumentTo(W& w, const Document& d) {
  w.StartObject();
  Member(w, "id", d.id);
  Member(w, "source", d.source);
  DocumentFieldsTo(w, d);
  w.EndObject();
}

template <typename W>
void SpeakerTo(W& w, const Speaker& s) {
  w.StartObject();
  Member(w, "id", s.id);
  Member(w, "name", s.name);
  Member(w, "honorific", s.honorific);
  Member(w, "role", s.role);
  Member(w, "affiliation", s.affiliation);
  Member(w, "country", s.country);
  if (s.post_nominals) {  // rare: only when printed
    Member(w, "post_nominals", *s.post_nominals);
  }
  w.EndObject();
}

template <typename W>
void ParagraphTo(W& w, const Paragraph& p, std::string_view passage_id = {}, std::string_view citation = {}) {
  w.StartObject();
  if (!passage_id.empty()) {
    Member(w, "passage_id", passage_id);
  }
  Member(w, "number", p.number);
  if (!citation.empty()) {
    Member(w, "citation", citation);
  }
  Member(w, "page", p.page);
  Member(w, "section", p.section);
  Member(w, "text", p.text);
  Member(w, "speakers", p.speakers);
  Member(w, "countries", p.countries);
  Member(w, "action_lines", p.action_lines);
  w.Key("action_lines_inferred");
  WriteInferredActionLines(w, p.action_lines_inferred);
  w.Key("statements");
  w.StartArray();
  for (const auto& st : p.statements) {
    w.StartObject();
    Member(w, "text", st.text);
    w.Key("speakers");
    w.StartArray();
    for (const auto& s : st.speakers) SpeakerTo(w, s);
    w.EndArray();
    Member(w, "countries", st.countries);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

// ---- Reading --------------------------------------------------------------

using Value = rapidjson::Value;

std::string GetStr(const Value& o, const char* key) {
  const auto it = o.FindMember(key);
  if (it == o.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

std::optional<std::string> GetOptStr(const Value& o, const char* key) {
  const auto it = o.FindMember(key);
  if (it == o.MemberEnd() || !it->value.IsString()) return std::nullopt;
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::optional<int> GetOptInt(const Value& o, const char* key) {
  const auto it = o.FindMember(key);
  if (it == o.MemberEnd() || !it->value.IsInt()) return std::nullopt;
  return it->value.GetInt();
}

std::vector<std::string> GetStrList(const Value& o, const char* key) {
  std::vector<std::string> out;
  const auto it = o.FindMember(key);
  if (it == o.MemberEnd() || !it->value.IsArray()) return out;
  for (const auto& v : it->value.GetArray()) {
    if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
  }
  return out;
}

Speaker SpeakerFrom(const Value& o) {
  return {GetStr(o, "id"),          GetStr(o, "name"),           GetOptStr(o, "honorific"),
          GetOptStr(o, "role"),     GetOptStr(o, "affiliation"), GetOptStr(o, "country"),
          GetOptStr(o, "post_nominals")};
}

Paragraph ParagraphFrom(const Value& o) {
  Paragraph p;
  p.number = GetOptInt(o, "number");
  p.page = GetOptInt(o, "page");
  p.section = GetStr(o, "section");
  p.text = GetStr(o, "text");
  p.speakers = GetStrList(o, "speakers");
  p.countries = GetStrList(o, "countries");
  p.action_lines = GetStrList(o, "action_lines");
  if (const auto inferred = o.FindMember("action_lines_inferred");
      inferred != o.MemberEnd() && inferred->value.IsArray()) {
    for (const auto& v : inferred->value.GetArray()) {
      if (v.IsObject()) p.action_lines_inferred.push_back({GetStr(v, "code"), GetStrList(v, "evidence")});
    }
  }
  const auto it = o.FindMember("statements");
  if (it != o.MemberEnd() && it->value.IsArray()) {
    for (const auto& sv : it->value.GetArray()) {
      Statement st;
      st.text = GetStr(sv, "text");
      st.countries = GetStrList(sv, "countries");
      const auto sp = sv.FindMember("speakers");
      if (sp != sv.MemberEnd() && sp->value.IsArray()) {
        for (const auto& s : sp->value.GetArray()) st.speakers.push_back(SpeakerFrom(s));
      }
      p.statements.push_back(std::move(st));
    }
  }
  return p;
}

Document DocumentFrom(const Value& o) {
  Document d;
  d.id = GetStr(o, "id");
  d.source = GetStr(o, "source");
  d.body = GetStr(o, "body");
  d.symbol = GetOptStr(o, "symbol");
  d.title = GetStr(o, "title");
  d.type = GetStr(o, "type");
  d.session = GetOptInt(o, "session");
  d.year = GetOptInt(o, "year");
  d.date = GetOptStr(o, "date");
  const auto m = o.FindMember("meeting");
  if (m != o.MemberEnd() && m->value.IsObject()) {
    d.meeting = Meeting{GetStr(m->value, "place"), GetOptStr(m->value, "start"), GetOptStr(m->value, "end")};
  }
  d.author = GetOptStr(o, "author");
  d.action_lines = GetStrList(o, "action_lines");
  return d;
}

rapidjson::Document Parse(std::string_view data, const char* what) {
  rapidjson::Document json;
  json.Parse(data.data(), data.size());
  if (json.HasParseError() || !json.IsObject()) {
    throw IndexError(std::string("stored ") + what +
                     " record is not valid JSON: " + rapidjson::GetParseError_En(json.GetParseError()));
  }
  return json;
}

}  // namespace

void WritePassageDocumentFields(JsonWriter& w, const Passage& p) {
  Member(w, "title", p.title);
  Member(w, "symbol", p.symbol);
  Member(w, "type", p.type);
  Member(w, "session", p.session);
  Member(w, "year", p.year);
  Member(w, "date", p.date);
}

void WriteDocumentFields(JsonWriter& w, const Document& d) {
  Member(w, "id", d.id);
  DocumentFieldsTo(w, d);
}
void WriteParagraph(JsonWriter& w, const Paragraph& p, std::string_view passage_id, std::string_view citation) {
  ParagraphTo(w, p, passage_id, citation);
}
void WriteSpeaker(JsonWriter& w, const Speaker& s) {
  SpeakerTo(w, s);
}

void WriteInferredActionLines(JsonWriter& w, const std::vector<InferredActionLine>& lines) {
  w.StartArray();
  for (const auto& line : lines) {
    w.StartObject();
    Member(w, "code", line.code);
    Member(w, "evidence", line.evidence);
    w.EndObject();
  }
  w.EndArray();
}

std::string ExtractedToJson(const ExtractedDocument& doc) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("document");
  DocumentTo(w, doc.document);
  w.Key("paragraphs");
  w.StartArray();
  for (const auto& p : doc.paragraphs) ParagraphTo(w, p);
  w.EndArray();
  w.Key("speakers");
  w.StartArray();
  for (const auto& s : doc.speakers) SpeakerTo(w, s);
  w.EndArray();
  Member(w, "warnings", doc.warnings);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string EncodePassage(const Passage& p) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  Member(w, "doc_id", p.doc_id);
  Member(w, "passage_id", p.passage_id);
  Member(w, "ordinal", p.ordinal);
  w.Key("paragraph");
  ParagraphTo(w, p.paragraph);
  Member(w, "speaker_ids", p.speaker_ids);
  // The body only in the record: what a citation names (query/citation.h).
  Member(w, "body", p.body);
  WritePassageDocumentFields(w, p);
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

Passage DecodePassage(std::string_view data) {
  const rapidjson::Document json = Parse(data, "passage");
  Passage p;
  p.doc_id = GetStr(json, "doc_id");
  p.passage_id = GetStr(json, "passage_id");
  p.ordinal = GetOptInt(json, "ordinal").value_or(0);
  const auto it = json.FindMember("paragraph");
  if (it == json.MemberEnd() || !it->value.IsObject()) throw IndexError("stored passage record has no paragraph");
  p.paragraph = ParagraphFrom(it->value);
  p.speaker_ids = GetStrList(json, "speaker_ids");
  // Records written before ids were stored: derive them from the names.
  if (p.speaker_ids.size() != p.paragraph.speakers.size()) {
    p.speaker_ids.clear();
    for (const auto& name : p.paragraph.speakers) p.speaker_ids.push_back(names::SpeakerId(name));
  }
  p.body = GetStr(json, "body");
  p.title = GetStr(json, "title");
  p.symbol = GetOptStr(json, "symbol");
  p.type = GetStr(json, "type");
  p.session = GetOptInt(json, "session");
  p.year = GetOptInt(json, "year");
  p.date = GetOptStr(json, "date");
  return p;
}

std::string EncodeDocument(const Document& d) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  DocumentTo(w, d);
  return {buffer.GetString(), buffer.GetSize()};
}

Document DecodeDocument(std::string_view data) {
  return DocumentFrom(Parse(data, "document"));
}

std::string EncodeSourceRecord(const SourceRecord& r) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  Member(w, "doc_id", r.doc_id);
  Member(w, "root", r.root);
  Member(w, "size", r.size);
  Member(w, "mtime_ns", r.mtime_ns);
  Member(w, "hash", r.hash);
  if (!r.added.empty()) Member(w, "added", r.added);
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

SourceRecord DecodeSourceRecord(std::string_view data) {
  const rapidjson::Document json = Parse(data, "source");
  SourceRecord r;
  r.doc_id = GetStr(json, "doc_id");
  r.root = GetStr(json, "root");
  r.hash = GetStr(json, "hash");
  r.added = GetStr(json, "added");  // absent in records written before it was kept
  const auto size = json.FindMember("size");
  if (size != json.MemberEnd() && size->value.IsUint64()) r.size = size->value.GetUint64();
  const auto mtime = json.FindMember("mtime_ns");
  if (mtime != json.MemberEnd() && mtime->value.IsInt64()) r.mtime_ns = mtime->value.GetInt64();
  return r;
}

}  // namespace cstd
