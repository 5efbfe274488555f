// docs/openapi.json against the real server: index ../shared/corpus/cstd
// (with a PDF, Markdown and HTML beside it), start cstd-searchd, and check the actual responses of every endpoint --
// successes and every declared error status -- against the document's
// schemas, so the document cannot drift from what the server does.
//
// The validator below knows the JSON Schema subset the document uses (type,
// required, properties, additionalProperties, items, enum, oneOf, minimum,
// maximum, $ref) and fails on any other keyword, so the document cannot
// rely on a constraint nobody checks. Every object schema must say
// additionalProperties: false: a property the server returns that the
// document does not declare is a failure.

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "query/http_client.h"
#include "tests/support/pdf_writer.h"
#include "tests/support/process.h"
#include "tests/support/raw_http.h"

namespace cstd::testing {
namespace {

using rapidjson::Value;

std::string ToJson(const Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  v.Accept(w);
  return std::string(buffer.GetString(), buffer.GetSize()).substr(0, 300);
}

// Keywords that only annotate; the validator ignores them.
const std::set<std::string> kAnnotations = {"description", "default", "example", "title", "format"};
const std::set<std::string> kKeywords = {"$ref",  "type", "required", "properties", "additionalProperties",
                                         "items", "enum", "oneOf",    "minimum",    "maximum"};

class OpenApi {
 public:
  explicit OpenApi(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    doc_.Parse(text.str().c_str());
    if (doc_.HasParseError() || !doc_.IsObject()) throw std::runtime_error(path + ": not a JSON object");
  }

  const rapidjson::Document& doc() const { return doc_; }

  // Follows a {"$ref": "#/..."} (chains too); other values as they are.
  const Value& Resolve(const Value& v) const {
    const Value* at = &v;
    for (int hops = 0; at->IsObject() && at->HasMember("$ref"); ++hops) {
      if (hops > 10) throw std::runtime_error("$ref loop at " + ToJson(v));
      const std::string ref = (*at)["$ref"].GetString();
      const Value* target = rapidjson::Pointer(ref.c_str()).Get(doc_);
      if (!target) throw std::runtime_error("unresolved $ref " + ref);
      at = target;
    }
    return *at;
  }

  // Appends to `errors` every way `instance` breaks `schema`; `where` is a
  // JSON-path-like location for the messages.
  void Validate(const Value& schema_in, const Value& instance, const std::string& where,
                std::vector<std::string>* errors) const {
    if (errors->size() > 20) return;
    const Value& schema = Resolve(schema_in);
    if (!schema.IsObject()) {
      errors->push_back(where + ": schema is not an object");
      return;
    }
    for (const auto& m : schema.GetObject()) {
      const std::string key = m.name.GetString();
      if (!kKeywords.count(key) && !kAnnotations.count(key)) {
        errors->push_back(where + ": the validator does not know schema keyword '" + key + "'");
      }
    }
    if (schema.HasMember("type")) {
      const Value& type = schema["type"];
      bool matched = false;
      if (type.IsString()) {
        matched = HasType(instance, type.GetString());
      } else {
        for (const auto& t : type.GetArray()) matched = matched || HasType(instance, t.GetString());
      }
      if (!matched) {
        errors->push_back(where + ": " + ToJson(instance) + " is not of type " + ToJson(type));
        return;
      }
    }
    if (schema.HasMember("enum")) {
      bool found = false;
      for (const auto& e : schema["enum"].GetArray()) found = found || e == instance;
      if (!found) errors->push_back(where + ": " + ToJson(instance) + " is not one of " + ToJson(schema["enum"]));
    }
    if (instance.IsNumber() && schema.HasMember("minimum") && instance.GetDouble() < schema["minimum"].GetDouble()) {
      errors->push_back(where + ": " + ToJson(instance) + " is below the minimum");
    }
    if (instance.IsNumber() && schema.HasMember("maximum") && instance.GetDouble() > schema["maximum"].GetDouble()) {
      errors->push_back(where + ": " + ToJson(instance) + " is above the maximum");
    }
    if (schema.HasMember("oneOf")) {
      int matches = 0;
      for (const auto& option : schema["oneOf"].GetArray()) {
        std::vector<std::string> ignored;
        Validate(option, instance, where, &ignored);
        if (ignored.empty()) ++matches;
      }
      if (matches != 1) {
        errors->push_back(where + ": " + ToJson(instance) + " matches " + std::to_string(matches) +
                          " of oneOf's schemas, not exactly one");
      }
    }
    // Object keywords apply to schemas about objects (not, say, to a oneOf
    // wrapper around one).
    if (instance.IsObject() && (schema.HasMember("properties") || schema.HasMember("type"))) {
      ValidateObject(schema, instance, where, errors);
    }
    if (instance.IsArray() && schema.HasMember("items")) {
      for (rapidjson::SizeType i = 0; i < instance.Size(); ++i) {
        Validate(schema["items"], instance[i], where + "[" + std::to_string(i) + "]", errors);
      }
    }
  }

 private:
  static bool HasType(const Value& v, const std::string& type) {
    if (type == "null") return v.IsNull();
    if (type == "boolean") return v.IsBool();
    if (type == "integer") return v.IsInt64() || v.IsUint64();
    if (type == "number") return v.IsNumber();
    if (type == "string") return v.IsString();
    if (type == "array") return v.IsArray();
    if (type == "object") return v.IsObject();
    return false;
  }

  void ValidateObject(const Value& schema, const Value& instance, const std::string& where,
                      std::vector<std::string>* errors) const {
    if (!schema.HasMember("properties")) {
      errors->push_back(where + ": object schema declares no properties");
      return;
    }
    if (!schema.HasMember("additionalProperties") || !schema["additionalProperties"].IsFalse()) {
      errors->push_back(where + ": object schema must set additionalProperties: false");
    }
    const Value& properties = schema["properties"];
    if (schema.HasMember("required")) {
      for (const auto& name : schema["required"].GetArray()) {
        if (!instance.HasMember(name)) errors->push_back(where + ": missing required '" + name.GetString() + "'");
      }
    }
    for (const auto& m : instance.GetObject()) {
      const std::string name = m.name.GetString();
      if (!properties.HasMember(m.name)) {
        errors->push_back(where + ": property '" + name + "' is not in the document");
        continue;
      }
      Validate(properties[m.name], m.value, where + "." + name, errors);
    }
  }

  rapidjson::Document doc_;
};

class OpenApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    api_ = new OpenApi(std::string(CSTD_SOURCE_DIR) + "/docs/openapi.json");
    served_ = new ServedIndex();
    // The corpus, a PDF, and two files the originals' test changes and
    // removes after the build.
    const std::string archive = served_->path() + "/archive";
    std::filesystem::create_directories(archive);
    for (const auto& entry : std::filesystem::directory_iterator(SharedCorpus())) {
      std::filesystem::copy_file(entry.path(), std::filesystem::path(archive) / entry.path().filename());
    }
    std::ofstream(archive + "/report.pdf", std::ios::binary)
        << test_support::MakePdf({{{72, 720, "1. Broadband on page one."}}, {{72, 720, "2. Spectrum on page two."}}});
    std::ofstream(archive + "/changing.md") << "# Changing\n\n1. This file changes after the build.\n";
    std::ofstream(archive + "/vanishing.html") << "<p>1. This file goes after the build.</p>\n";
    const std::string index = served_->index();
    const RunResult build = BuildIndex(index, archive);
    ASSERT_EQ(build.exit_code, 0) << build.err;
    // Room for one request in flight, so the test can provoke 503 on every
    // endpoint; its own requests are sequential and never see one unasked.
    served_->Serve({"--threads", "2", "--max-inflight", "1"});
  }

  static void TearDownTestSuite() {
    delete served_;
    delete api_;
  }

  static const Value& Operation(const std::string& path) {
    const Value& paths = api_->doc()["paths"];
    if (!paths.HasMember(path.c_str())) throw std::runtime_error("the document has no path " + path);
    return paths[path.c_str()]["get"];
  }

  // Checks `r`, the answer to a request on `path` (a path template of the
  // document), against the operation's declared response for its status:
  // the status is declared, required headers are present, the media type
  // is declared and the body matches its schema. Wrong-method answers
  // (405) are declared on the path's GET operation.
  static void Check(const std::string& path, const HttpResponse& r, const std::string& what) {
    SCOPED_TRACE(what);
    const Value& responses = Operation(path)["responses"];
    const std::string status = std::to_string(r.status);
    ASSERT_TRUE(responses.HasMember(status.c_str()))
        << "status " << status << " is not declared for GET " << path << ": " << r.body.substr(0, 300);
    CheckResponse(api_->Resolve(responses[status.c_str()]), r);
    covered_[path].insert(status);
  }

  static void CheckResponse(const Value& declared, const HttpResponse& r) {
    if (declared.HasMember("headers")) {
      for (const auto& h : declared["headers"].GetObject()) {
        std::string name = h.name.GetString();
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (h.value.HasMember("required") && h.value["required"].IsTrue()) {
          EXPECT_FALSE(r.Header(name).empty()) << "required header " << name << " is missing";
        }
      }
    }
    if (!declared.HasMember("content")) {
      EXPECT_TRUE(r.body.empty()) << "a response declared without content has a body";
      return;
    }
    const std::string content_type = r.Header("content-type");
    const Value* media = nullptr;
    std::string media_name;
    for (const auto& m : declared["content"].GetObject()) {
      if (content_type.rfind(m.name.GetString(), 0) == 0) {
        media = &m.value;
        media_name = m.name.GetString();
      }
    }
    ASSERT_NE(media, nullptr) << "content type '" << content_type << "' is not declared";
    std::vector<std::string> errors;
    if (media_name == "application/json") {
      rapidjson::Document body;
      body.Parse(r.body.c_str());
      ASSERT_FALSE(body.HasParseError()) << r.body.substr(0, 300);
      api_->Validate((*media)["schema"], body, "$", &errors);
    } else {
      const Value text(r.body.c_str(), static_cast<rapidjson::SizeType>(r.body.size()));
      api_->Validate((*media)["schema"], text, "$", &errors);
    }
    for (const auto& e : errors) ADD_FAILURE() << e;
  }

  static HttpResponse Fetch(const std::string& target, const std::string& method = "GET",
                            const std::vector<std::string>& headers = {}, const std::string& body = "") {
    return Request(served_->server().host(), served_->server().port(), method, target, headers, body);
  }

  // GETs `target` on `path` and checks the answer; returns it.
  static HttpResponse CheckGet(const std::string& path, const std::string& target, int want_status) {
    const HttpResponse r = Fetch(target);
    EXPECT_EQ(r.status, want_status) << target << ": " << r.body.substr(0, 300);
    Check(path, r, "GET " + target);
    return r;
  }

  // The target with parameter `name` set to `value` (a JSON example: a
  // string, a number, or an array of them for a repeated parameter; with
  // explode: false an array is one comma-separated value).
  static std::string WithParameter(const std::string& target, const Value& parameter, const Value& value) {
    std::string out = target + (target.find('?') == std::string::npos ? "?" : "&");
    const std::string name = parameter["name"].GetString();
    const auto scalar = [](const Value& v) { return v.IsString() ? std::string(v.GetString()) : ToJson(v); };
    const bool explode = !parameter.HasMember("explode") || parameter["explode"].IsTrue();
    if (value.IsArray()) {
      std::string joined;
      for (const auto& item : value.GetArray()) {
        if (explode) {
          out += name + "=" + query::UrlEncode(scalar(item)) + "&";
        } else {
          joined += (joined.empty() ? "" : ",") + scalar(item);
        }
      }
      if (explode) return out.substr(0, out.size() - 1);
      return out + name + "=" + query::UrlEncode(joined);
    }
    return out + name + "=" + query::UrlEncode(scalar(value));
  }

  // Every query parameter the document declares for `path`: its example is
  // answered 200 (and the answer matches the schema), and its
  // x-invalid-example is answered 400 naming the parameter -- proof that
  // the server reads the parameter the document promises.
  static void CheckQueryParameters(const std::string& path, const std::string& base) {
    for (const auto& p_ref : Operation(path)["parameters"].GetArray()) {
      const Value& p = api_->Resolve(p_ref);
      if (std::string(p["in"].GetString()) != "query") continue;
      const std::string name = p["name"].GetString();
      CheckGet(path, WithParameter(base, p, p["example"]), 200);
      if (p.HasMember("x-invalid-example")) {
        const HttpResponse r = CheckGet(path, WithParameter(base, p, p["x-invalid-example"]), 400);
        EXPECT_NE(r.body.find(name), std::string::npos) << r.body;
      }
      // Every value of an enum is served.
      const Value& schema = api_->Resolve(p["schema"]);
      const Value& values = schema.HasMember("items") ? api_->Resolve(schema["items"]) : schema;
      if (values.HasMember("enum")) {
        for (const auto& v : values["enum"].GetArray()) CheckGet(path, WithParameter(base, p, v), 200);
      }
    }
  }

  // Provokes every error status the server can give on any endpoint, on
  // `target` (a GET of `path` that would succeed), and checks each answer.
  static void CheckTransportErrors(const std::string& path, const std::string& target) {
    const std::string sep = target.find('?') == std::string::npos ? "?" : "&";
    CheckGet(path, target + sep + "x=%ZZ", 400);
    {
      const HttpResponse r = Fetch(target, "POST");
      EXPECT_EQ(r.status, 405);
      Check(path, r, "POST " + target);
      const HttpResponse d = Fetch(target, "DELETE");
      EXPECT_EQ(d.status, 405);
      Check(path, d, "DELETE " + target);
    }
    {
      const HttpResponse r = Fetch(target, "GET", {}, std::string(17 * 1024, 'x'));
      EXPECT_EQ(r.status, 413);
      Check(path, r, "GET with a 17 KiB body");
    }
    CheckGet(path, target + sep + "pad=" + std::string(33 * 1024, 'a'), 414);
    {
      const HttpResponse r = Fetch(target, "GET", {"X-Padding: " + std::string(49 * 1024, 'a')});
      EXPECT_EQ(r.status, 431);
      Check(path, r, "GET with 49 KiB of headers");
    }
    {
      const auto responses =
          Pipeline(served_->server().host(), served_->server().port(), std::vector<std::string>(40, target));
      ASSERT_FALSE(responses.empty());
      EXPECT_EQ(responses.back().status, 429);
      for (const auto& r : responses) Check(path, r, "40 pipelined GETs");
    }
    {
      // Overload: clients keep the one in-flight slot busy with slow
      // searches while we ask for `target` until it is refused.
      std::atomic<bool> stop{false};
      std::vector<std::thread> load;
      for (int i = 0; i < 12; ++i) {
        load.emplace_back([&stop] {
          while (!stop) {
            try {
              Get(served_->server().host(), served_->server().port(), "/v1/search?q=&per_page=100");
            } catch (const std::exception&) {
            }
          }
        });
      }
      HttpResponse refused;
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
      while (refused.status != 503 && std::chrono::steady_clock::now() < deadline) refused = Fetch(target);
      stop = true;
      for (auto& t : load) t.join();
      ASSERT_EQ(refused.status, 503) << "no 503 within 30 s";
      EXPECT_EQ(refused.Header("retry-after"), "1");
      Check(path, refused, "GET " + target + " while overloaded");
    }
  }

  // Every status the document declares for `path` was seen.
  static void ExpectAllDeclaredStatusesSeen(const std::string& path) {
    for (const auto& r : Operation(path)["responses"].GetObject()) {
      EXPECT_TRUE(covered_[path].count(r.name.GetString()))
          << "GET " << path << " declares " << r.name.GetString() << ", which the test never saw";
    }
  }

  static OpenApi* api_;
  static ServedIndex* served_;
  static std::map<std::string, std::set<std::string>> covered_;
};

OpenApi* OpenApiTest::api_ = nullptr;
ServedIndex* OpenApiTest::served_ = nullptr;
std::map<std::string, std::set<std::string>> OpenApiTest::covered_;

TEST_F(OpenApiTest, DocumentIsWellFormed) {
  const auto& doc = api_->doc();
  EXPECT_STREQ(doc["openapi"].GetString(), "3.1.0");
  const std::set<std::string> want_paths = {"/v1/search",
                                            "/v1/documents/{doc_id}",
                                            "/v1/documents/{doc_id}/original",
                                            "/v1/facets/{field}",
                                            "/v1/health",
                                            "/v1/speakers/{speaker_id}",
                                            "/v1/countries/{country}",
                                            "/v1/labels",
                                            "/v1/export",
                                            "/v1/feed",
                                            "/v1/passages/{passage_id}/similar",
                                            "/v1/compare",
                                            "/v1/shard/counts",
                                            "/v1/shard/spellings",
                                            "/v1/shard/profile",
                                            "/v1/shard/topic_passages",
                                            "/v1/shard/termfreqs",
                                            "/metrics"};
  std::set<std::string> paths;
  for (const auto& p : doc["paths"].GetObject()) paths.insert(p.name.GetString());
  EXPECT_EQ(paths, want_paths);
  // Every parameter's examples fit its schema; every schema resolves.
  for (const auto& p : doc["components"]["parameters"].GetObject()) {
    std::vector<std::string> errors;
    api_->Validate(p.value["schema"], p.value["example"], std::string("parameter ") + p.name.GetString(), &errors);
    for (const auto& e : errors) ADD_FAILURE() << e;
  }
  // The parameters the contract lists.
  std::set<std::string> search_params;
  for (const auto& p : Operation("/v1/search")["parameters"].GetArray()) {
    search_params.insert(api_->Resolve(p)["name"].GetString());
  }
  // The contract's, action_line_mode (issue 15: named or also inferred
  // lines) and body (issue 13: a field added by one row of the table).
  EXPECT_EQ(search_params, (std::set<std::string>{"q", "country", "speaker", "session", "year", "action_line",
                                                  "action_line_mode", "type", "body", "page", "per_page", "sort",
                                                  "facets", "group"}));
  std::set<std::string> facet_params;
  for (const auto& p : Operation("/v1/facets/{field}")["parameters"].GetArray()) {
    facet_params.insert(api_->Resolve(p)["name"].GetString());
  }
  EXPECT_EQ(facet_params, (std::set<std::string>{"field", "prefix", "limit", "q", "country", "speaker", "session",
                                                 "year", "action_line", "action_line_mode", "type", "body"}));
  // The statuses of the contract, on every endpoint.
  for (const auto& path : want_paths) {
    for (const char* status : {"200", "400", "405", "413", "414", "429", "431", "503"}) {
      EXPECT_TRUE(Operation(path)["responses"].HasMember(status)) << path << " " << status;
    }
  }
}

TEST_F(OpenApiTest, SearchMatchesTheDocument) {
  const std::string path = "/v1/search";
  for (const char* target :
       {"/v1/search?q=internet+governance", "/v1/search?q=", "/v1/search?q=&per_page=100",
        "/v1/search?q=internet+governance&country=IRN&year=2020..2024&facets=country,year",
        "/v1/search?q=development&group=document&sort=date_asc&per_page=3&page=2", "/v1/search?q=internt+governanse",
        "/v1/search?q=zzzznothing&facets=", "/v1/search?q=speaker:peter-major&action_line=C1,C7&type=panel-report",
        "/v1/search?q=wsis&body=cstd&facets=body,type"}) {
    CheckGet(path, target, 200);
  }
  // A misspelt query carries a suggestion; the schema's string branch is hit.
  const HttpResponse misspelt = Fetch("/v1/search?q=internt+governanse");
  EXPECT_NE(misspelt.body.find("\"suggestion\":\""), std::string::npos) << misspelt.body;
  CheckQueryParameters(path, "/v1/search?q=development");
  CheckGet(path, "/v1/search?q=x&page=9999", 400);
  CheckTransportErrors(path, "/v1/search?q=wsis&per_page=1");
  ExpectAllDeclaredStatusesSeen(path);
}

TEST_F(OpenApiTest, DocumentsMatchTheDocument) {
  const std::string path = "/v1/documents/{doc_id}";
  for (const auto& entry : std::filesystem::directory_iterator(SharedCorpus())) {
    CheckGet(path, "/v1/documents/" + entry.path().stem().string(), 200);
  }
  const Value& doc_id = api_->doc()["components"]["parameters"]["doc_id"];
  CheckGet(path, std::string("/v1/documents/") + doc_id["example"].GetString(), 200);
  const HttpResponse missing =
      CheckGet(path, std::string("/v1/documents/") + doc_id["x-invalid-example"].GetString(), 404);
  EXPECT_NE(missing.body.find(doc_id["x-invalid-example"].GetString()), std::string::npos);
  CheckTransportErrors(path, std::string("/v1/documents/") + doc_id["example"].GetString());
  ExpectAllDeclaredStatusesSeen(path);
}

TEST_F(OpenApiTest, OriginalsMatchTheDocument) {
  const std::string path = "/v1/documents/{doc_id}/original";
  const Value& doc_id = api_->doc()["components"]["parameters"]["doc_id"];
  // Each format, by the URL the document names.
  for (const char* id : {doc_id["example"].GetString(), "report", "changing", "vanishing"}) {
    const HttpResponse document = Fetch(std::string("/v1/documents/") + id);
    rapidjson::Document d;
    d.Parse(document.body.c_str());
    ASSERT_TRUE(d.IsObject() && d.HasMember("document")) << document.body.substr(0, 300);
    const HttpResponse r = CheckGet(path, d["document"]["original"].GetString(), 200);
    // The revalidation of the copy just fetched.
    const HttpResponse again =
        Fetch(d["document"]["original"].GetString(), "GET", {"If-None-Match: " + r.Header("etag")});
    EXPECT_EQ(again.status, 304);
    Check(path, again, std::string("GET with If-None-Match of ") + id);
  }
  const HttpResponse missing =
      CheckGet(path, std::string("/v1/documents/") + doc_id["x-invalid-example"].GetString() + "/original", 404);
  EXPECT_NE(missing.body.find(doc_id["x-invalid-example"].GetString()), std::string::npos);
  std::ofstream(served_->path() + "/archive/changing.md") << "# Changed\n";
  CheckGet(path, "/v1/documents/changing/original", 409);
  std::filesystem::remove(served_->path() + "/archive/vanishing.html");
  CheckGet(path, "/v1/documents/vanishing/original", 404);
  CheckTransportErrors(path, std::string("/v1/documents/") + doc_id["example"].GetString() + "/original");
  ExpectAllDeclaredStatusesSeen(path);
}

TEST_F(OpenApiTest, FacetValuesMatchTheDocument) {
  const std::string path = "/v1/facets/{field}";
  const Value& field = api_->doc()["components"]["parameters"]["field"];
  for (const auto& f : field["schema"]["enum"].GetArray()) {
    const std::string name = f.GetString();
    CheckGet(path, "/v1/facets/" + name, 200);
    CheckGet(path, "/v1/facets/" + name + "?q=development&limit=3", 200);
  }
  CheckGet(path, "/v1/facets/speaker?prefix=pe", 200);
  CheckGet(path, "/v1/facets/country?prefix=zzzz", 200);
  const HttpResponse unknown = CheckGet(path, std::string("/v1/facets/") + field["x-invalid-example"].GetString(), 404);
  EXPECT_NE(unknown.body.find(field["x-invalid-example"].GetString()), std::string::npos);
  CheckQueryParameters(path, "/v1/facets/country");
  CheckTransportErrors(path, "/v1/facets/country?prefix=a");
  ExpectAllDeclaredStatusesSeen(path);
}

// A speaker's and a delegation's page: by id, by a name, and 404 for a
// name that names no one.
TEST_F(OpenApiTest, ProfilesMatchTheDocument) {
  const struct {
    const char* path;
    const char* prefix;
    const char* parameter;
    const char* by_name;
  } kProfiles[] = {{"/v1/speakers/{speaker_id}", "/v1/speakers/", "speaker_id", "Peter%20Major"},
                   {"/v1/countries/{country}", "/v1/countries/", "country_path", "Iran"}};
  for (const auto& p : kProfiles) {
    const Value& parameter = api_->doc()["components"]["parameters"][p.parameter];
    const std::string example = p.prefix + query::UrlEncode(parameter["example"].GetString());
    CheckGet(p.path, example, 200);
    CheckGet(p.path, std::string(p.prefix) + p.by_name, 200);
    const HttpResponse missing =
        CheckGet(p.path, p.prefix + query::UrlEncode(parameter["x-invalid-example"].GetString()), 404);
    EXPECT_NE(missing.body.find(parameter["x-invalid-example"].GetString()), std::string::npos) << missing.body;
    CheckTransportErrors(p.path, example);
    ExpectAllDeclaredStatusesSeen(p.path);
  }
}

TEST_F(OpenApiTest, LabelsMatchTheDocument) {
  const std::string path = "/v1/labels";
  const HttpResponse r = CheckGet(path, "/v1/labels", 200);
  rapidjson::Document labels;
  labels.Parse(r.body.c_str());
  ASSERT_TRUE(labels.IsObject()) << r.body.substr(0, 300);
  // Every type the document's type parameter lists has a title.
  const Value& types = api_->doc()["components"]["parameters"]["type"]["schema"]["items"]["enum"];
  ASSERT_EQ(labels["type"].Size(), types.Size());
  for (rapidjson::SizeType i = 0; i < types.Size(); ++i) EXPECT_EQ(labels["type"][i]["value"], types[i]);
  CheckTransportErrors(path, "/v1/labels");
  ExpectAllDeclaredStatusesSeen(path);
}

// Exports: each format, a grouped export, picked passages; a search past
// --max-export is a 400 (the suite's server allows the default, so a
// filter that cannot match anything is the 200 with no rows).
TEST_F(OpenApiTest, ExportsMatchTheDocument) {
  const std::string path = "/v1/export";
  for (const char* target : {"/v1/export?q=internet+governance", "/v1/export?q=&format=jsonl&group=document",
                             "/v1/export?q=wsis&format=txt&sort=date_asc", "/v1/export?q=zzzznothing"}) {
    const HttpResponse r = CheckGet(path, target, 200);
    EXPECT_EQ(r.Header("transfer-encoding"), "chunked") << target;
  }
  CheckQueryParameters(path, "/v1/export?q=development");
  CheckTransportErrors(path, "/v1/export?q=wsis&format=txt");
  ExpectAllDeclaredStatusesSeen(path);
}

TEST_F(OpenApiTest, FeedsMatchTheDocument) {
  const std::string path = "/v1/feed";
  CheckGet(path, "/v1/feed?q=internet+governance&year=2020..2024", 200);
  CheckGet(path, "/v1/feed", 200);
  CheckQueryParameters(path, "/v1/feed?q=development");
  CheckTransportErrors(path, "/v1/feed?q=wsis");
  ExpectAllDeclaredStatusesSeen(path);
}

TEST_F(OpenApiTest, SimilarPassagesMatchTheDocument) {
  const std::string path = "/v1/passages/{passage_id}/similar";
  const Value& passage = api_->doc()["components"]["parameters"]["passage_id"];
  const std::string example = std::string("/v1/passages/") + passage["example"].GetString() + "/similar";
  CheckGet(path, example, 200);
  CheckGet(path, example + "?other_delegations=true&per_page=5&facets=country", 200);
  const HttpResponse missing =
      CheckGet(path, std::string("/v1/passages/") + passage["x-invalid-example"].GetString() + "/similar", 404);
  EXPECT_NE(missing.body.find(passage["x-invalid-example"].GetString()), std::string::npos);
  CheckQueryParameters(path, example);
  CheckTransportErrors(path, example);
  ExpectAllDeclaredStatusesSeen(path);
}

TEST_F(OpenApiTest, ComparisonsMatchTheDocument) {
  const std::string path = "/v1/compare";
  CheckGet(path, "/v1/compare?q=internet+governance&delegations=IRN,DOM&by=session&top=1", 200);
  CheckGet(path, "/v1/compare?q=zzzznothing&delegations=BRA", 200);
  const HttpResponse none = CheckGet(path, "/v1/compare?q=wsis", 400);
  EXPECT_NE(none.body.find("delegations"), std::string::npos) << none.body;
  CheckQueryParameters(path, "/v1/compare?q=development&delegations=IRN,DOM");
  CheckTransportErrors(path, "/v1/compare?q=wsis&delegations=IRN");
  ExpectAllDeclaredStatusesSeen(path);
}

TEST_F(OpenApiTest, ShardCountsMatchTheDocument) {
  const std::string path = "/v1/shard/counts";
  for (const char* target : {"/v1/shard/counts?q=internet+governance&facets=country,speaker,year,action_line",
                             "/v1/shard/counts?q=development&group=document&country=IRN,BRA&facets=country",
                             "/v1/shard/counts?q=zzzznothing&facets="}) {
    CheckGet(path, target, 200);
  }
  CheckGet(path, "/v1/shard/counts?q=x&year=abc", 400);
  CheckTransportErrors(path, "/v1/shard/counts?q=wsis");
  ExpectAllDeclaredStatusesSeen(path);
}

TEST_F(OpenApiTest, ShardSpellingsMatchTheDocument) {
  const std::string path = "/v1/shard/spellings";
  const HttpResponse r = CheckGet(path, "/v1/shard/spellings", 200);
  // The sample index has a spelling table: an empty list would prove nothing.
  EXPECT_NE(r.body.find("[\"governance\","), std::string::npos) << r.body.substr(0, 300);
  CheckTransportErrors(path, "/v1/shard/spellings");
  ExpectAllDeclaredStatusesSeen(path);
}

TEST_F(OpenApiTest, ShardProfileMatchesTheDocument) {
  const std::string path = "/v1/shard/profile";
  const HttpResponse r = CheckGet(path, "/v1/shard/profile?field=country&id=IRN", 200);
  EXPECT_EQ(r.body.find("\"passages\":0,"), std::string::npos) << "no passages to count: " << r.body.substr(0, 300);
  CheckGet(path, "/v1/shard/profile?field=speaker&id=nobody-at-all", 200);
  CheckGet(path, "/v1/shard/profile?field=year&id=2020", 400);
  CheckGet(path, "/v1/shard/profile?field=country", 400);
  CheckTransportErrors(path, "/v1/shard/profile?field=country&id=IRN");
  ExpectAllDeclaredStatusesSeen(path);
}

TEST_F(OpenApiTest, ShardTopicPassagesMatchTheDocument) {
  const std::string path = "/v1/shard/topic_passages";
  const HttpResponse r = CheckGet(path, "/v1/shard/topic_passages?field=country&id=IRN&upto=18446744073709551615", 200);
  EXPECT_EQ(r.body.find("\"passages\":[]"), std::string::npos) << "no passages sampled: " << r.body.substr(0, 300);
  CheckGet(path, "/v1/shard/topic_passages?field=country&id=IRN&upto=0", 200);
  CheckGet(path, "/v1/shard/topic_passages?field=country&id=IRN&upto=-1", 400);
  CheckGet(path, "/v1/shard/topic_passages?field=country&id=IRN&upto=18446744073709551616", 400);
  CheckGet(path, "/v1/shard/topic_passages?field=country&id=IRN", 400);
  CheckTransportErrors(path, "/v1/shard/topic_passages?field=country&id=IRN&upto=1000");
  ExpectAllDeclaredStatusesSeen(path);
}

TEST_F(OpenApiTest, ShardTermFreqsMatchTheDocument) {
  const std::string path = "/v1/shard/termfreqs";
  const HttpResponse r = CheckGet(path, "/v1/shard/termfreqs?terms=governance,zzzznotaword,internet", 200);
  EXPECT_NE(r.body.find(",0,"), std::string::npos) << "a word the index lacks counts 0: " << r.body;
  EXPECT_EQ(r.body.find("[0,"), std::string::npos) << "governance is in the archive: " << r.body;
  CheckGet(path, "/v1/shard/termfreqs", 400);
  CheckTransportErrors(path, "/v1/shard/termfreqs?terms=governance");
  ExpectAllDeclaredStatusesSeen(path);
}

TEST_F(OpenApiTest, HealthMatchesTheDocument) {
  const std::string path = "/v1/health";
  CheckGet(path, "/v1/health", 200);
  CheckTransportErrors(path, "/v1/health");
  ExpectAllDeclaredStatusesSeen(path);
}

TEST_F(OpenApiTest, MetricsMatchTheDocument) {
  const std::string path = "/metrics";
  const HttpResponse r = CheckGet(path, "/metrics", 200);
  EXPECT_NE(r.body.find("# TYPE cstd_http_requests_total counter"), std::string::npos);
  CheckTransportErrors(path, "/metrics");
  ExpectAllDeclaredStatusesSeen(path);
}

// Paths the server does not serve answer with the document's NotFound.
TEST_F(OpenApiTest, UnknownPathsAnswerTheDocumentedNotFound) {
  const Value& not_found = api_->doc()["components"]["responses"]["NotFound"];
  for (const char* target : {"/v2/search", "/index.html", "/v1/documents/", "/v1/documents/a/b", "/v1/facets/"}) {
    SCOPED_TRACE(target);
    const HttpResponse r = Fetch(target);
    EXPECT_EQ(r.status, 404);
    CheckResponse(not_found, r);
  }
}

}  // namespace
}  // namespace cstd::testing
