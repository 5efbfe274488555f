#include "query/compare.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "model/countries.h"
#include "model/errors.h"
#include "model/text.h"
#include "query/search_fields.h"

namespace cstd::query {

namespace {

// Whether `value` passes the request's own filter on `field` (none: all).
bool InFilter(const SearchRequest& r, const SearchField& field, int value) {
  const std::vector<IntRange>& ranges = r.*field.ranges;
  if (ranges.empty()) return true;
  return std::any_of(ranges.begin(), ranges.end(),
                     [&](const IntRange& range) { return value >= range.low && value <= range.high; });
}

std::optional<int> ValueOf(const Passage& p, FacetField by) {
  return by == FacetField::kSession ? p.session : p.year;
}

}  // namespace

std::vector<std::string> ParseDelegations(std::string_view parameter, const std::vector<std::string>& values) {
  std::vector<std::string> codes;
  for (const std::string& value : values) {
    const std::vector<std::string> named = ResolveCountries(parameter, value);
    if (named.size() > 1) {
      std::string list;
      for (const auto& code : named) list += (list.empty() ? "" : ", ") + code;
      throw UsageError(std::string(parameter), std::string(parameter) + "=" + value + ": names several delegations (" +
                                                   list + "); give one code");
    }
    if (std::find(codes.begin(), codes.end(), named.front()) == codes.end()) codes.push_back(named.front());
  }
  if (codes.empty() || codes.size() > kMaxCompared) {
    throw UsageError(std::string(parameter), std::string(parameter) + ": name 1 to " + std::to_string(kMaxCompared) +
                                                 " delegations (" + std::to_string(codes.size()) + " given)");
  }
  return codes;
}

FacetField ParseCompareBy(std::string_view parameter, std::string_view value) {
  if (value == "year") return FacetField::kYear;
  if (value == "session") return FacetField::kSession;
  throw UsageError(std::string(parameter),
                   std::string(parameter) + "=" + std::string(value) + ": must be year or session");
}

CompareResult Compare(const Searcher& searcher, const CompareRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  if (request.by != FacetField::kYear && request.by != FacetField::kSession) {
    throw std::invalid_argument("Compare: rows are by year or by session");
  }
  const SearchField& field = FieldOf(request.by);
  CompareResult result;
  result.request = request;
  result.request.search = searcher.Resolve(request.search);
  result.request.search.countries.clear();
  // Each delegation's counts and best statements by value.
  std::vector<std::map<int, CompareResult::Cell>> columns;
  std::map<int, bool> values;
  for (const std::string& code : request.delegations) {
    SearchRequest one = result.request.search;
    one.countries = {code};
    one.page = 1;
    one.per_page = 1;
    one.facets.clear();
    const Country* country = Countries::Builtin().FindByCode(code);
    result.delegations.push_back({code, country ? country->short_name : code, searcher.Search(one).total});
    // A field's facet leaves its own filter out (multi-select); for a
    // field of one value per paragraph, the values the filter selects have
    // exactly the filtered counts.
    std::map<int, CompareResult::Cell> column;
    for (const FacetValue& v : searcher.FacetValues(one, request.by, "", SIZE_MAX).values) {
      const auto n = text::ParseInt(v.value);
      if (!n || !InFilter(one, field, static_cast<int>(*n))) continue;
      column[static_cast<int>(*n)].count = v.count;
      values[static_cast<int>(*n)] = true;
    }
    // One more group for paragraphs without a value, which rank with the
    // rest but have no row.
    const auto groups = static_cast<Xapian::doccount>(column.size() + 1);
    for (Hit& hit : searcher.BestPerValue(one, request.by, static_cast<Xapian::doccount>(request.top), groups)) {
      const auto value = ValueOf(hit.passage, request.by);
      if (value && column.count(*value)) column[*value].hits.push_back(std::move(hit));
    }
    columns.push_back(std::move(column));
  }
  for (auto it = values.rbegin(); it != values.rend(); ++it) {
    CompareResult::Row row{it->first, {}};
    for (auto& column : columns) {
      const auto cell = column.find(it->first);
      row.cells.push_back(cell == column.end() ? CompareResult::Cell{} : std::move(cell->second));
    }
    result.rows.push_back(std::move(row));
  }
  result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace cstd::query
