#include "query/feed.h"

#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "indexer/index_writer.h"
#include "model/index_layout.h"
#include "tests/support/index_fixture.h"

namespace cstd::query {
namespace {

ExtractedDocument Document(const std::string& id, const std::optional<std::string>& date, int year,
                           const std::vector<std::string>& texts) {
  ExtractedDocument doc = test_support::MakeDocument(id, "session-report", year, texts);
  doc.document.symbol = "E/CN.16/" + std::to_string(year) + "/" + id;
  doc.document.session = year - 1997;
  doc.document.date = date;
  for (Paragraph& p : doc.paragraphs) {
    p.countries = {"BRA"};
    if (id == "new") p.speakers = {"Ana Souza"};
    p.action_lines = {"C5"};
  }
  return doc;
}

// Every match of the pattern in `text`, group 1.
std::vector<std::string> All(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1]);
  }
  return out;
}

class FeedTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = new test_support::TempDir("feed-test");
    indexer::IndexWriter writer(temp_->Path("index"));
    // Added by builds at known times; "undated" by an index that kept none.
    struct Spec {
      ExtractedDocument doc;
      std::string added;
    } specs[] = {
        {Document("old", "2019-05-02", 2019, {"Broadband in 2019.", "Spectrum, not broadband."}),
         "2024-01-01T08:00:00Z"},
        {Document("new", "2023-04-17", 2023, {"Broadband & <cables>\f for all.", "Broadband again."}),
         "2024-06-30T12:00:00Z"},
        {Document("undated", std::nullopt, 2021, {"Broadband without a date."}), ""},
    };
    for (auto& spec : specs) {
      SourceRecord record;
      record.added = spec.added;
      writer.Replace(spec.doc, "/archive/" + spec.doc.document.id + ".txt", record);
    }
    writer.Commit();
  }
  static void TearDownTestSuite() {
    delete temp_;
    temp_ = nullptr;
  }

  static std::string Feed(const std::string& q, const std::vector<std::string>& countries = {}) {
    const Searcher searcher(OpenIndex(temp_->Path("index")));
    SearchRequest r;
    r.q = q;
    r.countries = countries;
    r.per_page = 3;  // the feed's own paging applies
    r.sort = Sort::kRelevance;
    return AtomFeed(searcher, r, "http://host:8080");
  }

  static test_support::TempDir* temp_;
};

test_support::TempDir* FeedTest::temp_ = nullptr;

TEST_F(FeedTest, NewestDocumentFirstWithTheirAddedTimes) {
  const std::string feed = Feed("broadband");
  EXPECT_EQ(feed.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", 0),
            0u);
  // By document date; within a document, by relevance.
  const auto docs = All(feed, "<entry>\\n    <id>http://host:8080/\\?doc=(\\w+)#p\\d</id>");
  EXPECT_EQ(docs, (std::vector<std::string>{"new", "new", "undated", "old", "old"}));
  // The feed's updated, then each entry's: the newest build's, then each
  // document's own; without a record, the document's date.
  EXPECT_EQ(All(feed, "<updated>([^<]*)</updated>"),
            (std::vector<std::string>{"2024-06-30T12:00:00Z", "2024-06-30T12:00:00Z", "2024-06-30T12:00:00Z",
                                      "2021-01-01T00:00:00Z", "2024-01-01T08:00:00Z", "2024-01-01T08:00:00Z"}));
  EXPECT_NE(feed.find("<title>E/CN.16/2023/new, para. 1</title>"), std::string::npos);
  EXPECT_NE(feed.find("<author><name>Ana Souza</name></author>"), std::string::npos) << "speakers are the authors";
  EXPECT_NE(feed.find("<author><name>Brazil</name></author>"), std::string::npos) << "else the delegations";
  EXPECT_NE(feed.find("<category scheme=\"delegation\" term=\"BRA\" label=\"Brazil\"/>"), std::string::npos);
}

TEST_F(FeedTest, EscapesTextAndDropsWhatXmlForbids) {
  const std::string feed = Feed("cables");
  EXPECT_NE(feed.find("<content type=\"text\">Broadband &amp; &lt;cables&gt; for all.</content>"), std::string::npos)
      << feed;
  EXPECT_EQ(feed.find('\f'), std::string::npos);
  // The snippet is HTML, escaped once more as the text of an XML element.
  EXPECT_NE(feed.find("&lt;mark&gt;cables&lt;/mark&gt;"), std::string::npos) << feed;
}

TEST_F(FeedTest, OneFeedIdPerSearchWhateverItsSpelling) {
  const std::string by_code = Feed("Broadband", {"BRA"});
  EXPECT_NE(by_code.find("<id>http://host:8080/v1/feed?q=Broadband&amp;country=BRA</id>"), std::string::npos)
      << by_code;
  EXPECT_NE(by_code.find("<link rel=\"alternate\" type=\"text/html\" href=\"http://host:8080/?q=Broadband&amp;"
                         "country=BRA\"/>"),
            std::string::npos);
  EXPECT_NE(by_code.find("<title>CSTD Archive Search: Broadband; Delegation: BRA</title>"), std::string::npos);
  const std::string empty = Feed("nothingmatchesthis");
  EXPECT_EQ(All(empty, "<updated>([^<]*)</updated>"), std::vector<std::string>{"1970-01-01T00:00:00Z"});
  EXPECT_EQ(empty.find("<entry>"), std::string::npos);
}

}  // namespace
}  // namespace cstd::query
