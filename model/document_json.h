// JSON forms of the document model.
//
// - WriteExtracted: the inspect JSON of the contract ({"document", "paragraphs",
//   "speakers", "warnings"}).
// - Passage records: what the index stores per passage (the paragraph with its
//   attribution, plus the document fields a hit shows), so that a search hit
//   is served from one record.
// - Document records: the "document" object, stored once per document.

#ifndef CSTD_MODEL_DOCUMENT_JSON_H_
#define CSTD_MODEL_DOCUMENT_JSON_H_

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "model/document.h"

namespace cstd {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Small helpers for RapidJSON writers (compact or pretty).
namespace json {

template <typename W>
void Str(W& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

/// A string, or null when absent.
template <typename W>
void OptStr(W& w, const std::optional<std::string>& s) {
  if (s) {
    Str(w, *s);
  } else {
    w.Null();
  }
}

/// An integer, or null when absent.
template <typename W>
void OptInt(W& w, const std::optional<int>& v) {
  if (v) {
    w.Int(*v);
  } else {
    w.Null();
  }
}

template <typename W>
void StrList(W& w, const std::vector<std::string>& list) {
  w.StartArray();
  for (const auto& s : list) Str(w, s);
  w.EndArray();
}

/// Writes the member `key` of the object being written, with its value: a
/// string (std::string, string_view, literal), an optional string or int
/// (null when absent), a list of strings, a bool, an integer or a double.
/// One line per member, whatever the value's kind, so a writer reads as the
/// list of its members.
template <typename W, typename V>
void Member(W& w, std::string_view key, const V& value) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  if constexpr (std::is_same_v<V, bool>) {
    w.Bool(value);
  } else if constexpr (std::is_integral_v<V> && std::is_signed_v<V>) {
    w.Int64(static_cast<int64_t>(value));
  } else if constexpr (std::is_integral_v<V>) {
    w.Uint64(static_cast<uint64_t>(value));
  } else if constexpr (std::is_floating_point_v<V>) {
    w.Double(static_cast<double>(value));
  } else if constexpr (std::is_same_v<V, std::optional<std::string>>) {
    OptStr(w, value);
  } else if constexpr (std::is_same_v<V, std::optional<int>>) {
    OptInt(w, value);
  } else if constexpr (std::is_same_v<V, std::vector<std::string>>) {
    StrList(w, value);
  } else {
    Str(w, std::string_view(value));
  }
}

}  // namespace json

/// One indexed passage: a paragraph and the document fields a hit carries.
struct Passage {
  std::string doc_id;
  std::string passage_id;  // doc_id + "-" + ordinal; stable across rebuilds
  int ordinal = 0;         // 1-based position within the document
  Paragraph paragraph;
  /// Ids of paragraph.speakers, position for position: index-wide ids that
  /// may differ from names::SpeakerId(name) when a name was misspelt.
  std::vector<std::string> speaker_ids;
  // Copied from the document.
  std::string body;  // "CSTD", "UNGA"; empty in records written before it was stored
  std::string title;
  std::optional<std::string> symbol;
  std::string type;
  std::optional<int> session;
  std::optional<int> year;
  std::optional<std::string> date;
};

/// Writes the document fields a passage carries (title, symbol, type,
/// session, year, date) as keys of the object being written; shared by the
/// stored passage record and the API's hits so the two never drift apart.
void WritePassageDocumentFields(JsonWriter& w, const Passage& p);

/// Writes the document's fields as keys of the object being written, `id`
/// first and without `source`: what the HTTP API shows of a document, which
/// never names a path on the server. (Inspect and the stored record keep
/// `source`.)
void WriteDocumentFields(JsonWriter& w, const Document& d);
/// Writes a paragraph as inspect does; with a passage id, that comes first,
/// and with a citation, a `citation` key after the number (the document
/// view's, query/citation.h).
void WriteParagraph(JsonWriter& w, const Paragraph& p, std::string_view passage_id = {},
                    std::string_view citation = {});
void WriteSpeaker(JsonWriter& w, const Speaker& s);
/// Writes inferred action lines as an array of {code, evidence}: the form of
/// `action_lines_inferred` in inspect, the document view and search hits.
void WriteInferredActionLines(JsonWriter& w, const std::vector<InferredActionLine>& lines);

/// The inspect JSON of `doc`, pretty-printed.
std::string ExtractedToJson(const ExtractedDocument& doc);

std::string EncodePassage(const Passage& p);
/// Throws IndexError if `data` is not a passage record.
Passage DecodePassage(std::string_view data);

std::string EncodeDocument(const Document& d);

/// A SourceRecord as stored under schema::kMetaSourcePrefix.
std::string EncodeSourceRecord(const SourceRecord& r);
/// Throws IndexError if `data` is not one.
SourceRecord DecodeSourceRecord(std::string_view data);
/// Throws IndexError if `data` is not a document record.
Document DecodeDocument(std::string_view data);

}  // namespace cstd

#endif  // CSTD_MODEL_DOCUMENT_JSON_H_
