#include "query/search_fields.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "model/action_lines.h"
#include "model/errors.h"
#include "model/schema.h"

namespace cstd::query {
namespace {

TEST(SearchFieldsTest, OneRowPerFacetFieldInItsOrderWithOneKindOfValues) {
  const auto& fields = SearchFields();
  ASSERT_EQ(fields.size(), AllFacetFields().size());
  std::set<std::string_view> names, query_prefixes, flags, term_prefixes;
  std::set<Xapian::valueno> slots;
  for (size_t i = 0; i < fields.size(); ++i) {
    const SearchField& f = fields[i];
    SCOPED_TRACE(std::string(f.name));
    EXPECT_EQ(static_cast<size_t>(f.id), i);
    EXPECT_EQ(&FieldOf(f.id), &f);
    EXPECT_EQ(FacetName(f.id), f.name);
    EXPECT_EQ(ParseFacetField(f.name), f.id);
    EXPECT_NE(f.values == nullptr, f.ranges == nullptr) << "exactly one of values and ranges";
    EXPECT_EQ(f.ranges != nullptr, f.resolver == Resolver::kIntRanges);
    EXPECT_EQ(IsNumericFacet(f.id), f.ranges != nullptr);
    EXPECT_EQ(f.flag.substr(0, 2), "--");
    EXPECT_FALSE(f.flag_help.empty());
    EXPECT_TRUE(names.insert(f.name).second);
    EXPECT_TRUE(query_prefixes.insert(f.query_prefix).second);
    EXPECT_TRUE(flags.insert(f.flag).second);
    EXPECT_TRUE(term_prefixes.insert(f.term_prefix).second);
    EXPECT_TRUE(slots.insert(f.slot).second);
  }
  EXPECT_EQ(ParseFacetField("body"), FacetField::kBody);
  // Every field is counted by default but body (one value in most archives).
  for (const SearchField& f : fields) EXPECT_EQ(f.default_facet, f.id != FacetField::kBody) << f.name;
  EXPECT_EQ(DefaultFacetFields().size(), fields.size() - 1);
  std::string listed;
  for (const SearchField& f : fields) listed += (listed.empty() ? "" : ", ") + std::string(f.name);
  EXPECT_EQ(FacetNames(), listed);
}

TEST(SearchFieldsTest, ValuesAreResolvedAsTheFieldSays) {
  SearchRequest r;
  AddFieldValue(r, FieldOf(FacetField::kCountry), "country", "Brazil");
  AddFieldValue(r, FieldOf(FacetField::kSpeaker), "speaker", "Souter");
  AddFieldValue(r, FieldOf(FacetField::kSession), "session", "20..22,27");
  AddFieldValue(r, FieldOf(FacetField::kActionLine), "action_line", "c7egov");
  AddFieldValue(r, FieldOf(FacetField::kType), "type", "panel-report");
  AddFieldValue(r, FieldOf(FacetField::kBody), "body", " cstd ");
  AddFieldValue(r, FieldOf(FacetField::kBody), "body", "ECOSOC");  // a catalogue may name other bodies
  EXPECT_EQ(r.countries, std::vector<std::string>{"BRA"});
  EXPECT_EQ(r.speakers, std::vector<std::string>{"Souter"});  // the Searcher resolves names
  ASSERT_EQ(r.sessions.size(), 2u);
  EXPECT_EQ(r.action_lines, std::vector<std::string>{"C7"});
  EXPECT_EQ(r.types, std::vector<std::string>{"panel-report"});
  EXPECT_EQ(r.bodies, (std::vector<std::string>{"CSTD", "ECOSOC"}));
  EXPECT_EQ(FilterStrings(r, FieldOf(FacetField::kSession)), (std::vector<std::string>{"20..22", "27"}));
  EXPECT_EQ(SelectedValues(r, FieldOf(FacetField::kSession)), (std::vector<std::string>{"20", "21", "22", "27"}));
  // Overlapping and repeated ranges name each number once, in order.
  SearchRequest overlapping;
  overlapping.sessions = {{27, 28}, {20, 22}, {21, 27}, {20, 22}};
  EXPECT_EQ(SelectedValues(overlapping, FieldOf(FacetField::kSession)),
            (std::vector<std::string>{"20", "21", "22", "23", "24", "25", "26", "27", "28"}));
  EXPECT_TRUE(FilterStrings(r, FieldOf(FacetField::kYear)).empty());
  EXPECT_EQ(FilterStrings(r, FieldOf(FacetField::kCountry)), std::vector<std::string>{"BRA"});
}

// The titles /v1/labels serves: every code of the fields written as bare
// codes, none for the others.
TEST(SearchFieldsTest, TitlesComeFromTheFieldsTables) {
  for (const SearchField& f : SearchFields()) {
    SCOPED_TRACE(std::string(f.name));
    const auto titles = TitlesOf(f);
    EXPECT_EQ(titles.empty(), f.titles == Titles::kNone);
    for (const CodeTitle& t : titles) EXPECT_FALSE(t.code.empty() || t.title.empty());
  }
  const auto lines = TitlesOf(FieldOf(FacetField::kActionLine));
  ASSERT_EQ(lines.size(), ActionLines::Builtin().all().size()) << "sub-lines too";
  EXPECT_EQ(lines.front().code, "C1");
  EXPECT_EQ(lines.front().title, ActionLines::Builtin().FindByCode("C1")->title);
  EXPECT_EQ(TitlesOf(FieldOf(FacetField::kType)).size(), CodeTitles::DocumentTypes().all().size());
  EXPECT_EQ(TitlesOf(FieldOf(FacetField::kBody)).front().code, "CSTD");
  EXPECT_TRUE(TitlesOf(FieldOf(FacetField::kCountry)).empty());
}

// action_line's tag mode: named tags only, or named and inferred ones.
TEST(SearchFieldsTest, OnlyActionLinesHaveATagModeChoosingTheirTermPrefixes) {
  for (const SearchField& f : SearchFields()) {
    EXPECT_EQ(f.tag_mode != nullptr, f.id == FacetField::kActionLine) << f.name;
  }
  const SearchField& lines = FieldOf(FacetField::kActionLine);
  SearchRequest r;
  EXPECT_EQ(TermPrefixes(r, lines),
            (std::vector<std::string_view>{schema::kPrefixActionLine, schema::kPrefixActionLineInferred}));
  SetTagMode(r, lines, "action_line_mode", "explicit");
  EXPECT_EQ(r.action_line_mode, ActionLineMode::kExplicit);
  EXPECT_EQ(TermPrefixes(r, lines), (std::vector<std::string_view>{schema::kPrefixActionLine}));
  EXPECT_EQ(TermPrefixes(r, FieldOf(FacetField::kType)), (std::vector<std::string_view>{schema::kPrefixType}));
  EXPECT_EQ(TagModeOf(r, FieldOf(FacetField::kType)), ActionLineMode::kAll);
  try {
    SetTagMode(r, lines, "--action-line-mode", "inferred");
    ADD_FAILURE() << "no UsageError";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.parameter(), "--action-line-mode");
  }
  EXPECT_THROW(SetTagMode(r, FieldOf(FacetField::kYear), "year_mode", "all"), std::logic_error);
}

TEST(SearchFieldsTest, RefusedValuesNameTheParameterTheyCameIn) {
  const struct {
    FacetField field;
    const char* parameter;
    const char* value;
  } kCases[] = {
      {FacetField::kCountry, "--country", "Atlantis"},
      {FacetField::kYear, "year", "2020..2010"},
      {FacetField::kActionLine, "action_line", "C99"},
      {FacetField::kType, "--type", "novel"},
  };
  for (const auto& c : kCases) {
    SearchRequest r;
    try {
      AddFieldValue(r, FieldOf(c.field), c.parameter, c.value);
      ADD_FAILURE() << c.value << ": no UsageError";
    } catch (const UsageError& e) {
      EXPECT_EQ(e.parameter(), c.parameter);
      EXPECT_NE(std::string(e.what()).find(c.value), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace cstd::query
