// What the search page (searchd/web/) needs to know of the server's own
// tables, served as one generated ES module, /assets/fields.js, so the page
// keeps no copy of them: the search fields it keeps in its URL state and
// names on its chips (query/search_fields.h), and the WSIS action lines'
// titles (data/action_lines.tsv). Not part of the /v1 API: other clients
// have the API's own answers.

#ifndef CSTD_SEARCHD_PAGE_DATA_H_
#define CSTD_SEARCHD_PAGE_DATA_H_

#include <string>

namespace cstd::searchd {

/// The name the module is served under, among the page's assets.
inline constexpr const char* kPageDataModule = "fields.js";

/// The module's text:
///   export const FILTER_FIELDS = ["country", ...];        // API names, in the table's order
///   export const FIELD_NAMES = {"country": "Delegation", ...};
///   export const ACTION_LINE_TITLES = {"C1": "...", ...};  // every code, sub-lines too
/// Strings are JSON. Throws DataError if a compiled-in table is malformed.
std::string PageDataModule();

}  // namespace cstd::searchd

#endif  // CSTD_SEARCHD_PAGE_DATA_H_
