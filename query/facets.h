// Exact facet counts over all matching passages, multi-valued (a passage
// with 13 delegations counts for each) and multi-select (a field's own filter
// is left out when counting that field, so a user can widen a selection).

#ifndef CSTD_QUERY_FACETS_H_
#define CSTD_QUERY_FACETS_H_

#include <xapian.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cstd::query {

enum class FacetField { kCountry, kSpeaker, kSession, kYear, kActionLine, kType };

/// Every facet field, in the contract's order.
const std::vector<FacetField>& AllFacetFields();

/// The field's name in the API ("country", "action_line", ...).
std::string_view FacetName(FacetField field);

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

/// Counts the values of one field over every document the match visits.
/// Give Enquire::get_mset a check_at_least of the database size so that it
/// visits them all; the counts are then exact.
class FacetCounter : public Xapian::MatchSpy {
 public:
  /// Counts `field`; throws UsageError naming "facet_budget_ms" from inside
  /// the match once `deadline` has passed, so an over-broad query stops
  /// instead of holding a thread.
  FacetCounter(FacetField field, std::chrono::steady_clock::time_point deadline, double budget_ms)
      : field_(field), deadline_(deadline), budget_ms_(budget_ms) {}
  void operator()(const Xapian::Document& doc, double weight) override;

  FacetField field() const { return field_; }
  const std::unordered_map<std::string, uint64_t>& counts() const { return counts_; }

 private:
  FacetField field_;
  std::chrono::steady_clock::time_point deadline_;
  double budget_ms_;
  uint32_t seen_ = 0;
  std::unordered_map<std::string, uint64_t> counts_;
};

/// Values that do not fit in a facet list are still reachable through
/// /v1/facets/{field}?prefix=; the list itself stays short enough to read.
inline constexpr size_t kFacetListLimit = 50;

/// Sorts `counts` into a list (count descending, then value), keeps the
/// first `limit`, and keeps any value of `always` (the user's own selection)
/// even if it falls outside the limit.
std::vector<FacetValue> RankFacetValues(const std::unordered_map<std::string, uint64_t>& counts, size_t limit,
                                        const std::vector<std::string>& always);

}  // namespace cstd::query

#endif  // CSTD_QUERY_FACETS_H_
