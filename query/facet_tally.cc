#include "query/facet_tally.h"

#include <algorithm>

#include "model/errors.h"

namespace cstd::query {

ColumnFilter ColumnFilter::Make(const FacetColumns& columns, FacetField field, const std::vector<std::string>& values,
                                ActionLineMode mode) {
  const Column column = Column::Of(field, mode);
  ColumnFilter filter{field, column, std::vector<uint8_t>(columns.Cardinality(column), 0)};
  for (const auto& v : values) {
    if (const auto id = columns.Find(column, v)) filter.selected[*id] = 1;
  }
  return filter;
}

FacetTally::FacetTally(const FacetColumns& columns, const std::vector<FacetField>& counted,
                       std::vector<ColumnFilter> filters, std::chrono::steady_clock::time_point deadline,
                       double budget_ms, ActionLineMode mode, TallyUnit unit)
    : columns_(columns),
      unit_(unit),
      document_column_(Column::Document()),
      counted_(counted),
      filters_(std::move(filters)),
      deadline_(deadline),
      budget_ms_(budget_ms),
      document_seen_(columns.Cardinality(document_column_), 0),
      counts_(AllFacetFields().size()),
      counted_pairs_(unit == TallyUnit::kDocuments ? AllFacetFields().size() : 0) {
  for (FacetField f : AllFacetFields()) column_of_.push_back(Column::Of(f, mode));
  for (FacetField f : counted_) counts_[static_cast<size_t>(f)].assign(columns.Cardinality(ColumnFor(f)), 0);
}

bool FacetTally::Passes(const ColumnFilter& filter, Xapian::docid did) const {
  for (uint32_t id : columns_.Values(filter.column, did)) {
    if (filter.selected[id]) return true;
  }
  return false;
}

void FacetTally::Add(FacetField field, Xapian::docid did) const {
  std::vector<uint32_t>& counts = counts_[static_cast<size_t>(field)];
  if (counts.empty()) return;  // not counted
  if (unit_ == TallyUnit::kPassages) {
    for (uint32_t id : columns_.Values(ColumnFor(field), did)) ++counts[id];
    return;
  }
  const auto document = columns_.Values(document_column_, did);
  if (document.empty()) return;
  std::unordered_set<uint64_t>& pairs = counted_pairs_[static_cast<size_t>(field)];
  for (uint32_t id : columns_.Values(ColumnFor(field), did)) {
    if (pairs.insert((static_cast<uint64_t>(id) << 32) | document.front()).second) ++counts[id];
  }
}

bool FacetTally::Count(Xapian::docid did) const {
  // Reading the clock costs more than counting one passage: look every few
  // thousand.
  constexpr uint32_t kClockEvery = 4096;
  if (++seen_ % kClockEvery == 0 && std::chrono::steady_clock::now() > deadline_) {
    throw UsageError("facet_budget_ms", "counting facets took longer than facet_budget_ms=" +
                                            std::to_string(static_cast<long>(budget_ms_)) +
                                            "; narrow the query or ask for fewer facets");
  }
  const ColumnFilter* failed = nullptr;
  for (const ColumnFilter& filter : filters_) {
    if (Passes(filter, did)) continue;
    if (failed) return false;
    failed = &filter;
  }
  if (failed) {
    Add(failed->field, did);
    return false;
  }
  ++passages_;
  for (FacetField f : counted_) Add(f, did);
  for (uint32_t id : columns_.Values(document_column_, did)) {
    if (!document_seen_[id]) {
      document_seen_[id] = 1;
      ++documents_;
    }
  }
  return true;
}

std::vector<FacetValue> FacetTally::Values(FacetField field) const {
  std::vector<FacetValue> values;
  const std::vector<uint32_t>& counts = counts_[static_cast<size_t>(field)];
  for (uint32_t id = 0; id < counts.size(); ++id) {
    if (counts[id] > 0) values.push_back({columns_.Value(ColumnFor(field), id), "", counts[id]});
  }
  return values;
}

}  // namespace cstd::query
