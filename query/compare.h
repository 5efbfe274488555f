// Comparing delegations side by side: for a query and filters, each chosen
// delegation's statements by session or by year -- how many, and the best
// few of each. GET /v1/compare writes through here; the page's
// /?compare=BRA,IND,ZAF draws it.

#ifndef CSTD_QUERY_COMPARE_H_
#define CSTD_QUERY_COMPARE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/searcher.h"

namespace cstd::query {

/// Delegations compared at once: as many columns as a page shows side by
/// side and still reads.
inline constexpr size_t kMaxCompared = 6;
/// Statements shown per cell at most (`top`), and by default.
inline constexpr int kMaxCompareTop = 10;
inline constexpr int kDefaultCompareTop = 3;

struct CompareRequest {
  /// The query and filters; its own country filter is replaced by each
  /// delegation in turn, and its paging and facets are not used.
  SearchRequest search;
  /// ISO3 codes, one per column, in order.
  std::vector<std::string> delegations;
  /// The rows: FacetField::kYear or kSession.
  FacetField by = FacetField::kYear;
  /// Statements per cell.
  int top = kDefaultCompareTop;
};

struct CompareResult {
  struct Delegation {
    std::string code;
    std::string name;
    uint64_t total = 0;  // its paragraphs for the query and filters
  };
  struct Cell {
    uint64_t count = 0;     // its paragraphs of this session or year
    std::vector<Hit> hits;  // the best `top` of them, best first
  };
  struct Row {
    int value = 0;            // the session or year
    std::vector<Cell> cells;  // one per delegation, in their order
  };
  CompareRequest request;  // as run: the search's speakers resolved
  std::vector<Delegation> delegations;
  std::vector<Row> rows;  // every session or year with a paragraph of any delegation, newest first
  double took_ms = 0;
};

/// Each of `values` (an ISO3 code or a name) as the one delegation it
/// names, in order, once each. Throws UsageError naming `parameter` for a
/// value that names no delegation or several ("Korea"), for none, or for
/// more than kMaxCompared.
std::vector<std::string> ParseDelegations(std::string_view parameter, const std::vector<std::string>& values);

/// "year" or "session". Throws UsageError naming `parameter` otherwise.
FacetField ParseCompareBy(std::string_view parameter, std::string_view value);

/// The comparison `request` asks for. Counts are exact; paragraphs without
/// a session (or year) count in a delegation's total but in no row.
/// Throws as Searcher::Search.
CompareResult Compare(const Searcher& searcher, const CompareRequest& request);

}  // namespace cstd::query

#endif  // CSTD_QUERY_COMPARE_H_
