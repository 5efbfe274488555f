// A delegate's workflows end to end (issue 16), against a real cstd-searchd
// over ../shared/corpus/cstd and two statements written here: exports
// (every format, their rows against the search's total, the CSV read by
// Python's csv module, the bound), cstd-query --export, the Atom feed (read
// by Python's XML parser, Atom's required elements, a new build's
// paragraphs showing in it), similar statements (a known paraphrase found)
// and the comparison of delegations (its counts against the search's).

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "query/http_client.h"
#include "tests/support/process.h"
#include "tests/support/raw_http.h"

namespace cstd::testing {
namespace {

namespace fs = std::filesystem;

// A statement of the 25th session that says what paragraph 25 of the panel
// report (001_9fb1818520dbe4d0-25, on the African Institute for
// Mathematical Sciences) says, in other words and without its name; with
// accents, for the CSV.
constexpr const char* kParaphrase =
    "United Nations\nE/CN.16/2022/NGO.7\nEconomic and Social Council\nDistr.: General\n14 February 2022\n"
    "Original: English\n\nCommission on Science and Technology for Development\nTwenty-fifth session\n"
    "Geneva, 28 March-1 April 2022\n\nStatement submitted by a delegation\n\n"
    "1. The delegate of Côte d'Ivoire commended a training centre for mathematics, with campuses in Ghana and "
    "Rwanda, that brings Africa's strongest graduate students together with leading lecturers from around the "
    "world so that they can lead the continent's digital transformation; thousands of students from dozens of "
    "African countries have studied there.\n\n"
    "2. The delegate of Côte d'Ivoire also asked for more support to the Commission's work on gender equality.\n";
constexpr const char* kKnownParagraph = "001_9fb1818520dbe4d0-25";

// A report dated after everything in the corpus, that a later build adds.
constexpr const char* kLater =
    "United Nations\nE/CN.16/2030/4\nEconomic and Social Council\nDistr.: General\n3 March 2030\n"
    "Original: English\n\nCommission on Science and Technology for Development\nThirty-third session\n"
    "Geneva, 20-24 May 2030\n\nFollow-up to the Internet Governance Forum\n\nReport of the Secretary-General\n\n"
    "1. The delegate of São Tomé and Príncipe said that the Internet Governance Forum should meet in Abidjan.\n\n"
    "2. The Internet Governance Forum reported on its intersessional work.\n";

// Copies the corpus and the paraphrase into `archive`.
void WriteArchive(const std::string& archive) {
  fs::create_directories(archive);
  for (const auto& entry : fs::directory_iterator(SharedCorpus())) {
    fs::copy_file(entry.path(), fs::path(archive) / entry.path().filename());
  }
  WriteFile(archive + "/paraphrase.txt", kParaphrase);
}

rapidjson::Document ParseJson(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  EXPECT_FALSE(d.HasParseError()) << text.substr(0, 300);
  return d;
}

// Runs `script` with Debian's Python on `file` (its sys.argv[1]) and returns
// what it printed, as JSON.
rapidjson::Document Python(const std::string& script, const std::string& file) {
  const RunResult r = RunCommand({"/usr/bin/python3", "-c", script, file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return ParseJson(r.out);
}

// Reads a CSV export as a spreadsheet program's importer would: Python's csv
// module on the file decoded as UTF-8 (the BOM taken as the signature).
constexpr const char* kReadCsv = R"(
import csv, json, sys
with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f))
print(json.dumps({'header': rows[0], 'rows': rows[1:]}))
)";

// Reads an Atom feed with Python's XML parser and lists what RFC 4287
// requires of a feed and of each entry (atom:id, atom:title, atom:updated;
// an author for the feed or for every entry; a link or content per entry).
constexpr const char* kReadAtom = R"(
import json, sys, xml.etree.ElementTree as ET
A = '{http://www.w3.org/2005/Atom}'
root = ET.parse(sys.argv[1]).getroot()
def text(e, name):
    x = e.find(A + name)
    return None if x is None else (x.text or '')
entries = []
for e in root.findall(A + 'entry'):
    link = e.find(A + 'link')
    entries.append({'id': text(e, 'id'), 'title': text(e, 'title'), 'updated': text(e, 'updated'),
                    'authors': len(e.findall(A + 'author')), 'content': text(e, 'content'),
                    'link': None if link is None else link.get('href')})
print(json.dumps({'tag': root.tag, 'id': text(root, 'id'), 'title': text(root, 'title'),
                  'updated': text(root, 'updated'), 'authors': len(root.findall(A + 'author')),
                  'entries': entries}))
)";

class WorkflowsApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served_ = new ServedIndex();
    WriteArchive(served_->path() + "/archive");
    const RunResult build = BuildIndex(served_->index(), served_->path() + "/archive");
    ASSERT_EQ(build.exit_code, 0) << build.err;
    served_->Serve();
  }
  static void TearDownTestSuite() { delete served_; }

  static HttpResponse Get(const std::string& target) {
    return cstd::testing::Get(served_->server().host(), served_->server().port(), target);
  }

  // The search's total and its passages in order (all of them, page by page).
  static std::pair<uint64_t, std::vector<std::string>> Search(const std::string& params) {
    std::vector<std::string> ids;
    uint64_t total = 0;
    for (int page = 1;; ++page) {
      const HttpResponse r = Get("/v1/search?" + params + "&per_page=100&facets=&page=" + std::to_string(page));
      EXPECT_EQ(r.status, 200) << r.body;
      const auto d = ParseJson(r.body);
      total = d["total"].GetUint64();
      for (const auto& hit : d["hits"].GetArray()) ids.emplace_back(hit["passage_id"].GetString());
      if (d["hits"].Empty()) break;
    }
    return {total, ids};
  }

  // The passage ids of a JSON-lines export, in order.
  static std::vector<std::string> JsonLinesIds(const std::string& body) {
    std::vector<std::string> ids;
    std::istringstream lines(body);
    for (std::string line; std::getline(lines, line);) {
      const auto row = ParseJson(line);
      ids.emplace_back(row["passage_id"].GetString());
    }
    return ids;
  }

  static ServedIndex* served_;
};

ServedIndex* WorkflowsApiTest::served_ = nullptr;

// The export's rows are the search's hits, all of them, in its order, in
// every format; X-Export-Rows says so before the first.
TEST_F(WorkflowsApiTest, ExportsAsManyRowsAsTheSearchFindsInItsOrder) {
  for (const std::string params : {"q=", "q=internet+governance", "q=WSIS&sort=date_desc", "q=digital&country=IRN",
                                   "q=development&group=document", "q=zzzznothing"}) {
    SCOPED_TRACE(params);
    const auto [total, ids] = Search(params);
    const HttpResponse jsonl = Get("/v1/export?" + params + "&format=jsonl");
    ASSERT_EQ(jsonl.status, 200) << jsonl.body;
    EXPECT_EQ(jsonl.Header("content-type"), "application/x-ndjson; charset=utf-8");
    EXPECT_EQ(jsonl.Header("x-export-rows"), std::to_string(total));
    EXPECT_EQ(JsonLinesIds(jsonl.body), ids);

    const HttpResponse csv = Get("/v1/export?" + params + "&format=csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.Header("transfer-encoding"), "chunked");
    const TempDir temp("csv");
    const auto table = Python(kReadCsv, temp.Write("export.csv", csv.body));
    EXPECT_EQ(table["rows"].Size(), total);
    const HttpResponse txt = Get("/v1/export?" + params + "&format=txt");
    ASSERT_EQ(txt.status, 200);
    size_t blocks = 0;
    for (size_t at = txt.body.find("\n\nhttp://"); at != std::string::npos; at = txt.body.find("\n\nhttp://", at + 1)) {
      ++blocks;
    }
    EXPECT_EQ(blocks, total) << "one block, ending in its link, per paragraph";
  }
  // The whole index: several chunks.
  const auto [all, ids] = Search("q=");
  ASSERT_GT(all, 150u);
  EXPECT_GT(Get("/v1/export?q=&format=txt").body.size(), 2 * 64 * 1024u);
}

// Spreadsheet programs open the CSV with its accents: Python's csv module
// reads it back, header and every field, text as indexed.
TEST_F(WorkflowsApiTest, CsvParsesWithPythonAndKeepsNonAsciiText) {
  const HttpResponse r = Get("/v1/export?q=mathematics+OR+%22C%C3%B4te+d%27Ivoire%22&format=csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"), "text/csv; charset=utf-8; header=present");
  EXPECT_EQ(r.Header("content-disposition"), "attachment; filename=\"cstd-export.csv\"");
  EXPECT_EQ(r.body.rfind("\xEF\xBB\xBF", 0), 0u) << "the BOM tells spreadsheet programs it is UTF-8";
  const TempDir temp("csv");
  const auto table = Python(kReadCsv, temp.Write("export.csv", r.body));
  std::vector<std::string> header;
  for (const auto& h : table["header"].GetArray()) header.emplace_back(h.GetString());
  EXPECT_EQ(header, (std::vector<std::string>{"citation", "symbol", "title", "type", "session", "year", "date",
                                              "paragraph", "page", "speakers", "delegations", "action_lines",
                                              "action_lines_inferred", "text", "link", "passage_id"}));
  std::set<std::string> delegations;
  bool paraphrase = false;
  for (const auto& row : table["rows"].GetArray()) {
    ASSERT_EQ(row.Size(), header.size());
    delegations.insert(row[10].GetString());
    const std::string text = row[13].GetString();
    if (std::string(row[15].GetString()) == "paraphrase-2") {
      paraphrase = true;
      EXPECT_NE(text.find("The delegate of Côte d'Ivoire commended"), std::string::npos) << text;
      EXPECT_EQ(std::string(row[0].GetString()), "E/CN.16/2022/NGO.7, para. 1");
      // On the Host the request named (this test's client names no port).
      EXPECT_EQ(std::string(row[14].GetString()), "http://" + served_->server().host() + "/?doc=paraphrase#p1");
    }
  }
  EXPECT_TRUE(paraphrase) << "the paraphrase's paragraph";
  EXPECT_TRUE(std::any_of(delegations.begin(), delegations.end(),
                          [](const std::string& s) { return s.find("Côte d'Ivoire") != std::string::npos; }));
}

// Ticked hits: exactly those, in the order ticked.
TEST_F(WorkflowsApiTest, ExportsTickedPassagesInTheirOrder) {
  const HttpResponse r =
      Get("/v1/export?format=jsonl&q=ignored&passage_id=paraphrase-2,001_9fb1818520dbe4d0-25&passage_id=paraphrase-2");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(JsonLinesIds(r.body), (std::vector<std::string>{"paraphrase-2", "001_9fb1818520dbe4d0-25"}));
  const HttpResponse missing = Get("/v1/export?passage_id=paraphrase-2,nowhere-1");
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(missing.body.find("nowhere-1"), std::string::npos) << missing.body;
}

// Past --max-export, a 400 naming the bound and the count; never a cut.
TEST_F(WorkflowsApiTest, AnExportPastTheBoundIsRefusedNamingIt) {
  const ServerProcess small(served_->index(), {"--max-export", "10"});
  const auto [total, ids] = Search("q=WSIS");
  ASSERT_GT(total, 10u);
  const HttpResponse r = cstd::testing::Get(small.host(), small.port(), "/v1/export?q=WSIS");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("matches " + std::to_string(total) + " paragraphs, more than max_export=10"), std::string::npos)
      << r.body;
  EXPECT_EQ(cstd::testing::Get(small.host(), small.port(), "/v1/export?q=WSIS&year=1900").status, 200);
}

// cstd-query --export writes the same rows, in-process and from the server.
TEST_F(WorkflowsApiTest, CstdQueryExportsTheSameRows) {
  const auto [total, ids] = Search("q=internet+governance&sort=date_asc");
  for (const std::vector<std::string>& source :
       {std::vector<std::string>{"--index", served_->index()}, {"--server", served_->server().url()}}) {
    std::vector<std::string> argv = {ProgramPath("cstd-query")};
    argv.insert(argv.end(), source.begin(), source.end());
    for (const char* arg : {"--export", "jsonl", "--sort", "date_asc", "internet", "governance"}) argv.push_back(arg);
    const RunResult r = RunCommand(argv);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(JsonLinesIds(r.out), ids) << source[0];
  }
  const RunResult bad = RunCommand({ProgramPath("cstd-query"), "--index", served_->index(), "--export", "xlsx", "x"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--export"), std::string::npos) << bad.err;
}

// The feed parses as XML and has what Atom requires; a build that adds
// matching paragraphs shows them at the top, stamped with that build.
TEST(WorkflowsFeedTest, IsAtomAndShowsWhatANewBuildAdds) {
  const TempDir temp("feed");
  const std::string archive = temp.path() + "/archive";
  WriteArchive(archive);
  const std::string index = temp.path() + "/index";
  ASSERT_EQ(BuildIndex(index, archive).exit_code, 0);
  const ServerProcess server(index);
  const auto feed = [&](const std::string& file) {
    const HttpResponse r = Get(server.host(), server.port(), "/v1/feed?q=%22Internet+Governance+Forum%22");
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/atom+xml; charset=utf-8");
    return Python(kReadAtom, temp.Write(file, r.body));
  };
  const auto check_atom = [](const rapidjson::Document& f) {
    EXPECT_STREQ(f["tag"].GetString(), "{http://www.w3.org/2005/Atom}feed");
    for (const char* required : {"id", "title", "updated"}) {
      ASSERT_TRUE(f[required].IsString()) << required;
      EXPECT_GT(f[required].GetStringLength(), 0u) << required;
    }
    EXPECT_GE(f["authors"].GetInt(), 1);
    ASSERT_GT(f["entries"].Size(), 0u);
    std::set<std::string> ids;
    for (const auto& e : f["entries"].GetArray()) {
      for (const char* required : {"id", "title", "updated", "link", "content"}) {
        ASSERT_TRUE(e[required].IsString()) << required;
        EXPECT_GT(e[required].GetStringLength(), 0u) << required;
      }
      // RFC 3339 in UTC; the feed's is the newest.
      EXPECT_EQ(std::string(e["updated"].GetString()).size(), 20u) << e["updated"].GetString();
      EXPECT_LE(std::string(e["updated"].GetString()), std::string(f["updated"].GetString()));
      EXPECT_TRUE(ids.insert(e["id"].GetString()).second) << "ids are unique";
    }
  };
  const auto before = feed("before.xml");
  check_atom(before);
  const std::string first_updated = before["updated"].GetString();

  WriteFile(archive + "/later.txt", kLater);
  const RunResult build = BuildIndex(index, archive);
  ASSERT_EQ(build.exit_code, 0) << build.err;
  // searchd sees a commit within a second or two (IndexPool); wait for it,
  // by what it serves, under a deadline that only guards against a hang.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (Get(server.host(), server.port(), "/v1/documents/later").status != 200) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the new document never showed";
  }
  const auto after = feed("after.xml");
  check_atom(after);
  ASSERT_GT(after["entries"].Size(), before["entries"].Size()) << "the feed holds at most 50; here fewer match";
  // The new report is the newest document: its paragraphs come first, added
  // by the later build, and the feed's updated is theirs; the paragraphs
  // that were in the feed follow, with the time they had.
  rapidjson::SizeType added = 0;
  while (added < after["entries"].Size() &&
         std::string(after["entries"][added]["link"].GetString()).find("/?doc=later#") != std::string::npos) {
    const auto& e = after["entries"][added];
    EXPECT_GE(std::string(e["updated"].GetString()), first_updated);
    EXPECT_EQ(std::string(e["updated"].GetString()), std::string(after["updated"].GetString()));
    EXPECT_NE(std::string(e["title"].GetString()).find("E/CN.16/2030/4"), std::string::npos) << e["title"].GetString();
    ++added;
  }
  EXPECT_GE(added, 2u) << "both numbered paragraphs of the new report";
  ASSERT_EQ(after["entries"].Size(), before["entries"].Size() + added);
  for (rapidjson::SizeType i = 0; i < before["entries"].Size(); ++i) {
    EXPECT_EQ(std::string(after["entries"][added + i]["id"].GetString()),
              std::string(before["entries"][i]["id"].GetString()));
    EXPECT_EQ(std::string(after["entries"][added + i]["updated"].GetString()),
              std::string(before["entries"][i]["updated"].GetString()));
  }
}

// The paraphrase, written here in other words by another delegation, is
// among the statements most like the paragraph it paraphrases.
TEST_F(WorkflowsApiTest, SimilarStatementsIncludeAKnownParaphrase) {
  for (const std::string extra : {"", "&other_delegations=true", "&year=2022&facets=country"}) {
    SCOPED_TRACE(extra);
    const HttpResponse r = Get(std::string("/v1/passages/") + kKnownParagraph + "/similar?per_page=5" + extra);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto d = ParseJson(r.body);
    std::vector<std::string> ids;
    for (const auto& hit : d["hits"].GetArray()) ids.emplace_back(hit["passage_id"].GetString());
    EXPECT_NE(std::find(ids.begin(), ids.end(), "paraphrase-2"), ids.end()) << "in the top 5";
    EXPECT_EQ(std::find(ids.begin(), ids.end(), kKnownParagraph), ids.end()) << "not itself";
    EXPECT_EQ(std::string(d["hits"][0]["doc_id"].GetString()).find("001_9fb1818520dbe4d0"), std::string::npos)
        << "other documents first";
    EXPECT_GT(d["total"].GetUint64(), ids.size());
  }
  EXPECT_EQ(Get("/v1/passages/nowhere-1/similar").status, 404);
}

// Each cell's count is what a search for that delegation and year finds.
TEST_F(WorkflowsApiTest, ComparisonCountsAreTheSearchesCounts) {
  const HttpResponse r = Get("/v1/compare?q=internet&delegations=IRN,DOM,CIV&top=2");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto d = ParseJson(r.body);
  ASSERT_EQ(d["delegations"].Size(), 3u);
  ASSERT_GT(d["rows"].Size(), 0u);
  uint64_t shown = 0;
  for (rapidjson::SizeType k = 0; k < 3; ++k) {
    const std::string code = d["delegations"][k]["code"].GetString();
    EXPECT_EQ(d["delegations"][k]["total"].GetUint64(), Search("q=internet&country=" + code).first);
    for (const auto& row : d["rows"].GetArray()) {
      const auto& cell = row["cells"][k];
      const std::string year = std::to_string(row["value"].GetInt());
      EXPECT_EQ(cell["count"].GetUint64(), Search("q=internet&country=" + code + "&year=" + year).first)
          << code << " " << year;
      EXPECT_EQ(cell["hits"].Size(), std::min<uint64_t>(cell["count"].GetUint64(), 2));
      for (const auto& hit : cell["hits"].GetArray()) {
        EXPECT_EQ(std::to_string(hit["year"].GetInt()), year);
        bool spoke = false;
        for (const auto& c : hit["countries"].GetArray()) spoke = spoke || code == c["code"].GetString();
        EXPECT_TRUE(spoke) << code;
      }
      shown += cell["count"].GetUint64();
    }
  }
  EXPECT_GT(shown, 0u);
}

}  // namespace
}  // namespace cstd::testing
