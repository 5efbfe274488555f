// Every example the README gives works on the sample archive that
// `tools/run` indexes and serves: this test reads README.md, indexes
// data/sample as tools/run does, serves it with the real cstd-searchd, and
// runs each example -- every `curl`, `cstd-query` and `cstd-indexer
// inspect` line and every page link (`/?...`) -- expecting it to find
// something.

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "query/http_client.h"
#include "tests/support/process.h"
#include "tests/support/raw_http.h"

namespace cstd::testing {
namespace {

// The address the README's examples use (tools/run's default).
constexpr char kReadmeServer[] = "http://127.0.0.1:8080";

std::string Readme() {
  std::ifstream in(std::string(CSTD_SOURCE_DIR) + "/README.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> AllMatches(const std::string& text, const std::regex& pattern) {
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

// A command line's words, as a shell splits them (double quotes group).
std::vector<std::string> Words(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool quoted = false, any = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if (c == ' ' && !quoted) {
      if (any) words.push_back(word);
      word.clear();
      any = false;
    } else {
      word.push_back(c);
      any = true;
    }
  }
  if (any) words.push_back(word);
  return words;
}

// Splits "/?a=1&b=2#p3" into its parameters (decoded) and its anchor.
std::multimap<std::string, std::string> PageParams(const std::string& link, std::string* anchor) {
  std::multimap<std::string, std::string> params;
  const size_t hash = link.find('#');
  if (anchor) *anchor = hash == std::string::npos ? "" : link.substr(hash + 1);
  std::stringstream query(link.substr(2, hash == std::string::npos ? std::string::npos : hash - 2));
  std::string pair;
  while (std::getline(query, pair, '&')) {
    const size_t eq = pair.find('=');
    std::string value = pair.substr(eq + 1);
    for (char& c : value) {
      if (c == '+') c = ' ';
    }
    params.emplace(pair.substr(0, eq), value);
  }
  return params;
}

class ReadmeExamplesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served_ = new ServedIndex();
    const RunResult build = BuildIndex(served_->index(), SampleArchive());
    ASSERT_EQ(build.exit_code, 0) << build.err;
    served_->Serve();
  }
  static void TearDownTestSuite() { delete served_; }

  static query::HttpResult Get(const std::string& target) {
    return query::HttpGet(served_->server().host(), served_->server().port(), target);
  }
  static rapidjson::Document Json(const std::string& target) {
    const query::HttpResult r = Get(target);
    EXPECT_EQ(r.status, 200) << target << "\n" << r.body;
    rapidjson::Document d;
    d.Parse(r.body.c_str());
    EXPECT_FALSE(d.HasParseError()) << target << "\n" << r.body;
    return d;
  }

  static ServedIndex* served_;
};

ServedIndex* ReadmeExamplesTest::served_ = nullptr;

TEST_F(ReadmeExamplesTest, EveryCurlExampleFindsSomething) {
  const auto targets = AllMatches(Readme(), std::regex(R"(curl (?:-\S+ )*'http://127\.0\.0\.1:8080(/[^']*)')"));
  ASSERT_GE(targets.size(), 4u) << "the README's curl examples were not found";
  for (const std::string& target : targets) {
    SCOPED_TRACE(target);
    if (target.ends_with("/original")) {
      const query::HttpResult r = Get(target);
      EXPECT_EQ(r.status, 200);
      EXPECT_FALSE(r.body.empty());
      continue;
    }
    if (target.starts_with("/v1/export")) {
      // The rows are counted before the first is written.
      const HttpResponse r = Request(served_->server().host(), served_->server().port(), "GET", target);
      EXPECT_EQ(r.status, 200) << r.body;
      EXPECT_NE(r.Header("x-export-rows"), "0") << r.body;
      EXPECT_FALSE(r.Header("x-export-rows").empty());
      continue;
    }
    if (target.starts_with("/v1/feed")) {
      const query::HttpResult r = Get(target);
      EXPECT_EQ(r.status, 200) << r.body;
      EXPECT_NE(r.body.find("<entry>"), std::string::npos) << r.body;
      continue;
    }
    const rapidjson::Document d = Json(target);
    if (target.starts_with("/v1/search") || target.starts_with("/v1/passages/")) {
      EXPECT_GT(d["total"].GetUint64(), 0u);
    } else if (target.starts_with("/v1/facets/")) {
      EXPECT_GT(d["values"].Size(), 0u);
    } else if (target.starts_with("/v1/documents/")) {
      EXPECT_GT(d["paragraphs"].Size(), 0u);
    } else if (target.starts_with("/v1/compare")) {
      EXPECT_GT(d["rows"].Size(), 0u);
    } else {
      ADD_FAILURE() << "an example this test does not know how to check";
    }
  }
}

TEST_F(ReadmeExamplesTest, EveryCommandLineExampleFindsSomething) {
  const std::string readme = Readme();
  const auto queries = AllMatches(readme, std::regex(R"(\nbuild/bin/cstd-query ([^\n#]+))"));
  ASSERT_GE(queries.size(), 2u) << "the README's cstd-query examples were not found";
  for (const std::string& line : queries) {
    SCOPED_TRACE(line);
    std::vector<std::string> argv = {ProgramPath("cstd-query")};
    for (std::string word : Words(line)) {
      if (word == ">") break;  // a shell redirection: the output is read here
      if (word == kReadmeServer) word = served_->server().url();
      if (word == "var/index") word = served_->index();  // tools/run's index
      argv.push_back(word);
    }
    const RunResult r = RunCommand(argv);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    if (line.find("--json") != std::string::npos) {
      rapidjson::Document d;
      d.Parse(r.out.c_str());
      ASSERT_FALSE(d.HasParseError()) << r.out;
      EXPECT_GT(d["total"].GetUint64(), 0u);
    } else if (line.find("--export") != std::string::npos) {
      EXPECT_GE(std::count(r.out.begin(), r.out.end(), '\n'), 2) << "a header and no row:\n" << r.out;
    } else {
      EXPECT_FALSE(r.out.starts_with("0 hits")) << r.out;
    }
  }
  const auto inspected = AllMatches(readme, std::regex(R"(\nbuild/bin/cstd-indexer inspect (data/sample/\S+))"));
  ASSERT_GE(inspected.size(), 1u);
  for (const std::string& file : inspected) {
    const RunResult r =
        RunCommand({ProgramPath("cstd-indexer"), "inspect", std::string(CSTD_SOURCE_DIR) + "/" + file});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    EXPECT_GT(d["paragraphs"].Size(), 0u) << file;
  }
}

// The page's links: the page asks the API what each shows, so the API's
// answer to the same parameters must hold something.
TEST_F(ReadmeExamplesTest, EveryPageLinkShowsSomething) {
  const auto links = AllMatches(Readme(), std::regex(R"(`(/\?[^`]+)`)"));
  ASSERT_GE(links.size(), 4u) << "the README's page links were not found";
  for (const std::string& link : links) {
    SCOPED_TRACE(link);
    std::string anchor;
    const auto params = PageParams(link, &anchor);
    if (params.count("person")) {
      EXPECT_GT(Json("/v1/speakers/" + params.find("person")->second)["passages"].GetUint64(), 0u);
    } else if (params.count("delegation")) {
      EXPECT_GT(Json("/v1/countries/" + params.find("delegation")->second)["passages"].GetUint64(), 0u);
    } else if (params.count("compare")) {
      std::string target = "/v1/compare?delegations=" + query::UrlEncode(params.find("compare")->second);
      for (const auto& [name, value] : params) {
        if (name != "compare") target += "&" + name + "=" + query::UrlEncode(value);
      }
      EXPECT_GT(Json(target)["rows"].Size(), 0u);
    } else if (params.count("doc")) {
      const rapidjson::Document d = Json("/v1/documents/" + params.find("doc")->second);
      bool found = anchor.empty();
      for (const auto& p : d["paragraphs"].GetArray()) {
        found = found || (p["number"].IsInt() && "p" + std::to_string(p["number"].GetInt()) == anchor);
      }
      EXPECT_TRUE(found) << "no paragraph #" << anchor;
    } else {
      std::string target = "/v1/search?per_page=1";
      for (const auto& [name, value] : params) target += "&" + name + "=" + query::UrlEncode(value);
      EXPECT_GT(Json(target)["total"].GetUint64(), 0u);
    }
  }
}

}  // namespace
}  // namespace cstd::testing
