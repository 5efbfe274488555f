#include "query/export.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <memory>
#include <string>
#include <vector>

#include "model/csv.h"
#include "model/errors.h"
#include "model/index_layout.h"
#include "tests/support/index_fixture.h"

namespace cstd::query {
namespace {

// A paragraph's text with what CSV must quote, accents, and the starts a
// spreadsheet would take for a formula.
const std::vector<std::string> kTexts = {
    "São Tomé said: \"broadband, for all\", and more.",
    "=SUM(1,2) is not a formula on broadband",
    "- a list item about broadband",
    "Türkiye and Côte d'Ivoire spoke of broadband\nacross two lines.",
    "+1 for broadband",
    "@delegates on broadband",
};

ExtractedDocument Document(const std::string& id, int year, const std::vector<std::string>& texts) {
  ExtractedDocument doc = test_support::MakeDocument(id, "panel-report", year, texts);
  doc.document.title = "Report, with a comma";
  doc.document.session = 25;
  doc.document.date = std::to_string(year) + "-02-01";
  for (Paragraph& p : doc.paragraphs) {
    p.countries = {"STP", "TUR"};
    p.speakers = {"Kleinwächter"};
    p.action_lines = {"C2"};
    p.action_lines_inferred = {{"C5", {"security"}}};
  }
  return doc;
}

class ExportTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = new test_support::TempDir("export-test");
    std::vector<ExtractedDocument> docs = {Document("quirks", 2022, kTexts)};
    // Enough rows for several chunks.
    std::vector<std::string> many;
    for (int i = 0; i < 400; ++i) {
      many.push_back("Paragraph " + std::to_string(i) + " on broadband: " + std::string(300, 'x'));
    }
    docs.push_back(Document("many", 2020, many));
    test_support::WriteDocuments(temp_->Path("index"), std::move(docs));
  }
  static void TearDownTestSuite() {
    delete temp_;
    temp_ = nullptr;
  }

  static std::unique_ptr<Searcher> Open(SearchLimits limits = {}) {
    return std::make_unique<Searcher>(OpenIndex(temp_->Path("index")), limits);
  }

  // The whole body, and the chunks it came in.
  static std::string Body(const Searcher& searcher, const std::vector<Xapian::docid>& ids, ExportFormat format,
                          std::vector<std::string>* chunks = nullptr) {
    ExportWriter writer(searcher, ids, format, "http://host:1");
    std::string body;
    while (auto chunk = writer.Next()) {
      EXPECT_FALSE(chunk->empty());
      body += *chunk;
      if (chunks) chunks->push_back(std::move(*chunk));
    }
    EXPECT_EQ(writer.rows(), ids.size());
    EXPECT_FALSE(writer.Next()) << "stays at its end";
    return body;
  }

  static test_support::TempDir* temp_;
};

test_support::TempDir* ExportTest::temp_ = nullptr;

TEST_F(ExportTest, CsvIsRfc4180WithBomHeaderAccentsAndNoFormulas) {
  const auto searcher = Open();
  SearchRequest quirks;
  quirks.q = "broadband";
  quirks.years = {{2022, 2022}};
  const auto ids = SelectMatches(*searcher, quirks);
  ASSERT_EQ(ids.size(), kTexts.size());
  const std::string body = Body(*searcher, ids, ExportFormat::kCsv);
  ASSERT_EQ(body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(body.find("\r\n"), std::string::npos);
  std::vector<std::string> warnings;
  const auto records = ParseCsv("export.csv", body, &warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  ASSERT_EQ(records.size(), kTexts.size() + 1);
  const std::vector<std::string> header(ExportColumns().begin(), ExportColumns().end());
  EXPECT_EQ(records[0].fields, header);
  std::vector<std::string> texts;
  for (size_t i = 1; i < records.size(); ++i) {
    const auto& f = records[i].fields;
    ASSERT_EQ(f.size(), header.size());
    EXPECT_EQ(f[2], "Report, with a comma");
    EXPECT_EQ(f[5], "2022");
    EXPECT_EQ(f[8], "") << "no page";
    EXPECT_EQ(f[9], "Kleinwächter");
    EXPECT_EQ(f[10], "Sao Tome and Principe; Türkiye");
    EXPECT_EQ(f[11], "C2");
    EXPECT_EQ(f[12], "C5");
    EXPECT_EQ(f[14].rfind("http://host:1/?doc=quirks#p", 0), 0u) << f[14];
    texts.push_back(f[13]);
  }
  std::sort(texts.begin(), texts.end());
  std::vector<std::string> want;
  for (const auto& t : kTexts) {
    want.push_back(std::string("=+-@").find(t.front()) != std::string::npos ? "'" + t : t);
  }
  std::sort(want.begin(), want.end());
  EXPECT_EQ(texts, want);
}

TEST_F(ExportTest, JsonLinesKeepEveryFieldAsItIs) {
  const auto searcher = Open();
  SearchRequest r;
  r.years = {{2022, 2022}};
  r.sort = Sort::kDateAsc;
  const std::string body = Body(*searcher, SelectMatches(*searcher, r), ExportFormat::kJsonl);
  size_t lines = 0;
  for (size_t at = 0; at < body.size();) {
    const size_t end = body.find('\n', at);
    ASSERT_NE(end, std::string::npos);
    rapidjson::Document row;
    row.Parse(body.data() + at, end - at);
    ASSERT_FALSE(row.HasParseError()) << body.substr(at, end - at);
    EXPECT_EQ(row.MemberCount(), ExportColumns().size());
    EXPECT_EQ(std::string(row["text"].GetString()), kTexts[lines]) << "paragraph order, unaltered";
    EXPECT_EQ(row["paragraph"].GetInt(), static_cast<int>(lines) + 1);
    EXPECT_TRUE(row["page"].IsNull());
    EXPECT_EQ(row["delegations"].Size(), 2u);
    EXPECT_STREQ(row["citation"].GetString(),
                 ("Report, with a comma, 25th session of the CSTD (2022), para. " + std::to_string(lines + 1)).c_str());
    ++lines;
    at = end + 1;
  }
  EXPECT_EQ(lines, kTexts.size());
}

TEST_F(ExportTest, PlainTextHasABlockPerParagraph) {
  const auto searcher = Open();
  const std::string body = Body(*searcher, SelectPassages(*searcher, "passage_id", {"quirks-1"}), ExportFormat::kTxt);
  EXPECT_EQ(body,
            "Report, with a comma, 25th session of the CSTD (2022), para. 1\n"
            "Report, with a comma (2022-02-01)\n"
            "Delegations: Sao Tome and Principe; Türkiye\n"
            "Speakers: Kleinwächter\n"
            "Action lines: C2; inferred C5\n\n" +
                kTexts[0] + "\n\nhttp://host:1/?doc=quirks#p1\n\n");
}

// A long export goes out in pieces of whole rows: the server holds one piece
// at a time.
TEST_F(ExportTest, ChunksAreBoundedAndEndAtRows) {
  const auto searcher = Open();
  SearchRequest r;
  r.q = "broadband";
  const auto ids = SelectMatches(*searcher, r);
  ASSERT_EQ(ids.size(), 406u);
  for (ExportFormat format : {ExportFormat::kCsv, ExportFormat::kJsonl, ExportFormat::kTxt}) {
    std::vector<std::string> chunks;
    Body(*searcher, ids, format, &chunks);
    EXPECT_GE(chunks.size(), 2u) << ExportFormatName(format);
    for (const auto& chunk : chunks) {
      EXPECT_LT(chunk.size(), kExportChunkBytes + 2048) << "a chunk is its bound and one row at most";
      EXPECT_EQ(chunk.back(), '\n') << "ends at a row";
    }
  }
}

// The rows are the search's hits, all of them, in its order.
TEST_F(ExportTest, SelectsEveryMatchInTheSearchOrder) {
  const auto searcher = Open();
  for (Sort sort : {Sort::kRelevance, Sort::kDateDesc, Sort::kDateAsc}) {
    SearchRequest r;
    r.q = "broadband paragraph";
    r.sort = sort;
    r.per_page = 100;
    std::vector<Xapian::docid> want;
    size_t total = 0;
    for (r.page = 1;; ++r.page) {
      const SearchResult page = searcher->Search(r);
      total = page.total;
      for (const Hit& hit : page.hits) {
        want.push_back(*searcher->database().postlist_begin("Q" + hit.passage.passage_id));
      }
      if (page.hits.empty()) break;
    }
    const auto ids = SelectMatches(*searcher, r);
    EXPECT_EQ(ids.size(), total);
    EXPECT_EQ(ids, want);
  }
  SearchRequest grouped;
  grouped.group_by_document = true;
  EXPECT_EQ(SelectMatches(*searcher, grouped).size(), 2u);
}

TEST_F(ExportTest, RefusesMoreThanMaxExportNamingTheBoundAndTheCount) {
  SearchLimits limits;
  limits.max_export = 405;
  const auto searcher = Open(limits);
  SearchRequest r;
  r.q = "broadband";
  try {
    SelectMatches(*searcher, r);
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.parameter(), "max_export");
    EXPECT_NE(std::string(e.what()).find("406 paragraphs, more than max_export=405"), std::string::npos) << e.what();
  }
  r.years = {{2022, 2022}};
  EXPECT_EQ(SelectMatches(*searcher, r).size(), kTexts.size());
  limits.max_export = 1;
  EXPECT_THROW(SelectPassages(*Open(limits), "passage_id", {"quirks-1", "quirks-2"}), UsageError);
}

TEST_F(ExportTest, PickedPassagesInTheOrderGivenOnceEach) {
  const auto searcher = Open();
  const auto ids = SelectPassages(*searcher, "passage_id", {"quirks-3", "many-7", "quirks-3", "quirks-1"});
  ASSERT_EQ(ids.size(), 3u);
  std::vector<std::string> got;
  for (Xapian::docid id : ids) {
    got.push_back(searcher->PassageAt(id).passage_id);
  }
  EXPECT_EQ(got, (std::vector<std::string>{"quirks-3", "many-7", "quirks-1"}));
  try {
    SelectPassages(*searcher, "passage_id", {"quirks-1", "nowhere-9"});
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.parameter(), "passage_id");
    EXPECT_NE(std::string(e.what()).find("nowhere-9"), std::string::npos);
  }
}

TEST(ExportFormatTest, ParsesTheThreeFormatsAndNamesTheParameterOtherwise) {
  EXPECT_EQ(ParseExportFormat("format", "csv"), ExportFormat::kCsv);
  EXPECT_EQ(ParseExportFormat("format", "jsonl"), ExportFormat::kJsonl);
  EXPECT_EQ(ParseExportFormat("format", "txt"), ExportFormat::kTxt);
  try {
    ParseExportFormat("--export", "xlsx");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_EQ(e.parameter(), "--export");
    EXPECT_NE(std::string(e.what()).find("xlsx"), std::string::npos);
  }
}

}  // namespace
}  // namespace cstd::query
