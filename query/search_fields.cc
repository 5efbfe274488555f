#include "query/search_fields.h"

#include <stdexcept>

#include "model/schema.h"

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
      {FacetField::kCountry, "country", "Delegation", "country", "--country",
       "ISO3 code or country name (repeat for OR)", schema::kPrefixCountry, schema::kSlotCountries,
       SlotEncoding::kPacked, Resolver::kCountry, LabelSource::kCountries, &SearchRequest::countries, nullptr, nullptr},
      {FacetField::kSpeaker, "speaker", "Speaker", "speaker", "--speaker",
       "Speaker id or any part of a name (repeat for OR)", schema::kPrefixSpeaker, schema::kSlotSpeakers,
       SlotEncoding::kPacked, Resolver::kSpeaker, LabelSource::kSpeakers, &SearchRequest::speakers, nullptr, nullptr},
      {FacetField::kSession, "session", "Session", "session", "--session", "Session number, list or range 20..27",
       schema::kPrefixSession, schema::kSlotSession, SlotEncoding::kSortable, Resolver::kIntRanges, LabelSource::kNone,
       nullptr, &SearchRequest::sessions, nullptr},
      {FacetField::kYear, "year", "Year", "year", "--year", "Year, list or range 2010..2024", schema::kPrefixYear,
       schema::kSlotYear, SlotEncoding::kSortable, Resolver::kIntRanges, LabelSource::kNone, nullptr,
       &SearchRequest::years, nullptr},
      {FacetField::kActionLine, "action_line", "Action line", "action", "--action-line", "WSIS action line, C1..C11",
       schema::kPrefixActionLine, schema::kSlotActionLines, SlotEncoding::kPacked, Resolver::kActionLine,
       LabelSource::kNone, &SearchRequest::action_lines, nullptr, &kActionLineMode},
      {FacetField::kType, "type", "Type", "type", "--type", "Document type, e.g. panel-report", schema::kPrefixType,
       schema::kSlotType, SlotEncoding::kString, Resolver::kType, LabelSource::kNone, &SearchRequest::types, nullptr,
       nullptr},
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
    case Resolver::kIntRanges:
      for (const IntRange& range : ParseIntRanges(parameter, value)) (request.*field.ranges).push_back(range);
      return;
  }
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
  std::vector<std::string> values;
  for (const IntRange& range : request.*field.ranges) {
    for (int v = range.low; v <= range.high; ++v) values.push_back(std::to_string(v));
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

}  // namespace cstd::query
