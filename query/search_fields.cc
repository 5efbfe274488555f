#include "query/search_fields.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "model/action_lines.h"
#include "model/schema.h"
#include "query/http_client.h"

namespace cstd::query {

namespace {

// Action lines come named ("action line C5") or inferred from a passage's
// topic (extract/action_line_inference.h); the mode picks which count.
const TagMode kActionLineMode = {
    "action_line_mode",
    "--action-line-mode",
    "all: --action-line and its counts take lines named or inferred from the topic; explicit: named only",
    schema::kPrefixActionLineInferred,
    schema::kSlotActionLinesExplicit,
    &SearchRequest::action_line_mode};

}  // namespace

const std::vector<SearchField>& SearchFields() {
  static const std::vector<SearchField> kFields = {
      {.id = FacetField::kCountry,
       .name = "country",
       .display_name = "Delegation",
       .query_prefix = "country",
       .flag = "--country",
       .flag_help = "ISO3 code or country name (repeat for OR)",
       .term_prefix = schema::kPrefixCountry,
       .slot = schema::kSlotCountries,
       .encoding = SlotEncoding::kPacked,
       .resolver = Resolver::kCountry,
       .labels = LabelSource::kCountries,
       .values = &SearchRequest::countries},
      {.id = FacetField::kSpeaker,
       .name = "speaker",
       .display_name = "Speaker",
       .query_prefix = "speaker",
       .flag = "--speaker",
       .flag_help = "Speaker id or any part of a name (repeat for OR)",
       .term_prefix = schema::kPrefixSpeaker,
       .slot = schema::kSlotSpeakers,
       .encoding = SlotEncoding::kPacked,
       .resolver = Resolver::kSpeaker,
       .labels = LabelSource::kSpeakers,
       .values = &SearchRequest::speakers},
      {.id = FacetField::kSession,
       .name = "session",
       .display_name = "Session",
       .query_prefix = "session",
       .flag = "--session",
       .flag_help = "Session number, list or range 20..27",
       .term_prefix = schema::kPrefixSession,
       .slot = schema::kSlotSession,
       .encoding = SlotEncoding::kSortable,
       .resolver = Resolver::kIntRanges,
       .labels = LabelSource::kNone,
       .ranges = &SearchRequest::sessions},
      {.id = FacetField::kYear,
       .name = "year",
       .display_name = "Year",
       .query_prefix = "year",
       .flag = "--year",
       .flag_help = "Year, list or range 2010..2024",
       .term_prefix = schema::kPrefixYear,
       .slot = schema::kSlotYear,
       .encoding = SlotEncoding::kSortable,
       .resolver = Resolver::kIntRanges,
       .labels = LabelSource::kNone,
       .ranges = &SearchRequest::years},
      {.id = FacetField::kActionLine,
       .name = "action_line",
       .display_name = "WSIS action line",
       .query_prefix = "action",
       .flag = "--action-line",
       .flag_help = "WSIS action line, C1..C11",
       .term_prefix = schema::kPrefixActionLine,
       .slot = schema::kSlotActionLines,
       .encoding = SlotEncoding::kPacked,
       .resolver = Resolver::kActionLine,
       .labels = LabelSource::kNone,
       .values = &SearchRequest::action_lines,
       .tag_mode = &kActionLineMode,
       .titles = Titles::kActionLines},
      {.id = FacetField::kType,
       .name = "type",
       .display_name = "Document type",
       .query_prefix = "type",
       .flag = "--type",
       .flag_help = "Document type, e.g. panel-report",
       .term_prefix = schema::kPrefixType,
       .slot = schema::kSlotType,
       .encoding = SlotEncoding::kString,
       .resolver = Resolver::kType,
       .labels = LabelSource::kNone,
       .values = &SearchRequest::types,
       .titles = Titles::kDocumentTypes},
      // Which UN body a document is of: the CSTD's own archive, or the
      // General Assembly's debates (the UNGDC) indexed beside it. Counted
      // only when asked for (facets=body): most archives hold one body.
      {.id = FacetField::kBody,
       .name = "body",
       .display_name = "Body",
       .query_prefix = "body",
       .flag = "--body",
       .flag_help = "UN body: CSTD, UNGA, or as a catalogue names one (repeat for OR)",
       .term_prefix = schema::kPrefixBody,
       .slot = schema::kSlotBody,
       .encoding = SlotEncoding::kString,
       .resolver = Resolver::kBody,
       .labels = LabelSource::kNone,
       .values = &SearchRequest::bodies,
       .titles = Titles::kBodies,
       .default_facet = false},
  };
  return kFields;
}

const SearchField& FieldOf(FacetField field) {
  // Rows are in FacetField's order (checked by search_fields_test.cc).
  return SearchFields().at(static_cast<size_t>(field));
}

void AddFieldValue(SearchRequest& request, const SearchField& field, std::string_view parameter,
                   std::string_view value) {
  switch (field.resolver) {
    case Resolver::kCountry:
      for (auto& code : ResolveCountries(parameter, value)) (request.*field.values).push_back(std::move(code));
      return;
    case Resolver::kSpeaker:
      (request.*field.values).emplace_back(value);
      return;
    case Resolver::kActionLine:
      (request.*field.values).push_back(ResolveActionLine(parameter, value));
      return;
    case Resolver::kType:
      (request.*field.values).push_back(ResolveType(parameter, value));
      return;
    case Resolver::kBody:
      (request.*field.values).push_back(ResolveBody(parameter, value));
      return;
    case Resolver::kIntRanges:
      for (const IntRange& range : ParseIntRanges(parameter, value)) (request.*field.ranges).push_back(range);
      return;
  }
}

std::vector<CodeTitle> TitlesOf(const SearchField& field) {
  switch (field.titles) {
    case Titles::kNone:
      return {};
    case Titles::kActionLines: {
      std::vector<CodeTitle> titles;
      for (const ActionLine& line : ActionLines::Builtin().all()) titles.push_back({line.code, line.title});
      return titles;
    }
    case Titles::kDocumentTypes:
      return CodeTitles::DocumentTypes().all();
    case Titles::kBodies:
      return CodeTitles::Bodies().all();
  }
  return {};
}

void SetTagMode(SearchRequest& request, const SearchField& field, std::string_view parameter, std::string_view value) {
  if (!field.tag_mode) throw std::logic_error(std::string(field.name) + " has no tag mode");
  request.*field.tag_mode->mode = ParseActionLineMode(parameter, value);
}

ActionLineMode TagModeOf(const SearchRequest& request, const SearchField& field) {
  return field.tag_mode ? request.*field.tag_mode->mode : ActionLineMode::kAll;
}

std::vector<std::string_view> TermPrefixes(const SearchRequest& request, const SearchField& field) {
  if (!field.tag_mode || TagModeOf(request, field) == ActionLineMode::kExplicit) return {field.term_prefix};
  return {field.term_prefix, field.tag_mode->inferred_term_prefix};
}

std::vector<std::string> SelectedValues(const SearchRequest& request, const SearchField& field) {
  if (field.values) return request.*field.values;
  // Each number once, however the ranges overlap: a request may repeat
  // 0..9999 as often as its length allows, and each repeat must not cost
  // another ten thousand values.
  std::vector<IntRange> ranges = request.*field.ranges;
  std::sort(ranges.begin(), ranges.end(), [](const IntRange& a, const IntRange& b) { return a.low < b.low; });
  std::vector<std::string> values;
  int next = std::numeric_limits<int>::min();
  for (const IntRange& range : ranges) {
    for (int v = std::max(range.low, next); v <= range.high; ++v) values.push_back(std::to_string(v));
    next = std::max(next, range.high + 1);
  }
  return values;
}

std::vector<std::string> FilterStrings(const SearchRequest& request, const SearchField& field) {
  if (field.values) return request.*field.values;
  std::vector<std::string> out;
  for (const IntRange& v : request.*field.ranges) {
    out.push_back(v.low == v.high ? std::to_string(v.low) : std::to_string(v.low) + ".." + std::to_string(v.high));
  }
  return out;
}

std::string FilterQueryString(const SearchRequest& r) {
  std::string out = "q=" + UrlEncode(r.q);
  for (const SearchField& field : SearchFields()) {
    for (const auto& v : FilterStrings(r, field)) out += "&" + std::string(field.name) + "=" + UrlEncode(v);
    if (TagModeOf(r, field) != ActionLineMode::kAll) {
      out += "&" + std::string(field.tag_mode->parameter) + "=" + std::string(ActionLineModeName(TagModeOf(r, field)));
    }
  }
  return out;
}

}  // namespace cstd::query
