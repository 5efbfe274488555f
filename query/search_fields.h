// The search fields, one row each: what the API calls a field, how its
// filter is spelt in the index and the query language, where its facet
// column is read from, whether it takes values or ranges, how a value a
// user gives is resolved, and where its labels come from. Parameter parsing
// (searchd and cstd-query), the filters, the facet columns and the JSON of
// query.filters all read this table, so adding a field is one row here
// (and its data in the index: a term prefix and a value slot in
// model/schema.h, written by indexer/passage_indexer.cc), one FacetField
// and one SearchRequest member to hold its values. `body` was added so.

#ifndef CSTD_QUERY_SEARCH_FIELDS_H_
#define CSTD_QUERY_SEARCH_FIELDS_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "model/code_titles.h"
#include "query/facets.h"
#include "query/search_request.h"

namespace cstd::query {

/// How a facet column's value slot holds a passage's values.
enum class SlotEncoding {
  kPacked,    // several strings, schema::PackValues
  kSortable,  // one number, Xapian::sortable_serialise
  kString,    // one string
};

/// How a value given for the field (an API parameter, a cstd-query flag)
/// becomes the values filtered on.
enum class Resolver {
  kCountry,     // ISO3 code, name or part of one; several when ambiguous (ResolveCountries)
  kSpeaker,     // kept as given: the Searcher resolves ids and names against the index
  kActionLine,  // any action-line code, filed under its main line (ResolveActionLine)
  kType,        // the contract's document types (ResolveType)
  kBody,        // a UN body, its code if data/bodies.tsv knows it (ResolveBody)
  kIntRanges,   // "27", "2019,2021", "2010..2024" (ParseIntRanges)
};

/// Where a facet value's label comes from.
enum class LabelSource {
  kNone,       // the value is its own label
  kCountries,  // the country table's short name (data/countries.tsv)
  kSpeakers,   // the index's speaker records (SpeakerDirectory)
};

/// Where the titles of a field's values come from, for a field whose values
/// the API writes as bare codes ("C5", "panel-report", "CSTD"): /v1/labels
/// serves them, so a front end keeps no copy.
enum class Titles {
  kNone,           // no titles: ids labelled in the answers (country, speaker) or numbers
  kActionLines,    // data/action_lines.tsv, every code (sub-lines too)
  kDocumentTypes,  // data/document_types.tsv
  kBodies,         // data/bodies.tsv
};

/// The modifier of a field whose tags are either named in the text or
/// inferred from its topic (action_line): whether its filter, its query
/// field and its facet take both kinds of tags (ActionLineMode::kAll, the
/// default) or the named ones only (kExplicit). One parameter beside the
/// field's own, not a field: it selects no values.
struct TagMode {
  std::string_view parameter;             // API parameter and query.filters key: "action_line_mode"
  std::string_view flag;                  // cstd-query's flag: "--action-line-mode"
  std::string_view flag_help;             // and its help text
  std::string_view inferred_term_prefix;  // the inferred tags' terms (schema::kPrefix...Inferred)
  Xapian::valueno explicit_slot;          // the named tags alone, for the explicit facet column
  ActionLineMode SearchRequest::*mode;    // where the request holds it
};

struct SearchField {
  FacetField id;
  std::string_view name;          // API parameter, facet and query.filters key: "action_line"
  std::string_view display_name;  // what the search page calls it: "Action line"
  std::string_view query_prefix;  // the query language's field: "action" in "action:C5"
  std::string_view flag;          // cstd-query's flag: "--action-line"
  std::string_view flag_help;     // and its help text
  std::string_view term_prefix;   // boolean filter terms (schema::kPrefix...)
  Xapian::valueno slot;           // the facet column's value slot (schema::kSlot...)
  SlotEncoding encoding;
  Resolver resolver;
  LabelSource labels;
  /// The request's values of this field: exactly one of the two is set,
  /// `ranges` for Resolver::kIntRanges.
  std::vector<std::string> SearchRequest::*values = nullptr;
  std::vector<IntRange> SearchRequest::*ranges = nullptr;
  /// The field's tag mode, or null for a field whose values are all named.
  const TagMode* tag_mode = nullptr;
  /// Where the titles of its codes come from (/v1/labels).
  Titles titles = Titles::kNone;
  /// Whether a search that names no facets counts this one
  /// (DefaultFacetFields).
  bool default_facet = true;
};

/// Every search field, in FacetField's order: the contract's six, then
/// body.
const std::vector<SearchField>& SearchFields();

/// The row of `field`.
const SearchField& FieldOf(FacetField field);

/// The codes of `field`'s values with their titles, in their table's order;
/// empty for a field whose titles are Titles::kNone.
std::vector<CodeTitle> TitlesOf(const SearchField& field);

/// Adds what `value` (one value of the field's parameter or flag, named
/// `parameter` in errors) resolves to, to `request`. Throws UsageError
/// naming `parameter` for a value the field's resolver refuses.
void AddFieldValue(SearchRequest& request, const SearchField& field, std::string_view parameter,
                   std::string_view value);

/// Sets `field`'s tag mode in `request` from `value` ("all" or "explicit";
/// the tag mode's parameter or flag, named `parameter` in errors). Throws
/// UsageError naming `parameter` for another value, std::logic_error when
/// `field` has no tag mode.
void SetTagMode(SearchRequest& request, const SearchField& field, std::string_view parameter, std::string_view value);

/// The term prefixes a filter on `field` matches under `request`'s tag mode:
/// the field's own, and its inferred tags' unless the mode is explicit.
std::vector<std::string_view> TermPrefixes(const SearchRequest& request, const SearchField& field);

/// `field`'s tag mode in `request`; ActionLineMode::kAll for a field
/// without one.
ActionLineMode TagModeOf(const SearchRequest& request, const SearchField& field);

/// The values `request` selects for `field`, as facet values: ranges
/// expanded to each number ("2019".."2021" -> "2019", "2020", "2021").
std::vector<std::string> SelectedValues(const SearchRequest& request, const SearchField& field);

/// `field`'s selection in `request` as query.filters writes it: values as
/// they are, ranges as "27" or "2010..2024". Empty when nothing is selected.
std::vector<std::string> FilterStrings(const SearchRequest& request, const SearchField& field);

/// The search's parameters as a query string, one way for each search: q,
/// then each field's values as the index resolved them, then a tag mode
/// that is not the default. The same names the API and the page's URL use,
/// so searchd reads it back as the same request (a feed's links, a shard's
/// counts).
std::string FilterQueryString(const SearchRequest& request);

}  // namespace cstd::query

#endif  // CSTD_QUERY_SEARCH_FIELDS_H_
