#include "query/api_json.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>
#include <vector>

namespace cstd::query {
namespace {

rapidjson::Document Parse(const std::string& text) {
  rapidjson::Document json;
  json.Parse(text.c_str());
  EXPECT_FALSE(json.HasParseError()) << text;
  return json;
}

TEST(ApiJsonTest, HealthAndErrorsAreTheContractObjects) {
  EXPECT_EQ(HealthToJson(3, 41, "gen-000002", {}),
            R"({"status":"ok","index":{"documents":3,"passages":41,"generation":"gen-000002"},"partial":null})");
  // Over shards served partially: the shards left out, by their searchd.
  EXPECT_EQ(HealthToJson(2, 30, "gen-000002,gen-000001", {{"127.0.0.1:8082", "shard 2/3 is unavailable"}}),
            R"({"status":"ok","index":{"documents":2,"passages":30,"generation":"gen-000002,gen-000001"},)"
            R"("partial":{"missing_shards":["127.0.0.1:8082"]}})");
  EXPECT_EQ(ErrorToJson("bad_request", "per_page=1000: \"too\" many"),
            R"({"error":{"code":"bad_request","message":"per_page=1000: \"too\" many"}})");
}

// Numeric fields' values are JSON numbers; a label is written only when
// there is one.
TEST(ApiJsonTest, FacetValuesAreNumbersForNumericFieldsAndLabelledWhenLabelled) {
  const FacetResult years{FacetField::kYear, {{"2024", "", 7}, {"1999", "", 1}}};
  EXPECT_EQ(FacetValuesToJson("year", "", years, {}),
            R"({"field":"year","prefix":"","values":[{"value":2024,"count":7},{"value":1999,"count":1}],"partial":null})");
  const FacetResult countries{FacetField::kCountry, {{"BRA", "Brazil", 2}}};
  EXPECT_EQ(FacetValuesToJson("country", "bra", countries, {}),
            R"({"field":"country","prefix":"bra","values":[{"value":"BRA","label":"Brazil","count":2}],"partial":null})");
}

// A document's speakers are its statements' speakers, each once, in order;
// the document names its original by URL and format, never by server path.
TEST(ApiJsonTest, ADocumentListsItsSpeakersOnceAndNamesItsOriginalByUrl) {
  Document d;
  d.id = "report";
  d.source = "/srv/archive/report.pdf";
  d.title = "A report";
  Speaker a{"ann-ames", "Ann Ames", {}, {}, {}, "BRA", {}};
  Speaker b{"bo-berg", "Bo Berg", {}, {}, {}, "SWE", {}};
  std::vector<Passage> passages(2);
  passages[0].passage_id = "report-1";
  passages[0].paragraph.statements = {Statement{"One.", {a, b}, {"BRA", "SWE"}}};
  passages[1].passage_id = "report-2";
  passages[1].paragraph.statements = {Statement{"Two.", {b, a}, {"SWE", "BRA"}}};
  d.symbol = "E/CN.16/2099/2";
  passages[0].paragraph.number = 7;
  const std::string text = DocumentToJson(d, passages, "/v1/documents/report/original", {"WSIS"});
  EXPECT_EQ(text.find("/srv/archive"), std::string::npos) << text;
  const auto json = Parse(text);
  EXPECT_STREQ(json["document"]["id"].GetString(), "report");
  EXPECT_STREQ(json["document"]["original"].GetString(), "/v1/documents/report/original");
  EXPECT_STREQ(json["document"]["format"].GetString(), "pdf");
  EXPECT_FALSE(json["document"].HasMember("source"));
  ASSERT_EQ(json["paragraphs"].Size(), 2u);
  EXPECT_STREQ(json["paragraphs"][1]["passage_id"].GetString(), "report-2");
  ASSERT_EQ(json["speakers"].Size(), 2u);
  EXPECT_STREQ(json["speakers"][0]["id"].GetString(), "ann-ames");
  EXPECT_STREQ(json["speakers"][1]["id"].GetString(), "bo-berg");
  ASSERT_EQ(json["highlight"].Size(), 1u);
  EXPECT_STREQ(json["highlight"][0].GetString(), "WSIS");
  EXPECT_TRUE(json["paragraphs"][0].HasMember("citation"));

  d.source = "/srv/archive/report.doc";
  const auto bare = Parse(DocumentToJson(d, {}, "/x", {}));
  EXPECT_TRUE(bare["document"]["format"].IsNull());
  EXPECT_EQ(bare["highlight"].Size(), 0u);
}

TEST(ApiJsonTest, AProfileWritesItsListsAsFacetValues) {
  Profile p;
  p.kind = FacetField::kCountry;
  p.id = "BRA";
  p.name = "Brazil";
  p.names = {"Brazil", "Federative Republic of Brazil"};
  p.passages = 3;
  p.documents = 2;
  p.first_year = 2001;
  p.last_year = 2024;
  p.sessions = {{27, 2024, 2, 1}, {std::nullopt, 2001, 1, 1}};
  p.action_lines = {{"C5", "", 2}};
  p.speakers = {{"ann-ames", "Ann Ames", 1}};
  p.topics = {{"broadband", 1.23456}};
  const auto json = Parse(ProfileToJson(p));
  EXPECT_STREQ(json["kind"].GetString(), "country");
  EXPECT_EQ(json["names"].Size(), 2u);
  EXPECT_TRUE(json["sessions"][1]["session"].IsNull());
  EXPECT_EQ(json["sessions"][0]["session"].GetInt(), 27);
  EXPECT_STREQ(json["action_lines"][0]["value"].GetString(), "C5");
  EXPECT_FALSE(json["action_lines"][0].HasMember("label"));
  EXPECT_STREQ(json["speakers"][0]["label"].GetString(), "Ann Ames");
  EXPECT_EQ(json["countries"].Size(), 0u);
  EXPECT_DOUBLE_EQ(json["topics"][0]["weight"].GetDouble(), 1.234);
}

}  // namespace
}  // namespace cstd::query
