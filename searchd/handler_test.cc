// The pure handler, without sockets: routes, parameter parsing, JSON errors.

#include "searchd/handler.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "extract/extract.h"
#include "indexer/build.h"
#include "indexer/index_writer.h"
#include "model/action_lines.h"
#include "model/archive_file.h"
#include "model/code_titles.h"
#include "model/errors.h"
#include "query/search_fields.h"
#include "searchd/web_assets.h"
#include "tests/support/index_fixture.h"

namespace cstd::searchd {
namespace {

namespace http = boost::beast::http;

class HandlerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test_support::WriteIndex(dir_, {{"a.txt",
                                     "Twenty-sixth session\n\n1. Broadband access matters where costs < 5 dollars.\n\n"
                                     "2. The delegate spoke on e-government.\n"}});
    pool_ = std::make_unique<IndexPool>(dir_);
  }
  void TearDown() override { pool_.reset(); }

  Response Call(const std::string& target, http::verb method = http::verb::get) {
    Request request{method, target, 11};
    return HandleRequest(request, *pool_, metrics_, &info_);
  }

  const test_support::TempDir temp_{"handler"};
  const std::string dir_ = temp_.Path("index");
  std::unique_ptr<IndexPool> pool_;
  Metrics metrics_{EndpointLabels()};
  RequestInfo info_;
};

TEST_F(HandlerTest, SearchFindsAndEscapes) {
  const Response r = Call("/v1/search?q=broadband");
  ASSERT_EQ(r.result(), http::status::ok) << r.body();
  rapidjson::Document d;
  d.Parse(r.body().c_str());
  ASSERT_EQ(d["total"].GetUint64(), 1u);
  const std::string snippet = d["hits"][0]["snippet"].GetString();
  EXPECT_NE(snippet.find("<mark>Broadband</mark>"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("costs &lt; 5"), std::string::npos) << snippet;
  EXPECT_EQ(d["hits"][0]["session"].GetInt(), 26);
  EXPECT_EQ(d["hits"][0]["year"].GetInt(), 2023);
}

TEST_F(HandlerTest, EmptyQueryMatchesEverything) {
  const Response r = Call("/v1/search?q=");
  rapidjson::Document d;
  d.Parse(r.body().c_str());
  EXPECT_EQ(d["total"].GetUint64(), 2u);
}

TEST_F(HandlerTest, UnknownPathIs404AndWrongMethodIs405) {
  EXPECT_EQ(Call("/v2/search").result(), http::status::not_found);
  const Response r = Call("/v1/search", http::verb::post);
  EXPECT_EQ(r.result(), http::status::method_not_allowed);
  EXPECT_EQ(r[http::field::allow], "GET, HEAD");
}

TEST_F(HandlerTest, HeadHasNoBody) {
  const Response r = Call("/v1/health", http::verb::head);
  EXPECT_EQ(r.result(), http::status::ok);
  EXPECT_TRUE(r.body().empty());
}

// An export's rows are made after its head (HandleStreaming); gathered
// whole by HandleRequest. Its parameters are the search's.
TEST_F(HandlerTest, ExportStreamsEveryMatchAfterItsHead) {
  Request request{http::verb::get, "/v1/export?q=&format=jsonl&sort=date_desc", 11};
  request.set(http::field::host, "127.0.0.1:8080");
  Reply reply = HandleStreaming(request, *pool_, metrics_, &info_);
  ASSERT_EQ(reply.response.result(), http::status::ok) << reply.response.body();
  EXPECT_EQ(info_.endpoint, "/v1/export");
  EXPECT_TRUE(reply.response.chunked());
  EXPECT_EQ(reply.response["X-Export-Rows"], "2");
  EXPECT_EQ(reply.response[http::field::content_disposition], "attachment; filename=\"cstd-export.jsonl\"");
  ASSERT_TRUE(reply.stream);
  std::string body;
  while (auto piece = reply.stream->Next()) body += *piece;
  EXPECT_EQ(std::count(body.begin(), body.end(), '\n'), 2);
  EXPECT_NE(body.find("\"link\":\"http://127.0.0.1:8080/?doc=a#p1\""), std::string::npos) << body;

  const Response whole = Call("/v1/export?q=broadband");
  EXPECT_EQ(whole.result(), http::status::ok);
  EXPECT_FALSE(whole.chunked());
  EXPECT_EQ(whole[http::field::content_length], std::to_string(whole.body().size()));
  EXPECT_EQ(whole.body().rfind("\xEF\xBB\xBF"
                               "citation,",
                               0),
            0u)
      << "CSV by default";
  const Response head = Call("/v1/export?q=broadband", http::verb::head);
  EXPECT_EQ(head.result(), http::status::ok);
  EXPECT_TRUE(head.body().empty());
  EXPECT_FALSE(head.chunked()) << "no chunks follow a HEAD";

  for (const char* bad : {"/v1/export?format=xlsx", "/v1/export?sort=sideways", "/v1/export?passage_id=none-1"}) {
    EXPECT_EQ(Call(bad).result(), http::status::bad_request) << bad;
  }
  // Paging belongs to /v1/search; an export takes every match regardless.
  EXPECT_EQ(Call("/v1/export?per_page=1000&page=0").result(), http::status::ok);
}

TEST_F(HandlerTest, ReportsTheRoutePatternAndErrorCode) {
  Call("/v1/search?q=broadband");
  EXPECT_EQ(info_.endpoint, "/v1/search");
  EXPECT_EQ(info_.error_code, "");
  Call("/v1/documents/nothing-here");
  EXPECT_EQ(info_.endpoint, "/v1/documents/{doc_id}");
  EXPECT_EQ(info_.error_code, "not_found");
  Call("/v1/search?page=0");
  EXPECT_EQ(info_.endpoint, "/v1/search");
  EXPECT_EQ(info_.error_code, "bad_request");
  Call("/v1/search", http::verb::delete_);
  EXPECT_EQ(info_.error_code, "method_not_allowed");
  Call("/random/path/123");
  EXPECT_EQ(info_.endpoint, kOtherEndpoint);
  EXPECT_EQ(info_.error_code, "not_found");
}

TEST_F(HandlerTest, MetricsAreRenderedWithTheIndexGeneration) {
  metrics_.RecordRequest("/v1/search", 200, std::chrono::milliseconds(3));
  const Response r = Call("/metrics");
  ASSERT_EQ(r.result(), http::status::ok);
  EXPECT_EQ(std::string(r[http::field::content_type]), Metrics::kContentType);
  EXPECT_NE(r.body().find("cstd_http_requests_total{endpoint=\"/v1/search\",status=\"200\"} 1\n"), std::string::npos)
      << r.body();
  EXPECT_NE(r.body().find("cstd_index_generation_info{generation=\"gen-000001\"} 1\n"), std::string::npos) << r.body();
  EXPECT_NE(r.body().find("cstd_index_passages 2\n"), std::string::npos) << r.body();
  EXPECT_EQ(info_.endpoint, "/metrics");
}

// ---- The search page and its assets -----------------------------------------

TEST_F(HandlerTest, ServesThePageAtTheRootWithAnyQuery) {
  for (const std::string target : {"/", "/?q=internet+governance&country=JPN&year=2020..2024", "/?doc=a#p2"}) {
    const Response r = Call(target);
    ASSERT_EQ(r.result(), http::status::ok) << target;
    EXPECT_EQ(r[http::field::content_type], "text/html; charset=utf-8");
    EXPECT_NE(r.body().find("<script type=\"module\" src=\"/assets/app.js\"></script>"), std::string::npos);
    EXPECT_EQ(r[http::field::cache_control], "no-cache");
    EXPECT_FALSE(r[http::field::etag].empty());
    // The browser is told to fetch nothing from anywhere but this server.
    EXPECT_NE(std::string(r["Content-Security-Policy"]).find("default-src 'none'"), std::string::npos);
    EXPECT_EQ(info_.endpoint, "/");
    EXPECT_EQ(info_.error_code, "");
  }
}

TEST_F(HandlerTest, ServesAssetsWithTheirContentType) {
  const struct {
    const char* target;
    const char* content_type;
  } kCases[] = {{"/assets/app.js", "text/javascript; charset=utf-8"},
                {"/assets/style.css", "text/css; charset=utf-8"},
                {"/assets/favicon.svg", "image/svg+xml"}};
  for (const auto& c : kCases) {
    const Response r = Call(c.target);
    ASSERT_EQ(r.result(), http::status::ok) << c.target;
    EXPECT_EQ(r[http::field::content_type], c.content_type) << c.target;
    EXPECT_EQ(r[http::field::cache_control], "no-cache");
    EXPECT_EQ(r["X-Content-Type-Options"], "nosniff");
    EXPECT_FALSE(r.body().empty());
    EXPECT_EQ(info_.endpoint, "/assets/{name}");
  }
}

// Every file the page names -- in index.html and in the modules' imports --
// is compiled in and served.
TEST_F(HandlerTest, EveryAssetThePageNamesIsServed) {
  std::set<std::string> named;
  const std::regex in_page(R"re((?:src|href)="/assets/([^"]+)")re");
  const std::string page = Call("/").body();
  for (std::sregex_iterator it(page.begin(), page.end(), in_page), end; it != end; ++it) named.insert((*it)[1]);
  const std::regex imported(R"re(from '\./([^']+)')re");
  for (size_t checked = 0; checked < named.size();) {
    checked = named.size();
    for (const std::string& name : std::set<std::string>(named)) {
      const std::string body = Call("/assets/" + name).body();
      for (std::sregex_iterator it(body.begin(), body.end(), imported), end; it != end; ++it) named.insert((*it)[1]);
    }
  }
  EXPECT_TRUE(named.count("app.js") && named.count("style.css") && named.count("state.js")) << named.size();
  for (const std::string& name : named) {
    EXPECT_EQ(Call("/assets/" + name).result(), http::status::ok) << name;
    EXPECT_NE(FindWebAsset(name), nullptr) << name;
  }
  // No file names an address outside this server (the SVG namespace is a
  // name, never fetched).
  for (const std::string& name : named) {
    std::string body = Call("/assets/" + name).body();
    for (size_t at; (at = body.find("http://www.w3.org/2000/svg")) != std::string::npos;) body.erase(at, 26);
    EXPECT_EQ(body.find("http:"), std::string::npos) << name;
    EXPECT_EQ(body.find("https:"), std::string::npos) << name;
  }
  EXPECT_EQ(page.find("http"), std::string::npos);
}

// The page's copy of the server's tables is generated from them: the search
// fields in their order, with their names, and the sidebar's panels.
TEST_F(HandlerTest, ThePageDataModuleIsGeneratedFromTheServersTables) {
  const Response r = Call("/assets/fields.js");
  ASSERT_EQ(r.result(), http::status::ok);
  EXPECT_EQ(r[http::field::content_type], "text/javascript; charset=utf-8");
  const std::string& body = r.body();
  std::string fields;
  for (const query::SearchField& f : query::SearchFields()) {
    fields += (fields.empty() ? "" : ", ") + ("\"" + std::string(f.name) + "\"");
    EXPECT_NE(body.find("\"" + std::string(f.name) + "\": \"" + std::string(f.display_name) + "\""), std::string::npos)
        << f.name;
    // A sidebar panel for each facet counted by default, and none other.
    const std::string panel = "{field: \"" + std::string(f.name) + "\", legend: \"" + std::string(f.display_name) + "\"";
    EXPECT_EQ(body.find(panel) != std::string::npos, f.default_facet) << f.name;
  }
  EXPECT_NE(body.find("export const FILTER_FIELDS = [" + fields + "];"), std::string::npos) << body;
  EXPECT_EQ(body.find("TITLES"), std::string::npos) << "titles are the API's (/v1/labels)";
}

// /v1/labels: every action line's title (sub-lines too), every document
// type's and every known body's, from the server's tables.
TEST_F(HandlerTest, LabelsGiveTheTitlesOfEveryCodedValue) {
  const Response r = Call("/v1/labels");
  ASSERT_EQ(r.result(), http::status::ok);
  EXPECT_EQ(r[http::field::content_type], "application/json; charset=utf-8");
  const std::string& body = r.body();
  const auto has = [&](const std::string& code, const std::string& title) {
    return body.find("{\"value\":\"" + code + "\",\"label\":\"" + title + "\"}") != std::string::npos;
  };
  for (const ActionLine& line : ActionLines::Builtin().all()) EXPECT_TRUE(has(line.code, line.title)) << line.code;
  for (const CodeTitle& t : CodeTitles::DocumentTypes().all()) EXPECT_TRUE(has(t.code, t.title)) << t.code;
  for (const CodeTitle& t : CodeTitles::Bodies().all()) EXPECT_TRUE(has(t.code, t.title)) << t.code;
  EXPECT_EQ(body.find("\"country\""), std::string::npos) << "countries are labelled in the answers";
  EXPECT_EQ(body.substr(0, 17), "{\"action_line\":[{");
}

TEST_F(HandlerTest, UnknownAssetsAndTraversalAre404) {
  for (const std::string target :
       {"/assets/nope.js", "/assets/", "/assets/..", "/assets/../handler.cc", "/assets/..%2Fhandler.cc",
        "/assets/%2e%2e%2fCMakeLists.txt", "/assets/app.js/x", "/assets/index.html", "/assets/APP.JS", "/index.html"}) {
    const Response r = Call(target);
    EXPECT_EQ(r.result(), http::status::not_found) << target;
    EXPECT_EQ(r[http::field::content_type], "application/json; charset=utf-8") << target;
    EXPECT_EQ(info_.error_code, "not_found") << target;
  }
}

TEST_F(HandlerTest, AnUnchangedAssetIs304WithoutABody) {
  const Response first = Call("/assets/app.js");
  const std::string etag(first[http::field::etag]);
  ASSERT_EQ(etag.front(), '"');
  Request request{http::verb::get, "/assets/app.js", 11};
  request.set(http::field::if_none_match, etag);
  const Response again = HandleRequest(request, *pool_, metrics_);
  EXPECT_EQ(again.result(), http::status::not_modified);
  EXPECT_TRUE(again.body().empty());
  EXPECT_EQ(again[http::field::etag], etag);
  request.set(http::field::if_none_match, "\"something-else\"");
  EXPECT_EQ(HandleRequest(request, *pool_, metrics_).result(), http::status::ok);
  // Each file has its own validator.
  EXPECT_NE(Call("/assets/style.css")[http::field::etag], etag);
}

TEST_F(HandlerTest, PageAnswersHeadAndRefusesOtherMethods) {
  const Response head = Call("/", http::verb::head);
  EXPECT_EQ(head.result(), http::status::ok);
  EXPECT_TRUE(head.body().empty());
  EXPECT_EQ(head[http::field::content_length], std::to_string(WebPage().body.size()));
  const Response post = Call("/", http::verb::post);
  EXPECT_EQ(post.result(), http::status::method_not_allowed);
  EXPECT_EQ(post[http::field::allow], "GET, HEAD");
  EXPECT_EQ(Call("/assets/app.js", http::verb::delete_).result(), http::status::method_not_allowed);
}

// ---- Originals ---------------------------------------------------------------

// A folder of archive files indexed by the real build (a new generation,
// then incremental builds), and a handler over the index.
class OriginalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(archive_);
    Write("speech-ken.txt", "Twenty-sixth session\n\n1. Kenya spoke on broadband.\n");
    Write("notes.md", "# Notes\n\n1. Markdown on e-government.\n");
    Write("page.html", "<html><body><h1>Page</h1><p>1. HTML on <b>e-waste</b>.</p></body></html>\n");
    Build(false);
  }
  void TearDown() override { pool_.reset(); }

  void Write(const std::string& name, const std::string& bytes) {
    test_support::WriteFile((archive_ / name).string(), bytes);
  }
  std::string Index() const { return (root_ / "index").string(); }

  // Builds the index of the archive folder and opens a fresh pool on it.
  void Build(bool rebuild) {
    pool_.reset();
    indexer::BuildOptions options;
    options.index_dir = Index();
    options.sources = {archive_.string()};
    options.rebuild = rebuild;
    options.threads = 2;
    std::ostringstream progress;
    const auto summary = indexer::Build(options, progress);
    ASSERT_TRUE(summary.skipped.empty()) << progress.str();
    pool_ = std::make_unique<IndexPool>(Index());
  }

  Response Call(const std::string& target, const std::string& if_none_match = "", http::verb method = http::verb::get) {
    Request request{method, target, 11};
    if (!if_none_match.empty()) request.set(http::field::if_none_match, if_none_match);
    return HandleRequest(request, *pool_, metrics_, &info_);
  }

  // The message of an error answer, checked to name `doc_id` and no path
  // on this machine.
  std::string ErrorMessage(const Response& r, const std::string& doc_id) {
    rapidjson::Document d;
    d.Parse(r.body().c_str());
    EXPECT_TRUE(d.IsObject() && d.HasMember("error")) << r.body();
    const std::string message = d["error"]["message"].GetString();
    EXPECT_NE(message.find("'" + doc_id + "'"), std::string::npos) << message;
    EXPECT_EQ(message.find(root_.string()), std::string::npos) << message;
    return message;
  }

  const test_support::TempDir temp_{"original"};
  const std::filesystem::path root_ = temp_.path();
  const std::filesystem::path archive_ = root_ / "archive";
  std::unique_ptr<IndexPool> pool_;
  Metrics metrics_{EndpointLabels()};
  RequestInfo info_;
};

TEST_F(OriginalTest, TheDocumentNamesItsOriginalAndFormatAndNoPath) {
  const struct {
    const char* doc_id;
    const char* format;
  } kCases[] = {{"speech-ken", "text"}, {"notes", "markdown"}, {"page", "html"}};
  for (const auto& c : kCases) {
    const Response r = Call(std::string("/v1/documents/") + c.doc_id);
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    rapidjson::Document d;
    d.Parse(r.body().c_str());
    const auto& doc = d["document"];
    EXPECT_FALSE(doc.HasMember("source")) << r.body();
    EXPECT_EQ(r.body().find(root_.string()), std::string::npos) << r.body();
    EXPECT_STREQ(doc["original"].GetString(), (std::string("/v1/documents/") + c.doc_id + "/original").c_str());
    EXPECT_STREQ(doc["format"].GetString(), c.format);
    // Formats without pages: every paragraph's page is null.
    for (const auto& p : d["paragraphs"].GetArray()) EXPECT_TRUE(p["page"].IsNull());
  }
}

TEST_F(OriginalTest, ServesEachFormatAsItWasRead) {
  const struct {
    const char* doc_id;
    const char* file;
    const char* content_type;
    bool sandboxed;
  } kCases[] = {{"speech-ken", "speech-ken.txt", "text/plain; charset=utf-8", true},
                {"notes", "notes.md", "text/markdown; charset=utf-8", true},
                {"page", "page.html", "text/html; charset=utf-8", true}};
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.doc_id);
    const Response r = Call(std::string("/v1/documents/") + c.doc_id + "/original");
    ASSERT_EQ(r.result(), http::status::ok) << r.body();
    EXPECT_EQ(info_.endpoint, "/v1/documents/{doc_id}/original");
    std::ifstream in(archive_ / c.file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(r.body(), bytes);
    EXPECT_EQ(r[http::field::content_type], c.content_type);
    EXPECT_EQ(r[http::field::content_disposition], std::string("inline; filename=\"") + c.file + "\"");
    EXPECT_EQ(r[http::field::cache_control], "no-cache");
    EXPECT_EQ(r[http::field::etag], "\"" + ContentHash(bytes) + "\"");
    EXPECT_EQ(r["X-Content-Type-Options"], "nosniff");
    EXPECT_EQ(std::string(r["Content-Security-Policy"]).rfind("sandbox;", 0) == 0, c.sandboxed);
  }
}

TEST_F(OriginalTest, AnUnchangedOriginalIs304AndHeadHasNoBody) {
  const Response first = Call("/v1/documents/notes/original");
  const std::string etag(first[http::field::etag]);
  const Response again = Call("/v1/documents/notes/original", etag);
  EXPECT_EQ(again.result(), http::status::not_modified);
  EXPECT_TRUE(again.body().empty());
  EXPECT_EQ(again[http::field::etag], etag);
  EXPECT_EQ(Call("/v1/documents/notes/original", "\"0000000000000000\"").result(), http::status::ok);
  const Response head = Call("/v1/documents/notes/original", "", http::verb::head);
  EXPECT_EQ(head.result(), http::status::ok);
  EXPECT_TRUE(head.body().empty());
  EXPECT_EQ(head[http::field::content_length], std::to_string(first.body().size()));
}

TEST_F(OriginalTest, UnknownDocumentsAndVanishedFilesAre404) {
  const Response unknown = Call("/v1/documents/no-such-doc/original");
  EXPECT_EQ(unknown.result(), http::status::not_found);
  EXPECT_EQ(info_.error_code, "not_found");
  ErrorMessage(unknown, "no-such-doc");

  std::filesystem::remove(archive_ / "notes.md");
  const Response gone = Call("/v1/documents/notes/original");
  EXPECT_EQ(gone.result(), http::status::not_found);
  EXPECT_NE(ErrorMessage(gone, "notes").find("gone from disk"), std::string::npos);
  // The document is still served from the index until the next build.
  EXPECT_EQ(Call("/v1/documents/notes").result(), http::status::ok);
}

TEST_F(OriginalTest, AChangedFileIsRefusedNeverServed) {
  const std::string kNewBytes = "Twenty-sixth session\n\n1. Kenya spoke on satellites instead, and at length.\n";
  // Other bytes of the same size, then of another size: both refused.
  for (const std::string& bytes : {std::string("Twenty-sixth session\n\n1. Kenya spoke on BROADBAND.\n"), kNewBytes}) {
    Write("speech-ken.txt", bytes);
    const Response r = Call("/v1/documents/speech-ken/original");
    EXPECT_EQ(r.result(), http::status::conflict) << bytes;
    EXPECT_EQ(info_.error_code, "changed");
    EXPECT_NE(ErrorMessage(r, "speech-ken").find("changed on disk since it was indexed"), std::string::npos);
    EXPECT_EQ(r.body().find("BROADBAND"), std::string::npos);
  }
  // A browser's copy of the indexed bytes is still the indexed original.
  const std::string indexed = "\"" + ContentHash("Twenty-sixth session\n\n1. Kenya spoke on broadband.\n") + "\"";
  EXPECT_EQ(Call("/v1/documents/speech-ken/original", indexed).result(), http::status::not_modified);
  // The next build takes the new bytes; they are then the original.
  Build(false);
  const Response r = Call("/v1/documents/speech-ken/original");
  EXPECT_EQ(r.result(), http::status::ok);
  EXPECT_EQ(r.body(), kNewBytes);
}

TEST_F(OriginalTest, ATouchedFileWithTheSameBytesIsServed) {
  const auto when = std::filesystem::last_write_time(archive_ / "notes.md");
  std::filesystem::last_write_time(archive_ / "notes.md", when + std::chrono::hours(1));
  EXPECT_EQ(Call("/v1/documents/notes/original").result(), http::status::ok);
}

TEST_F(OriginalTest, AnIndexWithoutFileRecordsGetsThemAtItsNextBuild) {
  pool_.reset();
  {
    // As an index built before file records were: none for any document.
    Xapian::WritableDatabase db((std::filesystem::path(Index()) / "gen-000001").string());
    for (const char* id : {"speech-ken", "notes", "page"}) db.set_metadata("file:" + std::string(id), "");
    db.commit();
  }
  pool_ = std::make_unique<IndexPool>(Index());
  const Response before = Call("/v1/documents/notes/original");
  EXPECT_EQ(before.result(), http::status::not_found);
  EXPECT_NE(ErrorMessage(before, "notes").find("records no file"), std::string::npos);
  // Nothing changed, so nothing is read; the records are added all the same.
  Build(false);
  EXPECT_EQ(Call("/v1/documents/notes/original").result(), http::status::ok);
  EXPECT_EQ(Call("/v1/documents/page/original").result(), http::status::ok);
}

TEST_F(OriginalTest, ANewGenerationRecordsTheFilesToo) {
  Build(true);
  EXPECT_EQ(Call("/v1/documents/page/original").result(), http::status::ok);
  std::filesystem::remove(archive_ / "page.html");
  Build(false);  // the vanished file's document goes, and its record with it
  EXPECT_EQ(Call("/v1/documents/page").result(), http::status::not_found);
  EXPECT_EQ(Call("/v1/documents/page/original").result(), http::status::not_found);
}

TEST(EndpointOfTest, NamesRoutePatternsAndOther) {
  EXPECT_EQ(EndpointOf("/"), "/");
  EXPECT_EQ(EndpointOf("/?q=internet+governance"), "/");
  EXPECT_EQ(EndpointOf("/assets/app.js"), "/assets/{name}");
  EXPECT_EQ(EndpointOf("/assets/"), kOtherEndpoint);
  EXPECT_EQ(EndpointOf("/v1/search?q=x"), "/v1/search");
  EXPECT_EQ(EndpointOf("/v1/facets/country?prefix=a"), "/v1/facets/{field}");
  EXPECT_EQ(EndpointOf("/v1/documents/abc"), "/v1/documents/{doc_id}");
  EXPECT_EQ(EndpointOf("/v1/documents/"), kOtherEndpoint);
  EXPECT_EQ(EndpointOf("/v1/documents/a/b"), kOtherEndpoint);
  EXPECT_EQ(EndpointOf("/v1/documents/abc/original"), "/v1/documents/{doc_id}/original");
  EXPECT_EQ(EndpointOf("/v1/documents//original"), kOtherEndpoint);
  EXPECT_EQ(EndpointOf("/v1/documents/a/b/original"), kOtherEndpoint);
  EXPECT_EQ(EndpointOf("/metrics"), "/metrics");
  EXPECT_EQ(EndpointOf("/%ZZ"), kOtherEndpoint);
  EXPECT_EQ(EndpointOf("/wp-admin.php"), kOtherEndpoint);
  const auto labels = EndpointLabels();
  EXPECT_NE(std::find(labels.begin(), labels.end(), "/v1/health"), labels.end());
  EXPECT_EQ(labels.back(), kOtherEndpoint);
}

TEST(ParseTargetTest, DecodesParameters) {
  Params params;
  EXPECT_EQ(ParseTarget("/v1/search?q=internet+governance&country=JPN&country=BRA%2CIND", &params), "/v1/search");
  EXPECT_EQ(params.count("country"), 2u);
  EXPECT_EQ(params.find("q")->second, "internet governance");
  const auto r = ParseSearchParams(params);
  EXPECT_EQ(r.countries, (std::vector<std::string>{"JPN", "BRA", "IND"}));
}

TEST(ParseTargetTest, BrokenEscapeNamesTheParameter) {
  Params params;
  try {
    ParseTarget("/v1/search?year=%G1", &params);
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.parameter(), "year");
  }
}

TEST(ParseSearchParamsTest, RejectsOutOfRangeValuesNamingThem) {
  const struct {
    const char* name;
    const char* value;
  } kCases[] = {{"per_page", "101"}, {"per_page", "0"},   {"page", "0"},        {"page", "x"},
                {"year", "abc"},     {"session", "3..1"}, {"sort", "sideways"}, {"group", "x"}};
  for (const auto& c : kCases) {
    Params params{{c.name, c.value}};
    try {
      ParseSearchParams(params);
      ADD_FAILURE() << c.name << "=" << c.value << " accepted";
    } catch (const UsageError& e) {
      EXPECT_EQ(e.parameter(), c.name);
      EXPECT_NE(std::string(e.what()).find(c.name), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace cstd::searchd
