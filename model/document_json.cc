#include "model/document_json.h"

#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>

#include "model/errors.h"
#include "model/names.h"
#include "model/text.h"

namespace cstd {

namespace {

using json::OptInt;
using json::OptStr;
using json::Str;
using json::StrList;

// The document's fields after `id` and `source`, as keys of the object
// being written.
template <typename W>
void DocumentFieldsTo(W& w, const Document& d) {
  w.Key("body");
  Str(w, d.body);
  w.Key("symbol");
  OptStr(w, d.symbol);
  w.Key("title");
  Str(w, d.title);
  w.Key("type");
  Str(w, d.type);
  w.Key("session");
  OptInt(w, d.session);
  w.Key("year");
  OptInt(w, d.year);
  w.Key("date");
  OptStr(w, d.date);
  w.Key("meeting");
  if (d.meeting) {
    w.StartObject();
    w.Key("place");
    Str(w, d.meeting->place);
    w.Key("start");
    OptStr(w, d.meeting->start);
    w.Key("end");
    OptStr(w, d.meeting->end);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("author");
  OptStr(w, d.author);
  w.Key("action_lines");
  StrList(w, d.action_lines);
}

template <typename W>
void DocumentTo(W& w, const Document& d) {
  w.StartObject();
  w.Key("id");
  Str(w, d.id);
  w.Key("source");
  Str(w, d.source);
  DocumentFieldsTo(w, d);
  w.EndObject();
}

template <typename W>
void SpeakerTo(W& w, const Speaker& s) {
  w.StartObject();
  w.Key("id");
  Str(w, s.id);
  w.Key("name");
  Str(w, s.name);
  w.Key("honorific");
  OptStr(w, s.honorific);
  w.Key("role");
  OptStr(w, s.role);
  w.Key("affiliation");
  OptStr(w, s.affiliation);
  w.Key("country");
  OptStr(w, s.country);
  if (s.post_nominals) {  // rare: only when printed
    w.Key("post_nominals");
    Str(w, *s.post_nominals);
  }
  w.EndObject();
}

template <typename W>
void ParagraphTo(W& w, const Paragraph& p, std::string_view passage_id = {}) {
  w.StartObject();
  if (!passage_id.empty()) {
    w.Key("passage_id");
    Str(w, passage_id);
  }
  w.Key("number");
  OptInt(w, p.number);
  w.Key("page");
  OptInt(w, p.page);
  w.Key("section");
  Str(w, p.section);
  w.Key("text");
  Str(w, p.text);
  w.Key("speakers");
  StrList(w, p.speakers);
  w.Key("countries");
  StrList(w, p.countries);
  w.Key("action_lines");
  StrList(w, p.action_lines);
  w.Key("action_lines_inferred");
  WriteInferredActionLines(w, p.action_lines_inferred);
  w.Key("statements");
  w.StartArray();
  for (const auto& st : p.statements) {
    w.StartObject();
    w.Key("text");
    Str(w, st.text);
    w.Key("speakers");
    w.StartArray();
    for (const auto& s : st.speakers) SpeakerTo(w, s);
    w.EndArray();
    w.Key("countries");
    StrList(w, st.countries);
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
  w.Key("title");
  Str(w, p.title);
  w.Key("symbol");
  OptStr(w, p.symbol);
  w.Key("type");
  Str(w, p.type);
  w.Key("session");
  OptInt(w, p.session);
  w.Key("year");
  OptInt(w, p.year);
  w.Key("date");
  OptStr(w, p.date);
}

void WriteDocumentFields(JsonWriter& w, const Document& d) {
  w.Key("id");
  Str(w, d.id);
  DocumentFieldsTo(w, d);
}
void WriteParagraph(JsonWriter& w, const Paragraph& p, std::string_view passage_id) {
  ParagraphTo(w, p, passage_id);
}
void WriteSpeaker(JsonWriter& w, const Speaker& s) {
  SpeakerTo(w, s);
}

void WriteInferredActionLines(JsonWriter& w, const std::vector<InferredActionLine>& lines) {
  w.StartArray();
  for (const auto& line : lines) {
    w.StartObject();
    w.Key("code");
    json::Str(w, line.code);
    w.Key("evidence");
    json::StrList(w, line.evidence);
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
  w.Key("warnings");
  StrList(w, doc.warnings);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string EncodePassage(const Passage& p) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("doc_id");
  Str(w, p.doc_id);
  w.Key("passage_id");
  Str(w, p.passage_id);
  w.Key("ordinal");
  w.Int(p.ordinal);
  w.Key("paragraph");
  ParagraphTo(w, p.paragraph);
  w.Key("speaker_ids");
  StrList(w, p.speaker_ids);
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
  w.Key("doc_id");
  json::Str(w, r.doc_id);
  w.Key("root");
  json::Str(w, r.root);
  w.Key("size");
  w.Uint64(r.size);
  w.Key("mtime_ns");
  w.Int64(r.mtime_ns);
  w.Key("hash");
  json::Str(w, r.hash);
  if (!r.added.empty()) {
    w.Key("added");
    json::Str(w, r.added);
  }
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
