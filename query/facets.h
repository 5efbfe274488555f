// Exact facet counts over all matching passages, multi-valued (a passage
// with 13 delegations counts for each) and multi-select (a field's own filter
// is left out when counting that field, so a user can widen a selection).

#ifndef CSTD_QUERY_FACETS_H_
#define CSTD_QUERY_FACETS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cstd::query {

/// The search fields (query/search_fields.h has a row for each, in this
/// order).
enum class FacetField { kCountry, kSpeaker, kSession, kYear, kActionLine, kType, kBody };

/// Which action-line tags the action_line filter and facet count: every
/// line a passage is tagged with, named or inferred from its topic
/// (default), or only the lines it names explicitly.
enum class ActionLineMode { kAll, kExplicit };

/// Every facet field, in the contract's order.
const std::vector<FacetField>& AllFacetFields();

/// The fields a search counts when it names none (SearchField::
/// default_facet): all but those a search seldom needs, whose counting
/// would cost every search a little.
const std::vector<FacetField>& DefaultFacetFields();

/// The field's name in the API ("country", "action_line", ...).
std::string_view FacetName(FacetField field);

/// Every field's API name, in the contract's order, for messages:
/// "country, speaker, session, year, action_line, type".
std::string FacetNames();

/// The field named `name`, or nullopt.
std::optional<FacetField> ParseFacetField(std::string_view name);

/// True for fields whose values are numbers (session, year): the API writes
/// them as JSON numbers.
bool IsNumericFacet(FacetField field);

struct FacetValue {
  std::string value;
  std::string label;  // display name; empty when the value is its own label
  uint64_t count = 0;
};

struct FacetResult {
  FacetField field;
  std::vector<FacetValue> values;  // by count, descending, then by value
};

/// Values that do not fit in a facet list are still reachable through
/// /v1/facets/{field}?prefix=; the list itself stays short enough to read.
inline constexpr size_t kFacetListLimit = 50;

/// Sorts `values` (count descending, then value), keeps the first `limit`,
/// and keeps any value of `always` (the user's own selection) even if it
/// falls outside the limit.
std::vector<FacetValue> RankFacetValues(std::vector<FacetValue> values, size_t limit,
                                        const std::vector<std::string>& always);

}  // namespace cstd::query

#endif  // CSTD_QUERY_FACETS_H_
