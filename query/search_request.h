// A search request, independent of where it came from (HTTP parameters or
// cstd-query flags), and the parsing of its parameter values.

#ifndef CSTD_QUERY_SEARCH_REQUEST_H_
#define CSTD_QUERY_SEARCH_REQUEST_H_

#include <string>
#include <string_view>
#include <vector>

#include "query/facets.h"

namespace cstd::query {

enum class Sort { kRelevance, kDateDesc, kDateAsc };

/// An inclusive integer range; a single value is {v, v}.
struct IntRange {
  int low = 0;
  int high = 0;
};

struct SearchRequest {
  std::string q;
  // Filters: AND across fields, OR within one.
  std::vector<std::string> countries;  // ISO3 codes, resolved
  /// Speaker ids, or names to resolve (Searcher: "Souter" is every speaker
  /// whose name has that word); a result's request holds the ids used.
  std::vector<std::string> speakers;
  std::vector<IntRange> sessions;
  std::vector<IntRange> years;
  std::vector<std::string> action_lines;  // codes as in the table
  /// Whether action_lines (and the action_line facet) take inferred tags.
  ActionLineMode action_line_mode = ActionLineMode::kAll;
  std::vector<std::string> types;
  std::vector<std::string> bodies;  // "CSTD", "UNGA", or as a catalogue names one
  int page = 1;
  int per_page = 20;
  Sort sort = Sort::kRelevance;
  bool group_by_document = false;
  /// The facets to count; DefaultFacetFields() unless the request names them.
  std::vector<FacetField> facets = DefaultFacetFields();
};

/// Pages are bounded so one request cannot ask for the whole index.
inline constexpr int kMaxPerPage = 100;
/// The deepest hit a request may reach (page * per_page).
inline constexpr int kMaxDepth = 10000;

/// Parses "2010..2024", "2019,2021", "27" (and mixtures) into ranges. Throws
/// UsageError naming `parameter` for anything else, or a reversed range.
std::vector<IntRange> ParseIntRanges(std::string_view parameter, std::string_view value);

/// Parses a positive integer parameter within [low, high]. Throws UsageError
/// naming `parameter` ("per_page=1000: must be between 1 and 100").
int ParseBoundedInt(std::string_view parameter, std::string_view value, int low, int high);

/// "relevance", "date_desc" or "date_asc"; throws UsageError otherwise.
Sort ParseSort(std::string_view value);

/// Splits a comma-separated list, trimming items and dropping empty ones.
std::vector<std::string> SplitList(std::string_view value);

/// The codes of the countries `value` names: an ISO3 code, a name, or any
/// part of a name (Countries::Matching); several when it is ambiguous
/// ("Korea"). Throws UsageError naming `parameter` and the value when it
/// names no country.
std::vector<std::string> ResolveCountries(std::string_view parameter, std::string_view value);

/// Resolves an action line code case-insensitively to the main line the
/// index files it under ("c5" -> "C5", "C7eGov" -> "C7"). Throws UsageError
/// naming `parameter` when unknown.
std::string ResolveActionLine(std::string_view parameter, std::string_view value);

/// "all" (named or inferred tags) or "explicit" (named tags only); throws
/// UsageError naming `parameter` otherwise.
ActionLineMode ParseActionLineMode(std::string_view parameter, std::string_view value);

/// The mode's name in the API ("all", "explicit").
std::string_view ActionLineModeName(ActionLineMode mode);

/// Checks a document type against the contract's vocabulary. Throws
/// UsageError naming `parameter` when unknown.
std::string ResolveType(std::string_view parameter, std::string_view value);

/// A UN body: one of data/bodies.tsv, ignoring case, becomes its code
/// ("cstd" -> "CSTD"); another value is kept as given (trimmed), since a
/// catalogue may name other bodies. Throws UsageError naming `parameter`
/// for an empty value.
std::string ResolveBody(std::string_view parameter, std::string_view value);

/// Parses a comma list of facet names; an empty list means none. Throws
/// UsageError naming `parameter` for an unknown name.
std::vector<FacetField> ParseFacetList(std::string_view parameter, std::string_view value);

/// Checks page and per_page against kMaxPerPage and kMaxDepth.
void CheckPaging(const SearchRequest& request);

}  // namespace cstd::query

#endif  // CSTD_QUERY_SEARCH_REQUEST_H_
