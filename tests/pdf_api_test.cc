// Pages and originals end to end: a PDF written by hand (three pages, a
// paragraph running over a page break) is indexed by the real cstd-indexer,
// named by a path relative to the indexer's folder, and served by the real
// cstd-searchd from another folder. Hits and paragraphs carry the page each
// paragraph starts on, and the original is served byte for byte -- or
// refused once the file on disk changes.

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "model/archive_file.h"
#include "tests/support/pdf_writer.h"
#include "tests/support/process.h"
#include "tests/support/raw_http.h"

namespace cstd::testing {
namespace {

namespace fs = std::filesystem;
using test_support::MakePdf;

// Which page each paragraph of the report starts on, by a word only it has.
const std::map<std::string, int> kPageOfWord = {
    {"broadband", 1}, {"water", 1}, {"overflowing", 1}, {"satellite", 2}, {"spectrum", 3}};

// Nine numbered paragraphs, hard-wrapped as PDFs are: six on page 1, the
// seventh from page 1 over the break onto page 2, the eighth on page 2, the
// ninth on page 3.
std::string ReportPdf() {
  std::vector<std::vector<test_support::TextLine>> pages(3);
  const char* topics[] = {"Broadband", "Education", "Health", "Trade", "Energy", "Water"};
  int y = 740;
  for (int n = 1; n <= 6; ++n, y -= 40) {
    pages[0].push_back(
        {72, y, std::to_string(n) + ". " + topics[n - 1] + " is the subject of a paragraph long enough to be"});
    pages[0].push_back({72, y - 14, "wrapped over two lines, with a sentence that ends on this line."});
  }
  pages[0].push_back({72, y, "7. The seventh paragraph starts on the first page and, overflowing,"});
  pages[0].push_back({72, y - 14, "runs to the bottom of the page and does not stop there: the break cuts"});
  pages[1] = {{72, 740, "it after a word and it goes on to its end on the second page, here."},
              {72, 700, "8. Satellite links are the subject of the eighth paragraph, wrapped"},
              {72, 686, "over two lines on the second page, with a sentence that ends here."}};
  pages[2] = {{72, 740, "9. Spectrum policy closes the report on the third page, wrapped over"},
              {72, 726, "two lines like the others, with a sentence that ends on this line."}};
  return MakePdf(pages);
}

class PdfApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served_ = new ServedIndex();
    fs::create_directories(served_->path() + "/archive");
    pdf_ = new std::string(ReportPdf());
    std::ofstream(served_->path() + "/archive/Report 2024.pdf", std::ios::binary) << *pdf_;
    std::ofstream(served_->path() + "/archive/note.txt") << "1. A text note on broadband, without pages.\n";
    // SOURCE relative to the indexer's folder; searchd runs elsewhere (the
    // test's folder) and must still find the file.
    const RunResult build = RunCommand({"/bin/sh", "-c", "cd \"$0\" && exec \"$1\" build --index index archive",
                                        served_->path(), ProgramPath("cstd-indexer")});
    ASSERT_EQ(build.exit_code, 0) << build.err;
    served_->Serve();
  }

  static void TearDownTestSuite() {
    delete pdf_;
    delete served_;
  }

  static HttpResponse Fetch(const std::string& target) {
    return Get(served_->server().host(), served_->server().port(), target);
  }

  static rapidjson::Document Json(const HttpResponse& r) {
    rapidjson::Document d;
    d.Parse(r.body.c_str());
    EXPECT_FALSE(d.HasParseError()) << r.body;
    // No answer names a folder on the server.
    EXPECT_EQ(r.body.find(served_->path()), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find("archive/"), std::string::npos) << r.body;
    return d;
  }

  static ServedIndex* served_;
  static std::string* pdf_;
};

ServedIndex* PdfApiTest::served_ = nullptr;
std::string* PdfApiTest::pdf_ = nullptr;

TEST_F(PdfApiTest, HitsCarryThePageTheirParagraphStartsOn) {
  for (const auto& [word, page] : kPageOfWord) {
    SCOPED_TRACE(word);
    const auto d = Json(Fetch("/v1/search?q=" + word + "&per_page=100"));
    bool in_pdf = false;
    for (const auto& hit : d["hits"].GetArray()) {
      ASSERT_TRUE(hit.HasMember("page"));
      if (std::string(hit["doc_id"].GetString()) == "note") {
        EXPECT_TRUE(hit["page"].IsNull()) << "a text file has no pages";
        continue;
      }
      in_pdf = true;
      EXPECT_STREQ(hit["doc_id"].GetString(), "report-2024");
      ASSERT_TRUE(hit["page"].IsInt());
      EXPECT_EQ(hit["page"].GetInt(), page);
    }
    EXPECT_TRUE(in_pdf);
  }
}

TEST_F(PdfApiTest, ParagraphsCarryTheirPagesAndTheDocumentItsOriginal) {
  const auto d = Json(Fetch("/v1/documents/report-2024"));
  const auto& doc = d["document"];
  EXPECT_FALSE(doc.HasMember("source"));
  EXPECT_STREQ(doc["format"].GetString(), "pdf");
  EXPECT_STREQ(doc["original"].GetString(), "/v1/documents/report-2024/original");
  std::vector<int> numbers, pages;
  for (const auto& p : d["paragraphs"].GetArray()) {
    numbers.push_back(p["number"].IsInt() ? p["number"].GetInt() : -1);
    pages.push_back(p["page"].IsInt() ? p["page"].GetInt() : -1);
  }
  EXPECT_EQ(numbers, (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
  EXPECT_EQ(pages, (std::vector<int>{1, 1, 1, 1, 1, 1, 1, 2, 3}))
      << "paragraph 7 runs over a page break and starts on page 1";

  const auto note = Json(Fetch("/v1/documents/note"));
  EXPECT_STREQ(note["document"]["format"].GetString(), "text");
  for (const auto& p : note["paragraphs"].GetArray()) EXPECT_TRUE(p["page"].IsNull());
}

TEST_F(PdfApiTest, TheOriginalIsTheIndexedFileUntilItChanges) {
  const auto d = Json(Fetch("/v1/documents/report-2024"));
  const HttpResponse r = Fetch(d["document"]["original"].GetString());
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_EQ(r.body, *pdf_);
  EXPECT_EQ(r.Header("content-type"), "application/pdf");
  EXPECT_EQ(r.Header("content-disposition"), "inline; filename=\"Report 2024.pdf\"");
  EXPECT_EQ(r.Header("cache-control"), "no-cache");
  EXPECT_EQ(r.Header("etag"), "\"" + ContentHash(*pdf_) + "\"");

  const HttpResponse text = Fetch("/v1/documents/note/original");
  ASSERT_EQ(text.status, 200);
  EXPECT_EQ(text.Header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(text.body, "1. A text note on broadband, without pages.\n");

  // Changed on disk since indexing: refused, never served.
  std::ofstream(served_->path() + "/archive/note.txt") << "1. Rewritten.\n";
  const HttpResponse changed = Fetch("/v1/documents/note/original");
  EXPECT_EQ(changed.status, 409);
  const auto error = Json(changed);
  EXPECT_STREQ(error["error"]["code"].GetString(), "changed");
  EXPECT_NE(std::string(error["error"]["message"].GetString()).find("'note'"), std::string::npos);
  EXPECT_EQ(changed.body.find("Rewritten"), std::string::npos);

  fs::remove(served_->path() + "/archive/note.txt");
  const HttpResponse gone = Fetch("/v1/documents/note/original");
  EXPECT_EQ(gone.status, 404);
  EXPECT_STREQ(Json(gone)["error"]["code"].GetString(), "not_found");
  const HttpResponse unknown = Fetch("/v1/documents/no-such-report/original");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.find("no-such-report"), std::string::npos);
}

// cstd-query prints a PDF hit's page, in-process and through the server,
// and --json is the /v1/search object with it.
TEST_F(PdfApiTest, QueryShowsThePage) {
  for (const std::vector<std::string>& where :
       {std::vector<std::string>{"--index", served_->path() + "/index"}, {"--server", served_->server().url()}}) {
    std::vector<std::string> argv = {ProgramPath("cstd-query")};
    argv.insert(argv.end(), where.begin(), where.end());
    argv.emplace_back("satellite");
    const RunResult table = RunCommand(argv);
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_NE(table.out.find("paragraph 8 | page 2 | "), std::string::npos) << table.out;

    argv.insert(argv.end() - 1, "--json");
    const RunResult json = RunCommand(argv);
    ASSERT_EQ(json.exit_code, 0) << json.err;
    rapidjson::Document d;
    d.Parse(json.out.c_str());
    ASSERT_FALSE(d.HasParseError()) << json.out;
    ASSERT_EQ(d["hits"].Size(), 1u);
    EXPECT_EQ(d["hits"][0]["page"].GetInt(), 2);
  }
  // A text hit has no page, and the table says none.
  const RunResult text = RunCommand({ProgramPath("cstd-query"), "--index", served_->path() + "/index", "note"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out.find("| page"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace cstd::testing
