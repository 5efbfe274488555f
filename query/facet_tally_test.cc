#include "query/facet_tally.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/errors.h"
#include "model/schema.h"
#include "tests/support/temp_dir.h"

namespace cstd::query {
namespace {

namespace fs = std::filesystem;

struct PassageSpec {
  std::vector<std::string> countries;
  int year;  // 0: none
  const char* type;
  const char* doc;
};

Xapian::Document MakePassage(const PassageSpec& spec) {
  Xapian::Document d;
  if (!spec.countries.empty()) d.add_value(schema::kSlotCountries, schema::PackValues(spec.countries));
  if (spec.year) d.add_value(schema::kSlotYear, Xapian::sortable_serialise(spec.year));
  d.add_value(schema::kSlotType, spec.type);
  d.add_value(schema::kSlotDocId, spec.doc);
  d.add_boolean_term("Kall");
  return d;
}

// Passage 1..5 of a small index; passage 4 has no country and no year.
const std::vector<PassageSpec> kPassages = {
    {{"BRA", "ARG"}, 2001, "statement", "x"}, {{"BRA"}, 2002, "statement", "x"},
    {{"USA"}, 2001, "report", "y"},           {{}, 0, "report", "z"},
    {{"USA", "BRA"}, 2003, "statement", "z"},
};

class FacetTallyTest : public testing::Test {
 protected:
  FacetTallyTest() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
    for (const auto& p : kPassages) db_.add_document(MakePassage(p));
    db_.commit();
  }

  // Runs the tally over every passage, as Searcher does.
  void Run(const FacetTally& tally) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query("Kall"));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.get_mset(0, 0, db_.get_doccount(), nullptr, &tally);
  }
  static std::map<std::string, uint64_t> Counts(const FacetTally& tally, FacetField field) {
    std::map<std::string, uint64_t> out;
    for (const auto& v : tally.Values(field)) out[v.value] = v.count;
    return out;
  }

  Xapian::WritableDatabase db_;
};

TEST_F(FacetTallyTest, ColumnsHoldEachPassagesValuesAsIds) {
  const FacetColumns columns(db_);
  const auto values = [&](Column c, Xapian::docid did) {
    std::vector<std::string> out;
    for (uint32_t id : columns.Values(c, did)) out.push_back(columns.Value(c, id));
    return out;
  };
  EXPECT_EQ(values(Column::Of(FacetField::kCountry), 1), (std::vector<std::string>{"BRA", "ARG"}));
  EXPECT_EQ(values(Column::Of(FacetField::kCountry), 4), std::vector<std::string>{});
  EXPECT_EQ(values(Column::Of(FacetField::kCountry), 5), (std::vector<std::string>{"USA", "BRA"}));
  EXPECT_EQ(values(Column::Of(FacetField::kYear), 3), std::vector<std::string>{"2001"});
  EXPECT_EQ(values(Column::Of(FacetField::kYear), 4), std::vector<std::string>{});
  EXPECT_EQ(values(Column::Document(), 5), std::vector<std::string>{"z"});
  EXPECT_TRUE(values(Column::Of(FacetField::kCountry), 6).empty());  // past the last passage
  EXPECT_TRUE(values(Column::Of(FacetField::kCountry), 0).empty());
  EXPECT_EQ(columns.Cardinality(Column::Of(FacetField::kCountry)), 3u);
  EXPECT_EQ(columns.Cardinality(Column::Of(FacetField::kSpeaker)), 0u);
  ASSERT_TRUE(columns.Find(Column::Of(FacetField::kType), "report"));
  EXPECT_EQ(columns.Value(Column::Of(FacetField::kType), *columns.Find(Column::Of(FacetField::kType), "report")), "report");
  EXPECT_FALSE(columns.Find(Column::Of(FacetField::kType), "letter"));
}

TEST_F(FacetTallyTest, CountsEveryValueOfEveryPassageWithoutFilters) {
  const FacetColumns columns(db_);
  const auto far = std::chrono::steady_clock::now() + std::chrono::hours(1);
  const FacetTally tally(columns, {FacetField::kCountry, FacetField::kYear, FacetField::kType}, {}, far, 1000);
  Run(tally);
  EXPECT_EQ(Counts(tally, FacetField::kCountry), (std::map<std::string, uint64_t>{{"ARG", 1}, {"BRA", 3}, {"USA", 2}}));
  EXPECT_EQ(tally.passages(), 5u);
  EXPECT_EQ(tally.documents(), 3u);
  EXPECT_EQ(tally.Values(FacetField::kYear).size(), 3u);
  EXPECT_EQ(tally.Values(FacetField::kType).size(), 2u);
}

// The multi-select rule, case by case: each field counted without its own
// filter and with every other.
TEST_F(FacetTallyTest, CountsEachFilteredFieldWithoutItsOwnFilter) {
  struct Case {
    std::vector<std::string> countries, years;
    uint64_t passages, documents;
    std::map<std::string, uint64_t> country, year, type;
  };
  const std::vector<Case> cases = {
      // country=BRA, year=2001: only passage 1 passes. Countries of year 2001
      // (1, 3); years of BRA (1, 2, 5).
      {{"BRA"},
       {"2001"},
       1,
       1,
       {{"ARG", 1}, {"BRA", 1}, {"USA", 1}},
       {{"2001", 1}, {"2002", 1}, {"2003", 1}},
       {{"statement", 1}}},
      // country=BRA or USA: 1, 2, 3, 5 pass; countries as without filters
      // but passage 4 has none.
      {{"BRA", "USA"},
       {},
       4,
       3,
       {{"ARG", 1}, {"BRA", 3}, {"USA", 2}},
       {{"2001", 2}, {"2002", 1}, {"2003", 1}},
       {{"report", 1}, {"statement", 3}}},
      // An unknown value selects nothing, and each field still counts what
      // its own filter would show if widened.
      {{"FRA"}, {}, 0, 0, {{"ARG", 1}, {"BRA", 3}, {"USA", 2}}, {}, {}},
      // Two failed filters: a passage counts nowhere (3 fails both).
      {{"ARG"}, {"2002"}, 0, 0, {{"BRA", 1}}, {{"2001", 1}}, {}},
  };
  const FacetColumns columns(db_);
  const auto far = std::chrono::steady_clock::now() + std::chrono::hours(1);
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    std::vector<ColumnFilter> filters;
    if (!c.countries.empty()) filters.push_back(ColumnFilter::Make(columns, FacetField::kCountry, c.countries));
    if (!c.years.empty()) filters.push_back(ColumnFilter::Make(columns, FacetField::kYear, c.years));
    const FacetTally tally(columns, {FacetField::kCountry, FacetField::kYear, FacetField::kType}, filters, far, 1000);
    Run(tally);
    EXPECT_EQ(Counts(tally, FacetField::kCountry), c.country) << "case " << i;
    EXPECT_EQ(Counts(tally, FacetField::kYear), c.year) << "case " << i;
    EXPECT_EQ(Counts(tally, FacetField::kType), c.type) << "case " << i;
    EXPECT_EQ(tally.passages(), c.passages) << "case " << i;
    EXPECT_EQ(tally.documents(), c.documents) << "case " << i;
  }
}

// group=document: a value counts the documents that have it, so a field
// every document has once (type, year of a one-year document) adds up to
// the total of documents.
TEST_F(FacetTallyTest, CountsDocumentsWhenGroupedByDocument) {
  const FacetColumns columns(db_);
  const auto far = std::chrono::steady_clock::now() + std::chrono::hours(1);
  const FacetTally tally(columns, {FacetField::kCountry, FacetField::kType}, {}, far, 1000, ActionLineMode::kAll,
                         TallyUnit::kDocuments);
  Run(tally);
  // BRA: passages 1, 2 (document x) and 5 (z): two documents.
  EXPECT_EQ(Counts(tally, FacetField::kCountry), (std::map<std::string, uint64_t>{{"ARG", 1}, {"BRA", 2}, {"USA", 2}}));
  EXPECT_EQ(Counts(tally, FacetField::kType), (std::map<std::string, uint64_t>{{"report", 2}, {"statement", 2}}));
  EXPECT_EQ(tally.documents(), 3u);
  // A multi-select count, in documents too: country=USA leaves passages 3
  // and 5 (documents y, z); the country facet, counted without its own
  // filter, still counts documents.
  const FacetTally filtered(columns, {FacetField::kCountry, FacetField::kType},
                            {ColumnFilter::Make(columns, FacetField::kCountry, {"USA"})}, far, 1000,
                            ActionLineMode::kAll, TallyUnit::kDocuments);
  Run(filtered);
  EXPECT_EQ(filtered.documents(), 2u);
  EXPECT_EQ(Counts(filtered, FacetField::kType), (std::map<std::string, uint64_t>{{"report", 1}, {"statement", 1}}));
  EXPECT_EQ(Counts(filtered, FacetField::kCountry),
            (std::map<std::string, uint64_t>{{"ARG", 1}, {"BRA", 2}, {"USA", 2}}));
}

TEST_F(FacetTallyTest, StopsWithAUsageErrorOncePastItsDeadline) {
  const FacetColumns columns(db_);
  const Xapian::Document doc = db_.get_document(1);
  const FacetTally late(columns, {FacetField::kType}, {}, std::chrono::steady_clock::now() - std::chrono::seconds(1),
                        5);
  try {
    for (int i = 0; i < 100000; ++i) late(doc);
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.parameter(), "facet_budget_ms");
    EXPECT_NE(std::string(e.what()).find("facet_budget_ms=5"), std::string::npos);
  }
  const FacetTally relaxed(columns, {FacetField::kType}, {}, std::chrono::steady_clock::now() + std::chrono::hours(1),
                           5);
  for (int i = 0; i < 100000; ++i) relaxed(doc);
  EXPECT_EQ(relaxed.Values(FacetField::kType).front().count, 100000u);
}

// The columns come from the search-field table: one per row, one more per
// tag mode (the named tags alone), and the document's; every one distinct.
TEST(ColumnTest, OneColumnPerSearchFieldThenOnePerTagModeThenTheDocument) {
  std::set<size_t> seen;
  size_t tag_modes = 0;
  for (const SearchField& f : SearchFields()) {
    SCOPED_TRACE(std::string(f.name));
    const Column all = Column::Of(f.id), named = Column::Of(f.id, ActionLineMode::kExplicit);
    EXPECT_TRUE(seen.insert(all.index()).second);
    if (f.tag_mode) {
      ++tag_modes;
      EXPECT_TRUE(seen.insert(named.index()).second);
    } else {
      EXPECT_EQ(named, all) << "a field without a tag mode has one column";
    }
  }
  EXPECT_TRUE(seen.insert(Column::Document().index()).second);
  EXPECT_EQ(Column::Count(), SearchFields().size() + tag_modes + 1);
  EXPECT_EQ(*seen.rbegin(), Column::Count() - 1);
}

TEST(FacetColumnsTest, SharedWithinARevisionAndRebuiltAfterACommit) {
  const test_support::TempDir temp("columns");
  const fs::path dir = temp.Path("index");
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    db.add_document(MakePassage(kPassages[0]));
    db.commit();
  }
  Xapian::Database reader(dir.string());
  const auto first = FacetColumns::For(reader);
  EXPECT_EQ(FacetColumns::For(Xapian::Database(dir.string())), first);
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_OPEN);
    db.add_document(MakePassage(kPassages[2]));
    db.commit();
  }
  const auto second = FacetColumns::For(Xapian::Database(dir.string()));
  EXPECT_NE(second, first);
  EXPECT_EQ(second->Cardinality(Column::Of(FacetField::kCountry)), 3u);
  EXPECT_EQ(first->Cardinality(Column::Of(FacetField::kCountry)), 2u);
}

}  // namespace
}  // namespace cstd::query
