// Counts every facet of a match set in one pass of Xapian's matcher, with
// multi-select semantics: a field's own filter is left out when counting
// that field, so a user can widen a selection.

#ifndef CSTD_QUERY_FACET_TALLY_H_
#define CSTD_QUERY_FACET_TALLY_H_

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "query/facet_columns.h"
#include "query/facets.h"

namespace cstd::query {

/// A filter on one facet field, checked per passage from the columns: a
/// passage passes when any of its values is selected (OR within a field).
struct ColumnFilter {
  FacetField field;
  Column column;                  // where the field's values are read
  std::vector<uint8_t> selected;  // by value id in that column

  /// The filter selecting `values` (unknown values select nothing), reading
  /// action lines in `mode`.
  static ColumnFilter Make(const FacetColumns& columns, FacetField field, const std::vector<std::string>& values,
                           ActionLineMode mode = ActionLineMode::kAll);
};

/// What a facet count counts: passages (one hit per paragraph), or the
/// distinct documents among them (group=document), so that a facet's counts
/// and the total count the same things.
enum class TallyUnit { kPassages, kDocuments };

/// A MatchDecider that counts instead of deciding much. Give it to
/// Enquire::get_mset with a check_at_least of the database size, so it sees
/// every passage the query matches, and with the query filtered only by the
/// fields not in `filters`. For each passage it:
///  - passes all `filters`: accepts it, counts it in the total and in every
///    counted field;
///  - fails exactly one filter, on field F: rejects it, and counts it for F
///    alone (that is the passage F's facet would show if F's filter went);
///  - fails more: rejects it.
/// So one walk of the text query's matches gives the total and every
/// multi-select facet, where one walk per filtered field did before.
class FacetTally : public Xapian::MatchDecider {
 public:
  /// Counts `counted` fields; a field in `filters` must also be counted
  /// (why else leave its filter to the tally). Throws UsageError naming
  /// "facet_budget_ms" from inside the match once `deadline` has passed, so
  /// an over-broad query stops instead of holding a thread. Action lines are
  /// counted in `mode`; facet values count `unit`s (a document with three
  /// matching paragraphs from Brazil counts once for Brazil in kDocuments).
  FacetTally(const FacetColumns& columns, const std::vector<FacetField>& counted, std::vector<ColumnFilter> filters,
             std::chrono::steady_clock::time_point deadline, double budget_ms,
             ActionLineMode mode = ActionLineMode::kAll, TallyUnit unit = TallyUnit::kPassages);

  bool operator()(const Xapian::Document& doc) const override { return Count(doc.get_docid()); }

  /// What operator() does for the passage `did`, for a caller that walks
  /// the matches itself (query/match_walk.h): counts it and says whether it
  /// passed every filter. Throws as operator() does.
  bool Count(Xapian::docid did) const;

  /// Passages that passed every filter.
  uint64_t passages() const { return passages_; }
  /// Distinct documents among them.
  uint64_t documents() const { return documents_; }
  /// The non-zero counts of `field` (in the tally's unit), in no particular
  /// order.
  std::vector<FacetValue> Values(FacetField field) const;

 private:
  bool Passes(const ColumnFilter& filter, Xapian::docid did) const;
  void Add(FacetField field, Xapian::docid did) const;
  Column ColumnFor(FacetField field) const { return column_of_[static_cast<size_t>(field)]; }

  const FacetColumns& columns_;
  // Column::Of each facet field (by FacetField) in the tally's mode, and the
  // document column: looked up once, read for every passage.
  std::vector<Column> column_of_;
  TallyUnit unit_;
  Column document_column_;
  std::vector<FacetField> counted_;
  std::vector<ColumnFilter> filters_;
  std::chrono::steady_clock::time_point deadline_;
  double budget_ms_;
  // Counted from inside the matcher, which only has a const decider.
  mutable uint32_t seen_ = 0;
  mutable uint64_t passages_ = 0;
  mutable uint64_t documents_ = 0;
  mutable std::vector<uint8_t> document_seen_;
  mutable std::vector<std::vector<uint32_t>> counts_;  // by field, then value id
  // kDocuments: per field, the (value id, document id) pairs counted
  // already. A set, not a bitmap per value: a broad query meets thousands
  // of speakers and documents, but far fewer pairs.
  mutable std::vector<std::unordered_set<uint64_t>> counted_pairs_;
};

}  // namespace cstd::query

#endif  // CSTD_QUERY_FACET_TALLY_H_
