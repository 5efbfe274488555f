// Answers a delegate can trust and cite (issue 14), end to end: the real
// cstd-indexer builds an index of the CSTD documents (with the catalogue of
// their symbols, data/catalogues/cstd-corpus.csv), five General Debate
// speeches of the UNGDC (with its speakers.csv) and the sample archive, and
// the real cstd-searchd answers on a loopback port.

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "query/http_client.h"
#include "tests/support/process.h"

namespace cstd::testing {
namespace {

namespace fs = std::filesystem;

// The paragraph of the 2022 panel report where several delegations speak:
// Iran's statement and the Dominican Republic's among others.
constexpr char kPanel[] = "001_9fb1818520dbe4d0";
constexpr char kManyStatements[] = "001_9fb1818520dbe4d0-26";

class TrustApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served_ = new ServedIndex();
    const std::string ungdc = std::string(CSTD_SHARED_DIR) + "/corpus/ungdc";
    const std::string speeches = served_->path() + "/ungdc";
    fs::create_directories(speeches);
    const RunResult untar = RunCommand(
        {"/usr/bin/tar", "-I", "zstd", "-xf", ungdc + "/ungdc-1946-2023.tar.zst", "-C", speeches,
         "TXT/Session 74 - 2019/JPN_74_2019.txt", "TXT/Session 74 - 2019/IRN_74_2019.txt",
         "TXT/Session 74 - 2019/DOM_74_2019.txt", "TXT/Session 75 - 2020/IND_75_2020.txt",
         "TXT/Session 78 - 2023/BRA_78_2023.txt"});
    ASSERT_EQ(untar.exit_code, 0) << untar.err;
    const RunResult build = RunCommand(
        {ProgramPath("cstd-indexer"), "build", "--index", served_->index(), SharedCorpus(), speeches + "/TXT",
         SampleArchive(), "--metadata", ungdc + "/speakers.csv", "--metadata",
         std::string(CSTD_SOURCE_DIR) + "/data/catalogues/cstd-corpus.csv"});
    ASSERT_EQ(build.exit_code, 0) << build.err;
    served_->Serve();
  }
  static void TearDownTestSuite() { delete served_; }

  static query::HttpResult Get(const std::string& target) {
    return query::HttpGet(served_->server().host(), served_->server().port(), target);
  }
  static rapidjson::Document Json(const std::string& target, int status = 200) {
    const query::HttpResult r = Get(target);
    EXPECT_EQ(r.status, status) << target << "\n" << r.body;
    rapidjson::Document d;
    d.Parse(r.body.c_str());
    EXPECT_FALSE(d.HasParseError()) << r.body;
    return d;
  }
  static std::string Search(const std::string& q, const std::string& more = "") {
    return "/v1/search?q=" + query::UrlEncode(q) + more;
  }
  static const rapidjson::Value* HitOf(const rapidjson::Document& d, const std::string& passage_id) {
    for (const auto& hit : d["hits"].GetArray()) {
      if (passage_id == hit["passage_id"].GetString()) return &hit;
    }
    return nullptr;
  }
  // A snippet's text: marks, ellipses and the escapes the page decodes gone.
  static std::string Plain(std::string s) {
    for (const std::string from : {"<mark>", "</mark>", "\u2026"}) {
      for (size_t at = s.find(from); at != std::string::npos; at = s.find(from)) s.erase(at, from.size());
    }
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
      for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
        s.replace(at, from.size(), to);
      }
    }
    return s;
  }

  static ServedIndex* served_;
};

ServedIndex* TrustApiTest::served_ = nullptr;

// 1. A hit inside a paragraph of several statements is the statement of
// the delegation asked for: its snippet, its delegations; the paragraph
// still counts once.
TEST_F(TrustApiTest, AHitIsTheStatementOfTheDelegationAskedFor) {
  const rapidjson::Document document = Json(std::string("/v1/documents/") + kPanel);
  const rapidjson::Value* paragraph = nullptr;
  for (const auto& p : document["paragraphs"].GetArray()) {
    if (std::string(p["passage_id"].GetString()) == kManyStatements) paragraph = &p;
  }
  ASSERT_NE(paragraph, nullptr);
  ASSERT_GE((*paragraph)["statements"].Size(), 3u);
  std::map<std::string, rapidjson::SizeType> seen;  // delegation -> statement
  for (const char* code : {"IRN", "DOM"}) {
    const rapidjson::Document d = Json(Search("internet governance", std::string("&country=") + code));
    const rapidjson::Value* hit = HitOf(d, kManyStatements);
    ASSERT_NE(hit, nullptr) << code;
    ASSERT_TRUE((*hit)["statement"].IsUint()) << code;
    const rapidjson::SizeType k = (*hit)["statement"].GetUint();
    const rapidjson::Value& statement = (*paragraph)["statements"][k];
    ASSERT_EQ(statement["countries"].Size(), 1u);
    EXPECT_STREQ(statement["countries"][0].GetString(), code);
    // The hit speaks for that delegation alone, in that statement's words.
    ASSERT_EQ((*hit)["countries"].Size(), 1u) << code;
    EXPECT_STREQ((*hit)["countries"][0]["code"].GetString(), code);
    const std::string words = Plain((*hit)["snippet"].GetString());
    EXPECT_NE(std::string(statement["text"].GetString()).find(words), std::string::npos)
        << code << ": " << words;
    seen[code] = k;
    // Counted as the paragraph: the total is the country facet's count.
    for (const auto& v : d["facets"]["country"].GetArray()) {
      if (std::string(v["value"].GetString()) == code) {
        EXPECT_EQ(v["count"].GetUint64(), d["total"].GetUint64());
      }
    }
  }
  EXPECT_NE(seen["IRN"], seen["DOM"]);
  // Asked for no one, the paragraph's words are in several statements: the
  // hit is the paragraph, with every delegation.
  const rapidjson::Document all = Json(Search("internet governance"));
  const rapidjson::Value* whole = HitOf(all, kManyStatements);
  ASSERT_NE(whole, nullptr);
  EXPECT_TRUE((*whole)["statement"].IsNull());
  EXPECT_GE((*whole)["countries"].Size(), 2u);
}

// 2. A suggestion replaces only words the index hardly has, and only when it
// finds more under the same filters.
TEST_F(TrustApiTest, SuggestionsAreHonest) {
  const rapidjson::Document typo = Json(Search("internet govrnance"));
  EXPECT_EQ(typo["total"].GetUint64(), 0u);
  ASSERT_TRUE(typo["suggestion"].IsString());
  EXPECT_STREQ(typo["suggestion"].GetString(), "internet governance");
  // Spelt well, frequent, numbers, another language: nothing to correct.
  for (const std::string& target :
       {Search("internet governance", "&country=JPN"), Search("\"1.3 billion people\""),
        Search("desarrollo sostenible"), Search("internet governance", "&country=IRN")}) {
    const rapidjson::Document d = Json(target);
    EXPECT_TRUE(d["suggestion"].IsNull()) << target << ": " << d["suggestion"].GetString();
  }
  // Whenever there is one, it finds more than the query, under the filters.
  for (const std::string filters : {"", "&country=JPN", "&country=BRA", "&year=2022"}) {
    for (const std::string q : {"internet govrnance", "digitl divide", "climte change", "sustainible development"}) {
      const rapidjson::Document d = Json(Search(q, filters));
      if (!d["suggestion"].IsString()) continue;
      const rapidjson::Document s = Json(Search(d["suggestion"].GetString(), filters));
      EXPECT_GT(s["total"].GetUint64(), d["total"].GetUint64()) << q << filters;
    }
  }
  EXPECT_TRUE(Json(Search("internet govrnance", "&country=KEN&year=2019"))["suggestion"].IsNull());
}

// 3. The word as typed ranks above its stem alone; the words of a
// multi-word query together rank above the words apart.
TEST_F(TrustApiTest, ExactFormsAndCloseWordsRankFirst) {
  const rapidjson::Document d = Json(Search("governance", "&per_page=10"));
  ASSERT_EQ(d["hits"].Size(), 10u);
  for (const auto& hit : d["hits"].GetArray()) {
    std::string snippet = hit["snippet"].GetString();
    std::transform(snippet.begin(), snippet.end(), snippet.begin(), [](unsigned char c) { return std::tolower(c); });
    EXPECT_NE(snippet.find("<mark>governance</mark>"), std::string::npos) << snippet;
  }
  const rapidjson::Document two = Json(Search("internet governance", "&per_page=3"));
  for (const auto& hit : two["hits"].GetArray()) {
    std::string snippet = hit["snippet"].GetString();
    std::transform(snippet.begin(), snippet.end(), snippet.begin(), [](unsigned char c) { return std::tolower(c); });
    EXPECT_NE(snippet.find("<mark>internet</mark> <mark>governance</mark>"), std::string::npos) << snippet;
  }
}

// 4. The query language's corners.
TEST_F(TrustApiTest, TheQueryLanguagesCornersMeanWhatAUserMeans) {
  const uint64_t all = Json("/v1/search?q=&per_page=1")["total"].GetUint64();
  const uint64_t climate = Json(Search("climate", "&per_page=1"))["total"].GetUint64();
  ASSERT_GT(climate, 0u);
  for (const std::string q : {"-climate", "NOT climate"}) {
    const rapidjson::Document d = Json(Search(q, "&per_page=100"));
    EXPECT_EQ(d["total"].GetUint64(), all - climate) << q;
    for (const auto& hit : d["hits"].GetArray()) {
      EXPECT_EQ(std::string(hit["snippet"].GetString()).find("<mark>"), std::string::npos) << q;
    }
  }
  EXPECT_EQ(Json(Search("*", "&per_page=1"))["total"].GetUint64(), all);
  // A field value that cannot be valid is the parameter's 400.
  for (const auto& [q, field] : std::vector<std::pair<std::string, std::string>>{
           {"year:abc", "year"}, {"session:x..y", "session"}, {"type:memo", "type"}, {"climate year:20x", "year"}}) {
    const rapidjson::Document d = Json(Search(q), 400);
    EXPECT_NE(std::string(d["error"]["message"].GetString()).find(field), std::string::npos) << q;
  }
  // No answer quotes Xapian.
  for (const std::string q : {"AND", "climate AND", "(((", "NOT", "climate NOT", "a OR OR b", "\"unclosed"}) {
    const query::HttpResult r = Get(Search(q));
    EXPECT_TRUE(r.status == 200 || r.status == 400) << q;
    for (const char* xapian : {"Syntax", "<expression>", "QueryParser", "Xapian"}) {
      EXPECT_EQ(r.body.find(xapian), std::string::npos) << q << ": " << r.body;
    }
  }
}

TEST_F(TrustApiTest, APastedParagraphFindsStatementsLikeIt) {
  // A long paragraph of the panel report, pasted whole (some 3 KB).
  const rapidjson::Document document = Json(std::string("/v1/documents/") + kPanel);
  std::string pasted, passage;
  for (const auto& p : document["paragraphs"].GetArray()) {
    if (std::string(p["text"].GetString()).size() > pasted.size()) {
      pasted = p["text"].GetString();
      passage = p["passage_id"].GetString();
    }
  }
  ASSERT_GT(pasted.size(), 1200u);
  const rapidjson::Document d = Json(Search(pasted, "&per_page=5"));
  ASSERT_TRUE(d["like_this"].IsArray());
  EXPECT_GE(d["like_this"].Size(), 10u);
  EXPECT_LE(d["like_this"].Size(), 25u);
  ASSERT_GT(d["hits"].Size(), 0u);
  EXPECT_EQ(d["hits"][0]["passage_id"].GetString(), passage);
  EXPECT_TRUE(d["suggestion"].IsNull());
  // Up to 8 KB is accepted; more is a 400 naming the limit.
  std::string long_text;
  while (long_text.size() + pasted.size() + 1 <= 8192) long_text += pasted + " ";
  EXPECT_EQ(Get(Search(long_text)).status, 200) << long_text.size();
  const rapidjson::Document over = Json(Search(long_text + pasted), 400);
  EXPECT_NE(std::string(over["error"]["message"].GetString()).find("max_query_bytes"), std::string::npos);
  // An ordinary query is no paragraph.
  EXPECT_TRUE(Json(Search("digital divide"))["like_this"].IsNull());
}

// 5. Every hit and paragraph cites itself; speeches are numbered; a
// document is shown by its title and symbol, never its file's name.
TEST_F(TrustApiTest, HitsAndParagraphsAreCitable) {
  const rapidjson::Document iran = Json(Search("internet governance", "&country=IRN"));
  const rapidjson::Value* hit = HitOf(iran, kManyStatements);
  ASSERT_NE(hit, nullptr);
  EXPECT_STREQ((*hit)["citation"].GetString(), "E/CN.16/2022/CRP.1, para. 26");

  const rapidjson::Document japan = Json("/v1/search?q=&country=JPN&per_page=100&sort=date_asc");
  ASSERT_GT(japan["hits"].Size(), 10u);
  for (const auto& h : japan["hits"].GetArray()) {
    ASSERT_TRUE(h["paragraph"].IsInt());
    EXPECT_EQ(std::string(h["citation"].GetString()),
              "Japan, General Debate, 74th session (2019), para. " + std::to_string(h["paragraph"].GetInt()));
  }
  const rapidjson::Document development = Json("/v1/search?q=development&per_page=100");
  for (const auto& h : development["hits"].GetArray()) {
    EXPECT_GT(std::string(h["citation"].GetString()).size(), 10u) << h["passage_id"].GetString();
  }
  // The document view: every paragraph numbered (a speech, by position)
  // and cited; the title is no file name.
  for (const char* doc_id : {"jpn_74_2019", "speech-ken-2022", "004_2acf0993792d3d8c", "submission-2024-itu"}) {
    const rapidjson::Document d = Json(std::string("/v1/documents/") + doc_id);
    const std::string title = d["document"]["title"].GetString();
    EXPECT_NE(title, doc_id);
    EXPECT_EQ(title.find(".txt"), std::string::npos);
    for (const auto& p : d["paragraphs"].GetArray()) {
      ASSERT_TRUE(p.HasMember("citation")) << doc_id;
      EXPECT_GT(std::string(p["citation"].GetString()).size(), 10u);
    }
  }
  const rapidjson::Document speech = Json("/v1/documents/jpn_74_2019");
  int n = 0;
  for (const auto& p : speech["paragraphs"].GetArray()) EXPECT_EQ(p["number"].GetInt(), ++n);
  EXPECT_STREQ(speech["paragraphs"][1]["citation"].GetString(), "Japan, General Debate, 74th session (2019), para. 2");
  EXPECT_STREQ(Json("/v1/documents/004_2acf0993792d3d8c")["document"]["symbol"].GetString(), "E/CN.16/2024/CRP.2");
}

// 6. Grouped by document, the facets count documents, as the total does.
TEST_F(TrustApiTest, GroupedByDocumentTheFacetsCountDocuments) {
  for (const std::string q : {"internet governance", "development", ""}) {
    const rapidjson::Document d = Json(Search(q, "&group=document&facets=year,type,country"));
    const uint64_t total = d["total"].GetUint64();
    ASSERT_GT(total, 1u) << q;
    for (const char* field : {"year", "type"}) {  // one value per document
      uint64_t sum = 0;
      for (const auto& v : d["facets"][field].GetArray()) sum += v["count"].GetUint64();
      EXPECT_EQ(sum, total) << q << " " << field;
    }
    for (const auto& v : d["facets"]["country"].GetArray()) EXPECT_LE(v["count"].GetUint64(), total);
  }
}

// 7. The sample's speech speaks for its delegation.
TEST_F(TrustApiTest, TheSampleSpeechIsKenyas) {
  const rapidjson::Document d = Json("/v1/search?q=&country=KEN&type=speech&per_page=20");
  EXPECT_EQ(d["total"].GetUint64(), 6u);
  for (const auto& hit : d["hits"].GetArray()) {
    EXPECT_STREQ(hit["doc_id"].GetString(), "speech-ken-2022");
    EXPECT_EQ(std::string(hit["citation"].GetString()).rfind("Kenya, statement, 25th session of the CSTD (2022), para. ", 0),
              0u);
  }
}

// 8. Words found through an acronym are marked like the words typed.
TEST_F(TrustApiTest, AcronymExpansionsAreMarked) {
  const rapidjson::Document d = Json(Search("WSIS", "&per_page=100"));
  bool marked = false;
  for (const auto& hit : d["hits"].GetArray()) {
    std::string snippet = hit["snippet"].GetString();
    std::transform(snippet.begin(), snippet.end(), snippet.begin(), [](unsigned char c) { return std::tolower(c); });
    marked = marked || snippet.find("<mark>world summit on the information society</mark>") != std::string::npos;
  }
  EXPECT_TRUE(marked);
  const rapidjson::Document doc = Json(std::string("/v1/documents/") + kPanel + "?q=WSIS");
  std::vector<std::string> highlight;
  for (const auto& v : doc["highlight"].GetArray()) highlight.emplace_back(v.GetString());
  EXPECT_NE(std::find(highlight.begin(), highlight.end(), "world summit on the information society"), highlight.end());
  EXPECT_EQ(Json(std::string("/v1/documents/") + kPanel)["highlight"].Size(), 0u);
}

}  // namespace
}  // namespace cstd::testing
