#include "model/document_json.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>

#include "model/errors.h"

namespace cstd {
namespace {

Speaker FullSpeaker() {
  return Speaker{"wolfgang-kleinwachter", "Wolfgang Kleinwächter", "Mr.", "Professor", "University of Aarhus", "DEU", std::nullopt};
}

Speaker BareSpeaker() {
  return Speaker{"anon", "Anon", std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
}

Paragraph FullParagraph() {
  Paragraph p;
  p.number = 12;
  p.section = "III. Opening";
  p.text = "Text with \"quotes\", <angle> & a tab\tand é.";
  p.speakers = {"Wolfgang Kleinwächter"};
  p.countries = {"DEU", "BRA"};
  p.action_lines = {"C5", "C7eGov"};
  p.statements = {Statement{"First part.", {FullSpeaker(), BareSpeaker()}, {"DEU"}}, Statement{"Second part.", {}, {}}};
  return p;
}

Document FullDocument() {
  Document d;
  d.id = "e-cn16-2024-2";
  d.source = "/archive/E_CN16_2024_2.txt";
  d.body = "CSTD";
  d.symbol = "E/CN.16/2024/2";
  d.title = "Progress made in the implementation";
  d.type = "sg-report";
  d.session = 27;
  d.year = 2024;
  d.date = "2024-02-20";
  d.meeting = Meeting{"Geneva", "2024-04-15", "2024-04-19"};
  d.author = "UNCTAD secretariat";
  d.action_lines = {"C1", "C11"};
  return d;
}

Document EmptyDocument() {
  Document d;
  d.id = "x";
  d.title = "Untitled";
  d.type = "other";
  return d;
}

void ExpectSpeakerEq(const Speaker& a, const Speaker& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.honorific, b.honorific);
  EXPECT_EQ(a.role, b.role);
  EXPECT_EQ(a.affiliation, b.affiliation);
  EXPECT_EQ(a.country, b.country);
}

void ExpectParagraphEq(const Paragraph& a, const Paragraph& b) {
  EXPECT_EQ(a.number, b.number);
  EXPECT_EQ(a.section, b.section);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.speakers, b.speakers);
  EXPECT_EQ(a.countries, b.countries);
  EXPECT_EQ(a.action_lines, b.action_lines);
  ASSERT_EQ(a.statements.size(), b.statements.size());
  for (size_t i = 0; i < a.statements.size(); ++i) {
    EXPECT_EQ(a.statements[i].text, b.statements[i].text);
    EXPECT_EQ(a.statements[i].countries, b.statements[i].countries);
    ASSERT_EQ(a.statements[i].speakers.size(), b.statements[i].speakers.size());
    for (size_t k = 0; k < a.statements[i].speakers.size(); ++k) {
      ExpectSpeakerEq(a.statements[i].speakers[k], b.statements[i].speakers[k]);
    }
  }
}

void ExpectDocumentEq(const Document& a, const Document& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.body, b.body);
  EXPECT_EQ(a.symbol, b.symbol);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(a.session, b.session);
  EXPECT_EQ(a.year, b.year);
  EXPECT_EQ(a.date, b.date);
  ASSERT_EQ(a.meeting.has_value(), b.meeting.has_value());
  if (a.meeting) {
    EXPECT_EQ(a.meeting->place, b.meeting->place);
    EXPECT_EQ(a.meeting->start, b.meeting->start);
    EXPECT_EQ(a.meeting->end, b.meeting->end);
  }
  EXPECT_EQ(a.author, b.author);
  EXPECT_EQ(a.action_lines, b.action_lines);
}

void ExpectPassageEq(const Passage& a, const Passage& b) {
  EXPECT_EQ(a.doc_id, b.doc_id);
  EXPECT_EQ(a.passage_id, b.passage_id);
  EXPECT_EQ(a.ordinal, b.ordinal);
  ExpectParagraphEq(a.paragraph, b.paragraph);
  EXPECT_EQ(a.body, b.body);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.symbol, b.symbol);
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(a.session, b.session);
  EXPECT_EQ(a.year, b.year);
  EXPECT_EQ(a.date, b.date);
}

TEST(DocumentJsonTest, PassageRoundTripsWithAllFields) {
  Passage p;
  p.doc_id = "e-cn16-2024-2";
  p.passage_id = "e-cn16-2024-2-3";
  p.ordinal = 3;
  p.paragraph = FullParagraph();
  p.body = "CSTD";
  p.title = "A title";
  p.symbol = "E/CN.16/2024/2";
  p.type = "sg-report";
  p.session = 27;
  p.year = 2024;
  p.date = "2024-02-20";
  ExpectPassageEq(DecodePassage(EncodePassage(p)), p);
}

TEST(DocumentJsonTest, PassageRoundTripsWithNulls) {
  Passage p;
  p.doc_id = "d";
  p.passage_id = "d-1";
  p.ordinal = 1;
  p.paragraph.text = "Only text.";
  p.paragraph.statements = {Statement{"Only text.", {BareSpeaker()}, {}}};
  p.type = "other";
  const std::string encoded = EncodePassage(p);
  EXPECT_NE(encoded.find("\"symbol\":null"), std::string::npos) << encoded;
  EXPECT_NE(encoded.find("\"number\":null"), std::string::npos) << encoded;
  const Passage decoded = DecodePassage(encoded);
  ExpectPassageEq(decoded, p);
  EXPECT_FALSE(decoded.paragraph.number.has_value());
  EXPECT_FALSE(decoded.session.has_value());
  EXPECT_FALSE(decoded.date.has_value());
}

TEST(DocumentJsonTest, DocumentRoundTrips) {
  for (const Document& d : {FullDocument(), EmptyDocument()}) {
    SCOPED_TRACE(d.id);
    ExpectDocumentEq(DecodeDocument(EncodeDocument(d)), d);
  }
  const Document empty = DecodeDocument(EncodeDocument(EmptyDocument()));
  EXPECT_FALSE(empty.meeting.has_value());
  EXPECT_FALSE(empty.symbol.has_value());
  EXPECT_FALSE(empty.author.has_value());
}

TEST(DocumentJsonTest, MeetingWithNullDatesRoundTrips) {
  Document d = EmptyDocument();
  d.meeting = Meeting{"", std::nullopt, "2021-11-19"};
  const Document decoded = DecodeDocument(EncodeDocument(d));
  ASSERT_TRUE(decoded.meeting.has_value());
  EXPECT_EQ(decoded.meeting->place, "");
  EXPECT_FALSE(decoded.meeting->start.has_value());
  EXPECT_EQ(decoded.meeting->end, "2021-11-19");
}

TEST(DocumentJsonTest, ExtractedToJsonHasContractKeys) {
  ExtractedDocument doc;
  doc.document = FullDocument();
  doc.paragraphs = {FullParagraph()};
  doc.speakers = {FullSpeaker()};
  doc.warnings = {"paragraph 2 had lost its number"};
  const std::string text = ExtractedToJson(doc);
  rapidjson::Document json;
  json.Parse(text.c_str());
  ASSERT_FALSE(json.HasParseError()) << text;
  ASSERT_TRUE(json.IsObject());
  for (const char* key : {"document", "paragraphs", "speakers", "warnings"}) {
    EXPECT_TRUE(json.HasMember(key)) << key;
  }
  EXPECT_EQ(json.MemberCount(), 4u);

  const auto& d = json["document"];
  for (const char* key : {"id", "source", "body", "symbol", "title", "type", "session", "year", "date", "meeting",
                          "author", "action_lines"}) {
    EXPECT_TRUE(d.HasMember(key)) << "document." << key;
  }
  EXPECT_STREQ(d["symbol"].GetString(), "E/CN.16/2024/2");
  EXPECT_EQ(d["session"].GetInt(), 27);
  EXPECT_STREQ(d["meeting"]["place"].GetString(), "Geneva");

  ASSERT_TRUE(json["paragraphs"].IsArray());
  ASSERT_EQ(json["paragraphs"].Size(), 1u);
  const auto& p = json["paragraphs"][0];
  for (const char* key : {"number", "section", "text", "speakers", "countries", "action_lines", "statements"}) {
    EXPECT_TRUE(p.HasMember(key)) << "paragraph." << key;
  }
  EXPECT_EQ(p["number"].GetInt(), 12);
  EXPECT_EQ(std::string(p["text"].GetString()), FullParagraph().text);
  ASSERT_EQ(p["statements"].Size(), 2u);
  EXPECT_EQ(p["statements"][0]["speakers"].Size(), 2u);
  EXPECT_TRUE(p["statements"][0]["speakers"][1]["honorific"].IsNull());

  ASSERT_EQ(json["speakers"].Size(), 1u);
  const auto& s = json["speakers"][0];
  for (const char* key : {"id", "name", "honorific", "role", "affiliation", "country"}) {
    EXPECT_TRUE(s.HasMember(key)) << "speaker." << key;
  }
  ASSERT_EQ(json["warnings"].Size(), 1u);
  EXPECT_STREQ(json["warnings"][0].GetString(), "paragraph 2 had lost its number");
}

TEST(DocumentJsonTest, ExtractedToJsonWritesNullsForAbsentFields) {
  ExtractedDocument doc;
  doc.document = EmptyDocument();
  const std::string text = ExtractedToJson(doc);
  rapidjson::Document json;
  json.Parse(text.c_str());
  ASSERT_FALSE(json.HasParseError()) << text;
  const auto& d = json["document"];
  for (const char* key : {"symbol", "session", "year", "date", "meeting", "author"}) {
    EXPECT_TRUE(d[key].IsNull()) << key;
  }
  EXPECT_TRUE(json["paragraphs"].IsArray());
  EXPECT_EQ(json["paragraphs"].Size(), 0u);
}

TEST(DocumentJsonTest, DecodeOfGarbageThrowsIndexError) {
  for (const char* garbage : {"", "not json", "{\"doc_id\":", "[1,2,3]", "42", "{\"doc_id\":\"d\"}"}) {
    EXPECT_THROW(DecodePassage(garbage), IndexError) << garbage;
  }
  for (const char* garbage : {"", "{{", "\"a string\""}) {
    EXPECT_THROW(DecodeDocument(garbage), IndexError) << garbage;
  }
}

}  // namespace
}  // namespace cstd
