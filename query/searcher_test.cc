#include "query/searcher.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "extract/extract.h"
#include "model/errors.h"
#include "model/index_layout.h"
#include "query/api_json.h"
#include "query/like_this.h"
#include "query/search_fields.h"
#include "tests/support/index_fixture.h"

namespace cstd::query {
namespace {

namespace fs = std::filesystem;

struct DocSpec {
  const char* id;
  const char* type;
  const char* body;
  int session;
  int year;
  const char* date;  // nullptr: none
  const char* title;
  std::vector<std::string> paragraphs;
};

ExtractedDocument Make(const DocSpec& spec) {
  ExtractedDocument doc = test_support::MakeDocument(spec.id, spec.type, spec.year, spec.paragraphs);
  doc.document.body = spec.body;
  doc.document.title = spec.title;
  doc.document.session = spec.session;
  if (spec.date) doc.document.date = spec.date;
  return doc;
}

// One small index shared by every test of the suite: three documents, seven
// passages.
class SearcherTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = new test_support::TempDir("searcher-test");
    dir_ = new std::string(temp_->Path("index"));
    ExtractedDocument panel = Make({"panel-2022",
                                    "panel-report",
                                    "CSTD",
                                    25,
                                    2022,
                                    "2022-02-01",
                                    "Report of the intersessional panel meeting",
                                    {"The panel discussed artificial intelligence and the digital divide in developing "
                                     "countries.",
                                     "Participants noted that broadband access remains uneven, with rural areas left "
                                     "behind.",
                                     "Some delegates argued that spending < 1% of GDP on research and investment is "
                                     "too little."}});
    panel.paragraphs[1].countries = {"BRA"};
    panel.paragraphs[2].countries = {"BRA", "IND", "TUR"};  // one passage, three delegations
    panel.paragraphs[1].action_lines_inferred = {{"C2", {"broadband", "rural areas"}}};
    ExtractedDocument note = Make({"note-2024",
                                   "informal-note",
                                   "CSTD",
                                   27,
                                   2024,
                                   "2024-04-15",
                                   "CSTD's contribution to the WSIS+20 review",
                                   {"The review will assess progress on the digital divide since the Summit.",
                                    "Artificial intelligence governance was raised by several delegations."}});
    note.paragraphs[0].action_lines = {"C2"};
    note.paragraphs[1].action_lines_inferred = {{"C6", {"ai governance"}}};
    // Through the extractor, as the indexer would do it.
    ExtractedDocument speech =
        extract::Extract("/archive/speech-2023.txt", "speech-2023.txt",
                         "1. The digital economy offers new opportunities for small island developing States.\n"
                         "2. Climate change is the defining issue of our time, and of the **digital** age.\n");
    speech.document.type = "speech";
    speech.document.body = "UNGA";
    speech.document.session = 78;
    speech.document.year = 2023;
    speech.document.date = "2023-09-20";
    test_support::WriteDocuments(*dir_, {std::move(panel), std::move(note), std::move(speech)});
  }

  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
    delete temp_;
    temp_ = nullptr;
  }

  void SetUp() override { searcher_ = std::make_unique<Searcher>(OpenIndex(*dir_)); }

  SearchResult Run(const std::string& q) const {
    SearchRequest r;
    r.q = q;
    return searcher_->Search(r);
  }

  static std::vector<std::string> PassageIds(const SearchResult& result) {
    std::vector<std::string> ids;
    for (const Hit& hit : result.hits) ids.push_back(hit.passage.passage_id);
    return ids;
  }

  static std::vector<std::string> SortedPassageIds(const SearchResult& result) {
    std::vector<std::string> ids = PassageIds(result);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  static test_support::TempDir* temp_;
  static std::string* dir_;
  std::unique_ptr<Searcher> searcher_;
};

test_support::TempDir* SearcherTest::temp_ = nullptr;
std::string* SearcherTest::dir_ = nullptr;

using Ids = std::vector<std::string>;

TEST_F(SearcherTest, CountsPassagesAndDocuments) {
  EXPECT_EQ(searcher_->passage_count(), 7u);
  EXPECT_EQ(searcher_->document_count(), 3u);
  EXPECT_EQ(searcher_->generation(), "gen-000001");
}

TEST_F(SearcherTest, WordQueryReturnsMatchingPassagesWithMarkedSnippet) {
  const SearchResult result = Run("broadband");
  EXPECT_EQ(result.total, 1u);
  ASSERT_EQ(PassageIds(result), (Ids{"panel-2022-2"}));
  const Hit& hit = result.hits[0];
  EXPECT_NE(hit.snippet.find("<mark>broadband</mark>"), std::string::npos) << hit.snippet;
  EXPECT_GT(hit.score, 0);
  EXPECT_EQ(hit.passage.doc_id, "panel-2022");
  EXPECT_EQ(hit.passage.paragraph.number, 2);
  EXPECT_EQ(hit.passage.paragraph.countries, (Ids{"BRA"}));
  EXPECT_EQ(hit.passage.title, "Report of the intersessional panel meeting");
}

TEST_F(SearcherTest, QueryWordsAreStemmed) {
  EXPECT_EQ(SortedPassageIds(Run("discussing")), (Ids{"panel-2022-1"}));
  EXPECT_EQ(SortedPassageIds(Run("remaining")), (Ids{"panel-2022-2"}));
}

TEST_F(SearcherTest, SnippetEscapesHtml) {
  const SearchResult result = Run("investment");
  ASSERT_EQ(PassageIds(result), (Ids{"panel-2022-3"}));
  const std::string& snippet = result.hits[0].snippet;
  EXPECT_NE(snippet.find("&lt;"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.find("< 1%"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("<mark>investment</mark>"), std::string::npos) << snippet;
}

TEST_F(SearcherTest, WordsAreAndedByDefault) {
  EXPECT_EQ(SortedPassageIds(Run("digital divide")), (Ids{"note-2024-1", "panel-2022-1"}));
  EXPECT_EQ(SortedPassageIds(Run("artificial intelligence")), (Ids{"note-2024-2", "panel-2022-1"}));
  EXPECT_EQ(SortedPassageIds(Run("broadband intelligence")), Ids{});
  EXPECT_EQ(SortedPassageIds(Run("broadband OR climate")), (Ids{"panel-2022-2", "speech-2023-2"}));
}

TEST_F(SearcherTest, PhraseQueryRespectsWordOrder) {
  EXPECT_EQ(SortedPassageIds(Run("\"digital divide\"")), (Ids{"note-2024-1", "panel-2022-1"}));
  EXPECT_EQ(SortedPassageIds(Run("\"divide digital\"")), Ids{});
  EXPECT_EQ(SortedPassageIds(Run("divide digital")), (Ids{"note-2024-1", "panel-2022-1"}));
  EXPECT_EQ(SortedPassageIds(Run("\"digital economy\"")), (Ids{"speech-2023-1"}));
}

TEST_F(SearcherTest, MinusExcludesAWord) {
  EXPECT_EQ(SortedPassageIds(Run("digital")), (Ids{"note-2024-1", "panel-2022-1", "speech-2023-1", "speech-2023-2"}));
  EXPECT_EQ(SortedPassageIds(Run("digital -divide")), (Ids{"speech-2023-1", "speech-2023-2"}));
  EXPECT_EQ(SortedPassageIds(Run("digital NOT climate")), (Ids{"note-2024-1", "panel-2022-1", "speech-2023-1"}));
}

TEST_F(SearcherTest, FieldPrefixesInTheQuery) {
  EXPECT_EQ(SortedPassageIds(Run("title:intersessional")), (Ids{"panel-2022-1", "panel-2022-2", "panel-2022-3"}));
  EXPECT_EQ(SortedPassageIds(Run("digital type:speech")), (Ids{"speech-2023-1", "speech-2023-2"}));
  EXPECT_EQ(SortedPassageIds(Run("intelligence year:2024")), (Ids{"note-2024-2"}));
  EXPECT_EQ(SortedPassageIds(Run("intelligence session:25")), (Ids{"panel-2022-1"}));
  EXPECT_EQ(SortedPassageIds(Run("country:BRA")), (Ids{"panel-2022-2", "panel-2022-3"}));
  EXPECT_EQ(SortedPassageIds(Run("country:IND")), (Ids{"panel-2022-3"}));
}

TEST_F(SearcherTest, FiltersByYearSessionAndType) {
  struct Case {
    const char* what;
    std::vector<IntRange> years;
    std::vector<IntRange> sessions;
    std::vector<std::string> types;
    Ids expected;
  };
  const Case cases[] = {
      {"year range",
       {{2022, 2023}},
       {},
       {},
       {"panel-2022-1", "panel-2022-2", "panel-2022-3", "speech-2023-1", "speech-2023-2"}},
      {"single year", {{2024, 2024}}, {}, {}, {"note-2024-1", "note-2024-2"}},
      {"year list",
       {{2022, 2022}, {2024, 2024}},
       {},
       {},
       {"note-2024-1", "note-2024-2", "panel-2022-1", "panel-2022-2", "panel-2022-3"}},
      {"no year matches", {{1990, 2000}}, {}, {}, {}},
      {"session", {}, {{27, 27}}, {}, {"note-2024-1", "note-2024-2"}},
      {"session range",
       {},
       {{25, 27}},
       {},
       {"note-2024-1", "note-2024-2", "panel-2022-1", "panel-2022-2", "panel-2022-3"}},
      {"type", {}, {}, {"speech"}, {"speech-2023-1", "speech-2023-2"}},
      {"two types",
       {},
       {},
       {"speech", "informal-note"},
       {"note-2024-1", "note-2024-2", "speech-2023-1", "speech-2023-2"}},
      {"year and type", {{2022, 2024}}, {}, {"panel-report"}, {"panel-2022-1", "panel-2022-2", "panel-2022-3"}},
      {"year and session disagree", {{2022, 2022}}, {{27, 27}}, {}, {}},
      // Ranges as wide as the parameter allows, repeated and overlapping:
      // the index's own values in range, nothing more (fuzz/search_params).
      {"widest year range, repeated",
       {{0, 9999}, {0, 9999}, {5, 2024}},
       {},
       {},
       {"note-2024-1", "note-2024-2", "panel-2022-1", "panel-2022-2", "panel-2022-3", "speech-2023-1",
        "speech-2023-2"}},
      {"wide range missing every year", {{2025, 9999}}, {}, {}, {}},
  };
  for (const Case& c : cases) {
    SearchRequest r;
    r.years = c.years;
    r.sessions = c.sessions;
    r.types = c.types;
    const SearchResult result = searcher_->Search(r);
    EXPECT_EQ(SortedPassageIds(result), c.expected) << c.what;
    EXPECT_EQ(result.total, c.expected.size()) << c.what;
  }
}

TEST_F(SearcherTest, FiltersCombineWithTheQuery) {
  SearchRequest r;
  r.q = "intelligence";
  r.years = {{2024, 2024}};
  EXPECT_EQ(SortedPassageIds(searcher_->Search(r)), (Ids{"note-2024-2"}));
  r.q = "digital";
  r.years = {};
  r.countries = {"BRA"};
  EXPECT_EQ(SortedPassageIds(searcher_->Search(r)), Ids{});
  r.q = "broadband";
  EXPECT_EQ(SortedPassageIds(searcher_->Search(r)), (Ids{"panel-2022-2"}));
}

TEST_F(SearcherTest, SortsByDate) {
  SearchRequest r;
  r.sort = Sort::kDateAsc;
  const SearchResult asc = searcher_->Search(r);
  ASSERT_EQ(asc.hits.size(), 7u);
  std::vector<std::string> dates;
  for (const Hit& hit : asc.hits) dates.push_back(hit.passage.date.value_or(""));
  EXPECT_TRUE(std::is_sorted(dates.begin(), dates.end())) << testing::PrintToString(dates);
  EXPECT_EQ(asc.hits.front().passage.doc_id, "panel-2022");
  EXPECT_EQ(asc.hits.back().passage.doc_id, "note-2024");

  r.sort = Sort::kDateDesc;
  const SearchResult desc = searcher_->Search(r);
  ASSERT_EQ(desc.hits.size(), 7u);
  dates.clear();
  for (const Hit& hit : desc.hits) dates.push_back(hit.passage.date.value_or(""));
  EXPECT_TRUE(std::is_sorted(dates.rbegin(), dates.rend())) << testing::PrintToString(dates);
  EXPECT_EQ(desc.hits.front().passage.doc_id, "note-2024");
  EXPECT_EQ(desc.hits.back().passage.doc_id, "panel-2022");

  r.q = "digital";
  r.sort = Sort::kDateAsc;
  EXPECT_EQ(PassageIds(searcher_->Search(r)), (Ids{"panel-2022-1", "speech-2023-1", "speech-2023-2", "note-2024-1"}));
}

TEST_F(SearcherTest, GroupByDocumentCollapsesPassages) {
  SearchRequest r;
  r.group_by_document = true;
  const SearchResult all = searcher_->Search(r);
  EXPECT_EQ(all.total, 3u);
  ASSERT_EQ(all.hits.size(), 3u);
  std::set<std::string> docs;
  for (const Hit& hit : all.hits) docs.insert(hit.passage.doc_id);
  EXPECT_EQ(docs, (std::set<std::string>{"note-2024", "panel-2022", "speech-2023"}));

  r.q = "digital";
  const SearchResult digital = searcher_->Search(r);
  EXPECT_EQ(digital.total, 3u);
  EXPECT_EQ(digital.hits.size(), 3u);

  r.q = "intelligence";
  EXPECT_EQ(searcher_->Search(r).total, 2u);
}

TEST_F(SearcherTest, PagesThroughAllHits) {
  SearchRequest r;
  r.per_page = 2;
  std::vector<std::string> seen;
  for (int page = 1; page <= 5; ++page) {
    r.page = page;
    const SearchResult result = searcher_->Search(r);
    EXPECT_EQ(result.total, 7u) << page;
    EXPECT_EQ(result.request.page, page);
    const size_t expected = page <= 3 ? 2 : page == 4 ? 1 : 0;
    EXPECT_EQ(result.hits.size(), expected) << page;
    for (const Hit& hit : result.hits) seen.push_back(hit.passage.passage_id);
  }
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (Ids{"note-2024-1", "note-2024-2", "panel-2022-1", "panel-2022-2", "panel-2022-3", "speech-2023-1",
                       "speech-2023-2"}));
}

TEST_F(SearcherTest, BadPagingThrowsUsageError) {
  SearchRequest r;
  r.per_page = 101;
  EXPECT_THROW(searcher_->Search(r), UsageError);
  r.per_page = 20;
  r.page = 0;
  EXPECT_THROW(searcher_->Search(r), UsageError);
}

TEST_F(SearcherTest, UnclosedPhraseIsParsedLeniently) {
  // Xapian's parser closes the phrase itself; nothing in the index matches.
  SearchResult result;
  EXPECT_NO_THROW(result = Run("\"unclosed AND ("));
  EXPECT_EQ(result.total, 0u);
  EXPECT_TRUE(result.hits.empty());
}

TEST_F(SearcherTest, QuerySyntaxErrorThrowsUsageErrorNamingQ) {
  try {
    Run("AND");
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.parameter(), "q");
    EXPECT_NE(std::string(e.what()).find("q=AND"), std::string::npos) << e.what();
  }
}

TEST_F(SearcherTest, MalformedQueriesParseOrThrowUsageErrorNamingQ) {
  for (const char* q : {"\"unclosed AND (", "AND", "((((", "-", "\"", "title:", "NOT NOT", "*", "digital AND"}) {
    try {
      const SearchResult result = Run(q);
      EXPECT_LE(result.hits.size(), 7u) << q;
    } catch (const UsageError& e) {
      EXPECT_EQ(e.parameter(), "q") << q;
    }
  }
}

TEST_F(SearcherTest, EmptyQueryMatchesEverything) {
  EXPECT_EQ(Run("").total, 7u);
  EXPECT_EQ(Run("   ").total, 7u);
}

TEST_F(SearcherTest, TheQueryLanguagesCornersMeanWhatAUserMeans) {
  const size_t digital = Run("digital").total;
  ASSERT_GT(digital, 0u);
  for (const char* q : {"-digital", "NOT digital", "  -digital  "}) EXPECT_EQ(Run(q).total, 7u - digital) << q;
  EXPECT_EQ(Run("-digital -divide").total, 7u - Run("digital OR divide").total);
  EXPECT_EQ(SortedPassageIds(Run("-digital country:BRA")), (Ids{"panel-2022-2", "panel-2022-3"}));
  EXPECT_EQ(Run("*").total, 7u);
  EXPECT_EQ(Run(" * ").total, 7u);
  for (const char* q : {"year:abc", "digital session:x", "type:memo", "year:2024..2020"}) {
    try {
      Run(q);
      ADD_FAILURE() << q << " accepted";
    } catch (const UsageError& e) {
      EXPECT_EQ(e.parameter(), "q") << q;
      EXPECT_EQ(std::string(e.what()).find("Syntax"), std::string::npos) << e.what();
    }
  }
  // Xapian's own messages stay inside.
  try {
    Run("AND");
    ADD_FAILURE();
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()).find("<expression>"), std::string::npos) << e.what();
  }
  // More words than a search is typed with: a pasted text, like it.
  const SearchResult pasted =
      Run("Participants noted that broadband access remains uneven, with rural areas left behind, and that every "
          "country should do more to connect its schools, clinics and small firms before the next session of the "
          "Commission meets again");
  EXPECT_FALSE(pasted.like_this.empty());
  EXPECT_LE(pasted.like_this.size(), kLikeThisTerms);
  ASSERT_FALSE(pasted.hits.empty());
  EXPECT_EQ(pasted.hits.front().passage.passage_id, "panel-2022-2");
}

TEST_F(SearcherTest, GetDocumentReturnsPassagesInOrder) {
  const auto [doc, passages] = searcher_->GetDocument("panel-2022");
  EXPECT_EQ(doc.id, "panel-2022");
  EXPECT_EQ(doc.title, "Report of the intersessional panel meeting");
  EXPECT_EQ(doc.session, 25);
  ASSERT_EQ(passages.size(), 3u);
  for (size_t i = 0; i < passages.size(); ++i) {
    EXPECT_EQ(passages[i].ordinal, static_cast<int>(i) + 1);
    EXPECT_EQ(passages[i].passage_id, "panel-2022-" + std::to_string(i + 1));
  }
  EXPECT_EQ(passages[1].paragraph.text,
            "Participants noted that broadband access remains uneven, with rural areas left behind.");

  const auto [speech, speech_passages] = searcher_->GetDocument("speech-2023");
  EXPECT_EQ(speech.type, "speech");
  ASSERT_EQ(speech_passages.size(), 2u);
  EXPECT_EQ(speech_passages[1].paragraph.text,
            "Climate change is the defining issue of our time, and of the digital age.");
}

TEST_F(SearcherTest, GetDocumentOfUnknownIdThrowsNotFound) {
  EXPECT_THROW(searcher_->GetDocument("no-such-document"), NotFoundError);
  EXPECT_THROW(searcher_->GetDocument(""), NotFoundError);
  EXPECT_THROW(searcher_->GetDocument("panel-2022-1"), NotFoundError);
}

TEST_F(SearcherTest, SearchResultToJsonIsTheContractObject) {
  SearchRequest r;
  r.q = "broadband \"rural areas\"";
  r.years = {{2020, 2024}};
  r.types = {"panel-report"};
  r.per_page = 5;
  const SearchResult result = searcher_->Search(r);
  ASSERT_EQ(result.hits.size(), 1u);
  const std::string text = SearchResultToJson(result);
  rapidjson::Document json;
  json.Parse(text.c_str());
  ASSERT_FALSE(json.HasParseError()) << text;
  ASSERT_TRUE(json.IsObject());
  for (const char* key : {"query", "total", "page", "per_page", "took_ms", "hits", "facets", "suggestion"}) {
    EXPECT_TRUE(json.HasMember(key)) << key;
  }
  EXPECT_STREQ(json["query"]["q"].GetString(), "broadband \"rural areas\"");
  EXPECT_STREQ(json["query"]["filters"]["year"][0].GetString(), "2020..2024");
  EXPECT_STREQ(json["query"]["filters"]["type"][0].GetString(), "panel-report");
  EXPECT_EQ(json["total"].GetUint64(), 1u);
  EXPECT_EQ(json["page"].GetInt(), 1);
  EXPECT_EQ(json["per_page"].GetInt(), 5);
  EXPECT_TRUE(json["took_ms"].IsNumber());
  EXPECT_TRUE(json["suggestion"].IsNull());
  ASSERT_TRUE(json["hits"].IsArray());
  ASSERT_EQ(json["hits"].Size(), 1u);
  const auto& hit = json["hits"][0];
  for (const char* key : {"doc_id", "passage_id", "title", "symbol", "type", "session", "year", "date", "paragraph",
                          "speakers", "countries", "action_lines", "action_lines_inferred", "snippet", "score"}) {
    EXPECT_TRUE(hit.HasMember(key)) << "hit." << key;
  }
  EXPECT_STREQ(hit["passage_id"].GetString(), "panel-2022-2");
  EXPECT_EQ(hit["paragraph"].GetInt(), 2);
  EXPECT_STREQ(hit["countries"][0]["code"].GetString(), "BRA");
  EXPECT_STREQ(hit["countries"][0]["name"].GetString(), "Brazil");
  ASSERT_EQ(hit["action_lines_inferred"].Size(), 1u);
  EXPECT_STREQ(hit["action_lines_inferred"][0]["code"].GetString(), "C2");
  EXPECT_STREQ(hit["action_lines_inferred"][0]["evidence"][1].GetString(), "rural areas");
  EXPECT_EQ(hit["action_lines"].Size(), 0u);
  EXPECT_FALSE(json["query"]["filters"].HasMember("action_line_mode")) << "the default is not echoed";
  EXPECT_NE(std::string(hit["snippet"].GetString()).find("<mark>"), std::string::npos);
  EXPECT_TRUE(json["facets"].IsObject());
}

// The counts of one facet as value -> count.
std::map<std::string, uint64_t> Counts(const SearchResult& result, FacetField field) {
  std::map<std::string, uint64_t> counts;
  for (const FacetResult& facet : result.facets) {
    if (facet.field != field) continue;
    for (const FacetValue& v : facet.values) counts[v.value] = v.count;
  }
  return counts;
}

TEST_F(SearcherTest, FacetsAreExactAndMultiValued) {
  const SearchResult r = Run("");
  EXPECT_EQ(Counts(r, FacetField::kCountry), (std::map<std::string, uint64_t>{{"BRA", 2}, {"IND", 1}, {"TUR", 1}}));
  EXPECT_EQ(Counts(r, FacetField::kYear), (std::map<std::string, uint64_t>{{"2022", 3}, {"2023", 2}, {"2024", 2}}));
  EXPECT_EQ(Counts(r, FacetField::kType),
            (std::map<std::string, uint64_t>{{"informal-note", 2}, {"panel-report", 3}, {"speech", 2}}));
  EXPECT_EQ(Counts(r, FacetField::kSession), (std::map<std::string, uint64_t>{{"25", 3}, {"27", 2}, {"78", 2}}));
  ASSERT_EQ(r.facets.size(), DefaultFacetFields().size());
  for (const FacetResult& facet : r.facets) {
    if (facet.field == FacetField::kCountry) {
      EXPECT_EQ(facet.values.front().label, "Brazil");
    }
  }
}

TEST_F(SearcherTest, AFieldsOwnFilterIsLeftOutOfItsCounts) {
  SearchRequest request;
  request.years = {{2022, 2022}};
  const SearchResult r = searcher_->Search(request);
  EXPECT_EQ(r.total, 3u);
  // Year counts ignore the year filter, so the user can widen the selection...
  EXPECT_EQ(Counts(r, FacetField::kYear), (std::map<std::string, uint64_t>{{"2022", 3}, {"2023", 2}, {"2024", 2}}));
  // ...while the other facets follow it.
  EXPECT_EQ(Counts(r, FacetField::kType), (std::map<std::string, uint64_t>{{"panel-report", 3}}));
}

TEST_F(SearcherTest, OnlyTheRequestedFacetsAreCounted) {
  SearchRequest request;
  request.facets = {FacetField::kType};
  const SearchResult r = searcher_->Search(request);
  ASSERT_EQ(r.facets.size(), 1u);
  EXPECT_EQ(r.facets[0].field, FacetField::kType);
}

TEST_F(SearcherTest, FacetValuesFilterByPrefixOnValueOrLabel) {
  SearchRequest request;
  const FacetResult by_label = searcher_->FacetValues(request, FacetField::kCountry, "bra", 10);
  ASSERT_EQ(by_label.values.size(), 1u);
  EXPECT_EQ(by_label.values[0].value, "BRA");
  const FacetResult by_code = searcher_->FacetValues(request, FacetField::kCountry, "tu", 10);
  ASSERT_EQ(by_code.values.size(), 1u);
  EXPECT_EQ(by_code.values[0].value, "TUR");
  EXPECT_EQ(searcher_->FacetValues(request, FacetField::kCountry, "", 2).values.size(), 2u);
}

// Action lines: by default a filter and its facet take the lines a passage
// names and the ones inferred from its topic; in explicit mode the named
// ones only. (panel-2022-2 is about C2, note-2024-1 names it, note-2024-2 is
// about C6; the extractor finds speech-2023-1 about C7, "the digital
// economy".)
TEST_F(SearcherTest, ActionLinesFilterAndCountNamedAndInferredUnlessExplicit) {
  SearchRequest all;
  all.action_lines = {"C2"};
  const SearchResult r = searcher_->Search(all);
  EXPECT_EQ(SortedPassageIds(r), (Ids{"note-2024-1", "panel-2022-2"}));
  EXPECT_EQ(Counts(r, FacetField::kActionLine), (std::map<std::string, uint64_t>{{"C2", 2}, {"C6", 1}, {"C7", 1}}));
  EXPECT_EQ(SortedPassageIds(Run("action:C2")), (Ids{"note-2024-1", "panel-2022-2"}));

  SearchRequest named = all;
  named.action_line_mode = ActionLineMode::kExplicit;
  const SearchResult e = searcher_->Search(named);
  EXPECT_EQ(SortedPassageIds(e), (Ids{"note-2024-1"}));
  EXPECT_EQ(Counts(e, FacetField::kActionLine), (std::map<std::string, uint64_t>{{"C2", 1}}));
  named.q = "action:C6";
  named.action_lines.clear();
  EXPECT_TRUE(searcher_->Search(named).hits.empty()) << "C6 is only inferred";
  EXPECT_EQ(searcher_->FacetValues(named, FacetField::kActionLine, "", 10).values.size(), 0u);
  named.q.clear();
  EXPECT_EQ(searcher_->FacetValues(named, FacetField::kActionLine, "", 10).values.size(), 1u);
  EXPECT_EQ(searcher_->FacetValues(all, FacetField::kActionLine, "", 10).values.size(), 3u)
      << "C2, C6 and C7: a field's own filter is left out of its counts";

  const std::string json = SearchResultToJson(e);
  EXPECT_NE(json.find("\"action_line_mode\":\"explicit\""), std::string::npos) << json;
}

// body, the field added by one row of the table: a filter (any case for a
// known body), a query field, and a facet counted when asked for.
TEST_F(SearcherTest, BodyFiltersAndIsCountedWhenAskedFor) {
  SearchRequest unga;
  AddFieldValue(unga, FieldOf(FacetField::kBody), "body", "unga");
  EXPECT_EQ(unga.bodies, std::vector<std::string>{"UNGA"});
  unga.facets = {FacetField::kBody};
  const SearchResult r = searcher_->Search(unga);
  EXPECT_EQ(SortedPassageIds(r), (Ids{"speech-2023-1", "speech-2023-2"}));
  EXPECT_EQ(Counts(r, FacetField::kBody), (std::map<std::string, uint64_t>{{"CSTD", 5}, {"UNGA", 2}}))
      << "a field's own filter is left out of its counts";
  EXPECT_EQ(SortedPassageIds(Run("digital body:cstd")), (Ids{"note-2024-1", "panel-2022-1"}));
  EXPECT_EQ(SortedPassageIds(Run("digital body:UNGA")), SortedPassageIds(Run("digital -body:CSTD")));
  for (const FacetResult& facet : Run("").facets) EXPECT_NE(facet.field, FacetField::kBody) << "not by default";
  EXPECT_EQ(searcher_->FacetValues(SearchRequest{}, FacetField::kBody, "un", 10).values.size(), 1u);
  const std::string json = SearchResultToJson(r);
  EXPECT_NE(json.find(R"("filters":{"body":["UNGA"]})"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("facets":{"body":[{"value":"CSTD","count":5},{"value":"UNGA","count":2}]})"), std::string::npos)
      << json;
}

TEST_F(SearcherTest, QueryFieldsTakeNamesRangesAndAnyActionLineCode) {
  EXPECT_EQ(SortedPassageIds(Run("country:Brazil")), SortedPassageIds(Run("country:BRA")));
  EXPECT_EQ(SortedPassageIds(Run("country:Türkiye")), (Ids{"panel-2022-3"}));
  EXPECT_EQ(SortedPassageIds(Run("digital year:2023..2024")), (Ids{"note-2024-1", "speech-2023-1", "speech-2023-2"}));
  EXPECT_EQ(SortedPassageIds(Run("digital session:25..27")), (Ids{"note-2024-1", "panel-2022-1"}));
  try {
    Run("country:Atlantis");
    ADD_FAILURE() << "unknown country accepted";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.parameter(), "q");
    EXPECT_NE(std::string(e.what()).find("Atlantis"), std::string::npos);
  }
}

TEST_F(SearcherTest, AcronymsAndTheirSpelledOutFormsFindEachOther) {
  // "artificial intelligence" is spelled out in the fixture; "AI" finds it.
  const Ids spelled = SortedPassageIds(Run("\"artificial intelligence\""));
  ASSERT_FALSE(spelled.empty());
  EXPECT_EQ(SortedPassageIds(Run("AI")), spelled);
}

TEST_F(SearcherTest, MisspeltWordsGetASuggestion) {
  const SearchResult r = Run("broadbnd");
  EXPECT_EQ(r.total, 0u);
  ASSERT_TRUE(r.suggestion.has_value());
  EXPECT_EQ(*r.suggestion, "broadband");
  EXPECT_FALSE(Run("broadband").suggestion.has_value());
}

TEST_F(SearcherTest, LimitsAreUsageErrorsNamingTheLimit) {
  const auto message = [&](SearchLimits limits, const std::string& q) {
    const Searcher limited(OpenIndex(*dir_), limits);
    SearchRequest r;
    r.q = q;
    try {
      limited.Search(r);
    } catch (const UsageError& e) {
      EXPECT_EQ(e.parameter(), "q");
      return std::string(e.what());
    }
    return std::string("no error");
  };
  SearchLimits bytes;
  bytes.max_query_bytes = 10;
  EXPECT_NE(message(bytes, "a very long query").find("max_query_bytes=10"), std::string::npos);
  EXPECT_EQ(message(bytes, "digital"), "no error");
  // More words than max_query_terms: a pasted paragraph, searched by its
  // most distinctive words, at most max_query_terms of them.
  SearchLimits terms;
  terms.max_query_terms = 2;
  EXPECT_EQ(message(terms, "broadband access remains uneven"), "no error");
  {
    const Searcher limited(OpenIndex(*dir_), terms);
    SearchRequest r;
    r.q = "broadband access remains uneven in rural areas";
    const SearchResult result = limited.Search(r);
    EXPECT_EQ(result.like_this.size(), 2u);
    EXPECT_EQ(PassageIds(result).front(), "panel-2022-2");
    EXPECT_FALSE(result.suggestion.has_value());
  }
  EXPECT_EQ(message(terms, "digital divide"), "no error");
  SearchLimits wildcard;
  wildcard.max_wildcard_expansion = 1;
  EXPECT_NE(message(wildcard, "d*").find("max_wildcard_expansion=1"), std::string::npos);
}

// Everything a search answers that its counting could change: the total,
// every facet's values and counts, and the hits in order.
std::string Answer(const SearchResult& result) {
  std::string out = "total " + std::to_string(result.total) + "\n";
  for (const FacetResult& facet : result.facets) {
    out += std::to_string(static_cast<int>(facet.field)) + ":";
    for (const FacetValue& v : facet.values) out += " " + v.value + "=" + std::to_string(v.count);
    out += "\n";
  }
  for (const Hit& hit : result.hits) out += hit.passage.passage_id + " ";
  return out;
}

// Counting on a second thread (a counting handle, every query large
// enough) answers what counting on the searching thread does, for every
// shape of counting: walked posting lists and Xapian's matcher (a phrase),
// filters kept in the query and filters left to the tally, passages and
// documents, a query without terms.
TEST_F(SearcherTest, CountingThreadAnswersAsTheSearchingThread) {
  SearchLimits always;
  always.parallel_count_postings = 0;
  const Searcher one_thread(OpenIndex(*dir_), always);
  const Searcher two_threads(OpenIndex(*dir_), always, OpenIndex(*dir_));
  std::vector<SearchRequest> requests(7);
  requests[1].q = "digital";
  requests[2].q = "digital";
  requests[2].countries = {"BRA"};
  requests[3].q = "\"digital divide\"";
  requests[4].q = "digital OR broadband";
  requests[4].group_by_document = true;
  requests[5].q = "digital";
  requests[5].action_lines = {"C2"};
  requests[5].action_line_mode = ActionLineMode::kExplicit;
  requests[6].q = "artificial intelligence";
  requests[6].years = {{2022, 2022}};
  requests[6].facets = {FacetField::kCountry};  // the year filter stays in the query
  for (size_t i = 0; i < requests.size(); ++i) {
    EXPECT_EQ(Answer(two_threads.Search(requests[i])), Answer(one_thread.Search(requests[i]))) << "request " << i;
  }
  EXPECT_EQ(one_thread.counted_in_parallel(), 0u);
  if (std::thread::hardware_concurrency() >= 2) {
    EXPECT_EQ(two_threads.counted_in_parallel(), requests.size());
  }
}

// A counting handle at another revision than the searcher's (a commit
// came between the two openings) is not used: its counts would not be
// those of the ranked matches.
TEST_F(SearcherTest, CountingHandleOfAnotherRevisionIsNotUsed) {
  test_support::TempDir temp("searcher-revision");
  const std::string dir = temp.Path("index");
  test_support::WriteDocuments(dir, {test_support::MakeDocument("a", "speech", 2020, {"Digital divide one."})});
  Xapian::Database before = OpenIndex(dir);
  {
    Xapian::WritableDatabase db(fs::path(dir) / *ReadCurrentGeneration(dir), Xapian::DB_OPEN);
    db.set_metadata("touched", "1");
    db.commit();
  }
  SearchLimits always;
  always.parallel_count_postings = 0;
  const Searcher searcher(before, always, OpenIndex(dir));
  SearchRequest r;
  r.q = "digital";
  EXPECT_EQ(searcher.Search(r).total, 1u);
  EXPECT_EQ(searcher.counted_in_parallel(), 0u);
}

}  // namespace
}  // namespace cstd::query
