// The HTTP API end to end: index ../shared/corpus/cstd with the real
// cstd-indexer, start the real cstd-searchd on a free loopback port, and
// check its answers over HTTP.

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <map>
#include <memory>

#include "query/http_client.h"
#include "tests/support/process.h"
#include "tests/support/raw_http.h"

namespace cstd::testing {
namespace {

class SearchdApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served_ = new ServedIndex();
    index_ = served_->index();
    const RunResult build = BuildIndex(index_, SharedCorpus());
    ASSERT_EQ(build.exit_code, 0) << build.err;
    served_->Serve();
  }

  static void TearDownTestSuite() { delete served_; }

  static query::HttpResult Get(const std::string& target) {
    return query::HttpGet(served_->server().host(), served_->server().port(), target);
  }

  static rapidjson::Document Json(const query::HttpResult& r) {
    rapidjson::Document d;
    d.Parse(r.body.c_str());
    EXPECT_FALSE(d.HasParseError()) << r.body;
    EXPECT_NE(r.content_type.find("application/json"), std::string::npos);
    return d;
  }

  static ServedIndex* served_;
  static std::string index_;
};

ServedIndex* SearchdApiTest::served_ = nullptr;
std::string SearchdApiTest::index_;

TEST_F(SearchdApiTest, HealthReportsTheIndex) {
  const auto r = Get("/v1/health");
  ASSERT_EQ(r.status, 200);
  const auto d = Json(r);
  EXPECT_STREQ(d["status"].GetString(), "ok");
  EXPECT_EQ(d["index"]["documents"].GetUint64(), 4u);
  EXPECT_GT(d["index"]["passages"].GetUint64(), 100u);
  EXPECT_STREQ(d["index"]["generation"].GetString(), "gen-000001");
}

TEST_F(SearchdApiTest, SearchReturnsHighlightedHitsWithDocumentFields) {
  const auto r = Get("/v1/search?q=internet+governance");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto d = Json(r);
  ASSERT_GT(d["total"].GetUint64(), 0u);
  ASSERT_GT(d["hits"].Size(), 0u);
  EXPECT_STREQ(d["query"]["q"].GetString(), "internet governance");
  for (const auto& hit : d["hits"].GetArray()) {
    const std::string snippet = hit["snippet"].GetString();
    EXPECT_NE(snippet.find("<mark>"), std::string::npos) << snippet;
    EXPECT_TRUE(hit["doc_id"].IsString());
    EXPECT_TRUE(hit["title"].IsString());
    EXPECT_TRUE(hit.HasMember("session"));
    EXPECT_TRUE(hit.HasMember("year"));
    EXPECT_TRUE(hit.HasMember("paragraph"));
  }
  // The panel report of the 25th session discusses the Internet Governance
  // Forum in its numbered paragraphs.
  bool found = false;
  for (const auto& hit : d["hits"].GetArray()) {
    if (std::string(hit["doc_id"].GetString()) == "001_9fb1818520dbe4d0" && hit["paragraph"].IsInt()) {
      found = true;
      EXPECT_EQ(hit["session"].GetInt(), 25);
      EXPECT_EQ(hit["year"].GetInt(), 2022);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(SearchdApiTest, YearFilterNarrowsTheHits) {
  const auto all = Json(Get("/v1/search?q=WSIS"));
  const auto filtered = Json(Get("/v1/search?q=WSIS&year=2024"));
  ASSERT_GT(filtered["total"].GetUint64(), 0u);
  EXPECT_LT(filtered["total"].GetUint64(), all["total"].GetUint64());
  for (const auto& hit : filtered["hits"].GetArray()) EXPECT_EQ(hit["year"].GetInt(), 2024);
}

TEST_F(SearchdApiTest, PagingIsConsistent) {
  const auto page1 = Json(Get("/v1/search?q=development&per_page=5&page=1"));
  const auto page2 = Json(Get("/v1/search?q=development&per_page=5&page=2"));
  ASSERT_EQ(page1["hits"].Size(), 5u);
  ASSERT_GT(page2["hits"].Size(), 0u);
  EXPECT_STRNE(page1["hits"][0]["passage_id"].GetString(), page2["hits"][0]["passage_id"].GetString());
  EXPECT_EQ(page1["total"].GetUint64(), page2["total"].GetUint64());
}

// Facet counts over all passages, checked against counts computed
// independently from the extracted model (cstd-indexer inspect).
TEST_F(SearchdApiTest, FacetCountsMatchTheExtractedModel) {
  std::map<std::string, std::map<std::string, uint64_t>> want;
  for (const auto& entry : std::filesystem::directory_iterator(SharedCorpus())) {
    const RunResult r = RunCommand({ProgramPath("cstd-indexer"), "inspect", entry.path().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document model;
    model.Parse(r.out.c_str());
    const auto& doc = model["document"];
    for (const auto& p : model["paragraphs"].GetArray()) {
      if (doc["year"].IsInt()) ++want["year"][std::to_string(doc["year"].GetInt())];
      if (doc["session"].IsInt()) ++want["session"][std::to_string(doc["session"].GetInt())];
      ++want["type"][doc["type"].GetString()];
      for (const auto& c : p["countries"].GetArray()) ++want["country"][c.GetString()];
      // By default the action-line facet counts lines named and inferred;
      // in explicit mode, named ones.
      for (const auto& a : p["action_lines"].GetArray()) {
        ++want["action_line"][a.GetString()];
        ++want["action_line explicit"][a.GetString()];
      }
      for (const auto& a : p["action_lines_inferred"].GetArray()) ++want["action_line"][a["code"].GetString()];
    }
  }
  const auto d = Json(Get("/v1/search?q=&per_page=1"));
  const auto counts = [](const rapidjson::Value& values) {
    std::map<std::string, uint64_t> got;
    for (const auto& v : values.GetArray()) {
      got[v["value"].IsInt() ? std::to_string(v["value"].GetInt()) : v["value"].GetString()] = v["count"].GetUint64();
    }
    return got;
  };
  for (const char* field : {"year", "session", "type", "country", "action_line"}) {
    EXPECT_EQ(counts(d["facets"][field]), want[field]) << field;
  }
  const auto named = Json(Get("/v1/search?q=&per_page=1&action_line_mode=explicit"));
  EXPECT_EQ(counts(named["facets"]["action_line"]), want["action_line explicit"]);
  uint64_t tagged = 0, named_only = 0;
  for (const auto& [line, n] : want["action_line"]) tagged += n;
  for (const auto& [line, n] : want["action_line explicit"]) named_only += n;
  EXPECT_GT(tagged, 2 * named_only) << "the corpus is about its lines far more often than it names them";
  EXPECT_GE(want["country"].size(), 8u);  // the panel report names eight delegations
}

// The action_line filter, its facet and the action: field take the lines a
// passage names and those inferred from its topic; action_line_mode=explicit
// only the named ones. Every hit says which kind each of its lines is, and
// an inferred line carries its evidence.
TEST_F(SearchdApiTest, ActionLineFilterTakesInferredLinesUnlessExplicit) {
  const auto facet = Json(Get("/v1/search?q=&per_page=1&facets=action_line"));
  const auto named_facet = Json(Get("/v1/facets/action_line?action_line_mode=explicit&limit=20"));
  std::map<std::string, uint64_t> named_counts;
  for (const auto& v : named_facet["values"].GetArray()) named_counts[v["value"].GetString()] = v["count"].GetUint64();
  size_t lines_with_inferred_hits = 0;
  for (const auto& v : facet["facets"]["action_line"].GetArray()) {
    const std::string code = v["value"].GetString();
    const auto all = Json(Get("/v1/search?q=&per_page=100&action_line=" + code));
    EXPECT_EQ(all["total"].GetUint64(), v["count"].GetUint64()) << code;
    EXPECT_EQ(Json(Get("/v1/search?q=action:" + code + "&per_page=1"))["total"].GetUint64(), all["total"].GetUint64())
        << code;
    bool inferred_hit = false;
    for (const auto& hit : all["hits"].GetArray()) {
      bool named = false, inferred = false;
      for (const auto& a : hit["action_lines"].GetArray()) named = named || code == a.GetString();
      for (const auto& a : hit["action_lines_inferred"].GetArray()) {
        EXPECT_GT(a["evidence"].Size(), 0u) << hit["passage_id"].GetString();
        inferred = inferred || code == a["code"].GetString();
      }
      EXPECT_NE(named, inferred) << code << " in " << hit["passage_id"].GetString() << ": named or inferred, not both";
      inferred_hit = inferred_hit || inferred;
    }
    if (inferred_hit) ++lines_with_inferred_hits;

    const auto named = Json(Get("/v1/search?q=&per_page=100&action_line_mode=explicit&action_line=" + code));
    EXPECT_EQ(named["total"].GetUint64(), named_counts[code]) << code;
    EXPECT_LE(named["total"].GetUint64(), all["total"].GetUint64()) << code;
    EXPECT_STREQ(named["query"]["filters"]["action_line_mode"].GetString(), "explicit");
    for (const auto& hit : named["hits"].GetArray()) {
      bool has = false;
      for (const auto& a : hit["action_lines"].GetArray()) has = has || code == a.GetString();
      EXPECT_TRUE(has) << code << " not named in " << hit["passage_id"].GetString();
    }
    EXPECT_EQ(Json(Get("/v1/search?q=action:" + code + "&per_page=1&action_line_mode=explicit"))["total"].GetUint64(),
              named["total"].GetUint64())
        << code;
  }
  EXPECT_GE(lines_with_inferred_hits, 5u) << "the CSTD documents are about most lines without naming them";
}

TEST_F(SearchdApiTest, MultiSelectLeavesAFieldsOwnFilterOut) {
  const auto all = Json(Get("/v1/search?q=&facets=country"));
  const auto one = Json(Get("/v1/search?q=&country=IRN&facets=country,year"));
  EXPECT_LT(one["total"].GetUint64(), all["total"].GetUint64());
  // The country facet under a country filter equals the unfiltered one.
  ASSERT_EQ(one["facets"]["country"].Size(), all["facets"]["country"].Size());
  for (rapidjson::SizeType i = 0; i < all["facets"]["country"].Size(); ++i) {
    EXPECT_EQ(one["facets"]["country"][i]["count"].GetUint64(), all["facets"]["country"][i]["count"].GetUint64());
  }
  EXPECT_FALSE(one["facets"].HasMember("speaker"));
  uint64_t years = 0;
  for (const auto& v : one["facets"]["year"].GetArray()) years += v["count"].GetUint64();
  EXPECT_EQ(years, one["total"].GetUint64());  // the year facet follows the country filter
  for (const auto& v : all["facets"]["country"].GetArray()) {
    if (std::string(v["value"].GetString()) == "IRN") {
      EXPECT_STREQ(v["label"].GetString(), "Iran");
    }
  }
}

TEST_F(SearchdApiTest, DocumentHasMetadataAndAttributedParagraphs) {
  const auto r = Get("/v1/documents/001_9fb1818520dbe4d0");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto d = Json(r);
  EXPECT_EQ(d["document"]["session"].GetInt(), 25);
  EXPECT_STREQ(d["document"]["meeting"]["place"].GetString(), "Geneva");
  bool found = false;
  for (const auto& p : d["paragraphs"].GetArray()) {
    ASSERT_TRUE(p["passage_id"].IsString());
    if (!p["number"].IsInt() || p["number"].GetInt() != 26) continue;
    found = true;
    std::vector<std::string> countries;
    for (const auto& c : p["countries"].GetArray()) countries.push_back(c.GetString());
    EXPECT_EQ(countries, (std::vector<std::string>{"IRN", "DOM"}));
    EXPECT_GE(p["statements"].Size(), 2u);
  }
  EXPECT_TRUE(found);
  EXPECT_GE(d["speakers"].Size(), 19u);
}

TEST_F(SearchdApiTest, FacetEndpointCompletesPrefixes) {
  const auto d = Json(Get("/v1/facets/speaker?prefix=pe"));
  ASSERT_EQ(d["values"].Size(), 1u);
  EXPECT_STREQ(d["values"][0]["value"].GetString(), "peter-major");
  EXPECT_STREQ(d["values"][0]["label"].GetString(), "Peter Major");
  EXPECT_EQ(d["values"][0]["count"].GetUint64(), 2u);
  const auto countries = Json(Get("/v1/facets/country?prefix=the&q=development"));
  for (const auto& v : countries["values"].GetArray()) EXPECT_GT(v["count"].GetUint64(), 0u);
  EXPECT_EQ(Json(Get("/v1/facets/country?limit=2"))["values"].Size(), 2u);
}

struct ErrorCase {
  const char* target;
  int status;
  const char* code;
  const char* message_names;  // the message must name this
};

// Readable test names in ctest output.
void PrintTo(const ErrorCase& c, std::ostream* os) {
  *os << c.target;
}

class SearchdErrorTest : public SearchdApiTest, public ::testing::WithParamInterface<ErrorCase> {};

TEST_P(SearchdErrorTest, AnswersWithJsonError) {
  const ErrorCase& c = GetParam();
  const auto r = Get(c.target);
  EXPECT_EQ(r.status, c.status) << r.body;
  const auto d = Json(r);
  ASSERT_TRUE(d.HasMember("error")) << r.body;
  EXPECT_STREQ(d["error"]["code"].GetString(), c.code);
  EXPECT_NE(std::string(d["error"]["message"].GetString()).find(c.message_names), std::string::npos) << r.body;
}

INSTANTIATE_TEST_SUITE_P(
    Errors, SearchdErrorTest,
    ::testing::Values(ErrorCase{"/nowhere", 404, "not_found", "/nowhere"},
                      ErrorCase{"/v1/nothing", 404, "not_found", "/v1/nothing"},
                      ErrorCase{"/v1/search?q=x&per_page=1000", 400, "bad_request", "per_page"},
                      ErrorCase{"/v1/search?q=x&page=0", 400, "bad_request", "page"},
                      ErrorCase{"/v1/search?q=x&page=9999", 400, "bad_request", "page"},
                      ErrorCase{"/v1/search?q=x&year=abc", 400, "bad_request", "year"},
                      ErrorCase{"/v1/search?q=x&year=2024..2010", 400, "bad_request", "year"},
                      ErrorCase{"/v1/search?q=x&sort=sideways", 400, "bad_request", "sort"},
                      ErrorCase{"/v1/search?q=x&country=Atlantis", 400, "bad_request", "country"},
                      ErrorCase{"/v1/search?q=x&action_line=C99", 400, "bad_request", "action_line"},
                      ErrorCase{"/v1/search?q=x&type=novel", 400, "bad_request", "type"},
                      ErrorCase{"/v1/search?q=x&action_line_mode=inferred", 400, "bad_request", "action_line_mode"},
                      ErrorCase{"/v1/facets/action_line?action_line_mode=x", 400, "bad_request", "action_line_mode"},
                      ErrorCase{"/v1/search?q=x&group=everything", 400, "bad_request", "group"},
                      ErrorCase{"/v1/search?q=%ZZ", 400, "bad_request", "q"},
                      ErrorCase{"/v1/search?q=x&facets=country,mood", 400, "bad_request", "facets"},
                      ErrorCase{"/v1/documents/no-such-document", 404, "not_found", "no-such-document"},
                      ErrorCase{"/v1/facets/mood", 404, "not_found", "mood"},
                      ErrorCase{"/v1/facets/country?limit=0", 400, "bad_request", "limit"},
                      ErrorCase{"/v1/facets/year?year=x", 400, "bad_request", "year"}));

TEST_F(SearchdApiTest, OversizedTargetIs414) {
  const auto r = Get("/v1/search?q=" + std::string(33 * 1024, 'a'));
  EXPECT_EQ(r.status, 414);
}

TEST_F(SearchdApiTest, MetricsCountRequestsByRoutePattern) {
  ASSERT_EQ(Get("/v1/documents/no-such-document").status, 404);
  ASSERT_EQ(Get("/v1/search?q=internet").status, 200);
  ASSERT_EQ(Get("/some/random/path").status, 404);
  const HttpResponse r = testing::Get(served_->server().host(), served_->server().port(), "/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  for (const char* line :
       {"cstd_http_requests_total{endpoint=\"/v1/documents/{doc_id}\",status=\"404\"} ",
        "cstd_http_requests_total{endpoint=\"other\",status=\"404\"} ",
        "cstd_http_request_duration_seconds_bucket{endpoint=\"/v1/search\",le=\"+Inf\"} ",
        "cstd_http_errors_total{code=\"not_found\"} ", "cstd_index_generation_info{generation=\"gen-000001\"} 1\n",
        "cstd_index_passages ", "cstd_connections_open "}) {
    EXPECT_NE(r.body.find(line), std::string::npos) << line << "\n" << r.body;
  }
  EXPECT_EQ(r.body.find("/some/random/path"), std::string::npos) << "unknown paths must not become labels";
}

// A client that sends 40 requests in one go without reading gets the first
// 16 answered, then 429 with Retry-After, and the connection closes.
TEST_F(SearchdApiTest, PipeliningPastTheBoundIs429AndCloses) {
  const std::vector<std::string> targets(40, "/v1/health");
  const auto responses = Pipeline(served_->server().host(), served_->server().port(), targets);
  ASSERT_EQ(responses.size(), 17u);
  for (size_t i = 0; i < 16; ++i) EXPECT_EQ(responses[i].status, 200) << i;
  const HttpResponse& refused = responses.back();
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.Header("retry-after"), "1");
  EXPECT_EQ(refused.Header("connection"), "close");
  EXPECT_NE(refused.body.find("\"too_many_requests\""), std::string::npos) << refused.body;
}

// Pipelining within the bound is served without limit: batches of 10,
// each read before the next is sent, 60 requests on one connection.
TEST_F(SearchdApiTest, PipeliningWithinTheBoundIsServed) {
  const auto responses = PipelineInBatches(served_->server().host(), served_->server().port(), "/v1/health", 6, 10);
  ASSERT_EQ(responses.size(), 60u);
  for (const auto& r : responses) EXPECT_EQ(r.status, 200);
}

TEST(SearchdLifecycleTest, DrainsAndExitsZeroOnSigterm) {
  TempDir temp;
  const std::string index = temp.path() + "/index";
  ASSERT_EQ(BuildIndex(index, SampleArchive()).exit_code, 0);
  ServerProcess server(index);
  EXPECT_EQ(query::HttpGet(server.host(), server.port(), "/v1/health").status, 200);
  EXPECT_EQ(server.Terminate(), 0);
}

TEST(SearchdLifecycleTest, LimitFlagsGiveA400NamingTheLimit) {
  TempDir temp;
  const std::string index = temp.path() + "/index";
  ASSERT_EQ(BuildIndex(index, SampleArchive()).exit_code, 0);
  ServerProcess server(index, {"--max-query-bytes", "24", "--max-query-terms", "2"});
  const auto get = [&](const std::string& target) { return query::HttpGet(server.host(), server.port(), target); };
  auto r = get("/v1/search?q=broadband+access+costs+too+much");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("max_query_bytes=24"), std::string::npos) << r.body;
  // More words than max_query_terms: a pasted text, searched by at most
  // that many of its words.
  r = get("/v1/search?q=cleaner+water+efficiency");
  EXPECT_EQ(r.status, 200) << r.body;
  rapidjson::Document like;
  like.Parse(r.body.c_str());
  ASSERT_TRUE(like["like_this"].IsArray()) << r.body;
  EXPECT_EQ(like["like_this"].Size(), 2u);
  EXPECT_EQ(get("/v1/search?q=broadband").status, 200);
}

TEST(SearchdLifecycleTest, RefusesAMissingIndexWithExitOne) {
  TempDir temp;
  const RunResult r =
      RunCommand({ProgramPath("cstd-searchd"), "--index", temp.path() + "/none", "--listen", "127.0.0.1:0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(temp.path() + "/none"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("terminate called"), std::string::npos);
}

TEST(SearchdLifecycleTest, RefusesZeroMaxInflightAsAUsageError) {
  TempDir temp;
  const RunResult r = RunCommand({ProgramPath("cstd-searchd"), "--index", temp.path(), "--max-inflight", "0"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--max-inflight"), std::string::npos) << r.err;
}

// With two workers and room for one request in flight, 50 concurrent clients
// asking for slow-ish searches (every facet over every passage) must get
// some 503s with Retry-After, and nothing else but 200s with valid JSON.
// It runs until the first 503 (or 30 s), each client making at least 5
// requests, so a fast machine cannot make it pass vacuously or flake.
TEST(SearchdOverloadTest, AnswersOverloadWith503AndRetryAfter) {
  TempDir temp;
  const std::string index = temp.path() + "/index";
  ASSERT_EQ(BuildIndex(index, SharedCorpus()).exit_code, 0);
  ServerProcess server(index, {"--threads", "2", "--max-inflight", "1"});
  const auto results = Burst(server.host(), server.port(), "/v1/search?q=&per_page=100", 50, 5, 30,
                             [](const std::vector<BurstResult>& so_far) {
                               for (const auto& r : so_far) {
                                 if (r.response.status == 503) return true;
                               }
                               return false;
                             });
  size_t ok = 0, overloaded = 0;
  for (const auto& r : results) {
    ASSERT_TRUE(r.error.empty()) << r.error;
    if (r.response.status == 503) {
      ++overloaded;
      EXPECT_EQ(r.response.Header("retry-after"), "1");
      rapidjson::Document d;
      d.Parse(r.response.body.c_str());
      ASSERT_FALSE(d.HasParseError()) << r.response.body;
      EXPECT_STREQ(d["error"]["code"].GetString(), "overloaded");
      continue;
    }
    ASSERT_EQ(r.response.status, 200) << r.response.body;
    ++ok;
    rapidjson::Document d;
    d.Parse(r.response.body.c_str());
    ASSERT_FALSE(d.HasParseError()) << r.response.body;
    EXPECT_GT(d["total"].GetUint64(), 100u);
  }
  EXPECT_GE(overloaded, 1u);
  EXPECT_GE(ok, 1u);
  EXPECT_GE(results.size(), 250u);
  // The server still answers once the burst is over.
  EXPECT_EQ(testing::Get(server.host(), server.port(), "/v1/health").status, 200);
  const std::string metrics = testing::Get(server.host(), server.port(), "/metrics").body;
  EXPECT_NE(metrics.find("cstd_http_requests_total{endpoint=\"/v1/search\",status=\"503\"} "), std::string::npos)
      << metrics;
}

}  // namespace
}  // namespace cstd::testing
