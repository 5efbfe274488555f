// What the search page (searchd/web/) needs to know of the server's own
// tables before it can read its URL, served as one generated ES module,
// /assets/fields.js, so the page keeps no copy of them: the search fields
// it keeps in its URL state and names on its chips, and the facets its
// sidebar shows (query/search_fields.h). Not part of the /v1 API: other clients have the
// API's own answers. (The titles of action lines, types and bodies are an
// API answer, /v1/labels, which the page reads.)

#ifndef CSTD_SEARCHD_PAGE_DATA_H_
#define CSTD_SEARCHD_PAGE_DATA_H_

#include <string>

namespace cstd::searchd {

/// The name the module is served under, among the page's assets.
inline constexpr const char* kPageDataModule = "fields.js";

/// The module's text:
///   export const FILTER_FIELDS = ["country", ...];        // API names, in the table's order
///   export const FIELD_NAMES = {"country": "Delegation", ...};
///   export const FACET_PANELS = [{field: "country", legend: "Delegation",
///                                 numeric: false, named: true}, ...];
/// FACET_PANELS holds the fields a search counts by default
/// (SearchField::default_facet), in the table's order; `named` marks those
/// whose values are names a user types (delegations, speakers).
/// Strings are JSON. Throws nothing but std::bad_alloc.
std::string PageDataModule();

}  // namespace cstd::searchd

#endif  // CSTD_SEARCHD_PAGE_DATA_H_
