// The /v1 wire format: the JSON of every answer of the HTTP API, in one
// place -- searches (query, hits, facets), facet values, documents with
// their paragraphs, speakers' and delegations' profiles, the titles of
// coded values (labels), health and errors. cstd-searchd answers with these strings and `cstd-query --json`
// prints the search's; nothing else writes an API shape.
//
// Not here: the document model's own JSON (inspect's output and the records
// the index stores, model/document_json.h). The API's views of a document,
// a paragraph and a speaker are written with that file's pieces, so the
// three never drift apart.

#ifndef CSTD_QUERY_API_JSON_H_
#define CSTD_QUERY_API_JSON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "model/document_json.h"
#include "query/compare.h"
#include "query/facets.h"
#include "query/profile.h"
#include "query/searcher.h"

namespace cstd::query {

/// The /v1/search object of the contract: {"query": {"q", "filters"},
/// "total", "page", "per_page", "took_ms", "hits", "facets", "suggestion",
/// "like_this", "partial"}; each hit with its `statement` and `citation`;
/// "partial" as WritePartial writes it. Throws only std::bad_alloc.
std::string SearchResultToJson(const SearchResult& result);

/// The /v1/compare object of `result`: {"query", "by", "top",
/// "delegations": [{code, name, total}], "rows": [{value, cells: [{count,
/// hits}]}], "took_ms"}, each hit as in /v1/search. Throws only
/// std::bad_alloc.
std::string CompareToJson(const CompareResult& result);

/// The /v1/facets/{field} object: {"field", "prefix", "values", "partial"},
/// `field` as the client named it, "partial" naming `missing_shards` as in
/// a search. Throws only std::bad_alloc.
std::string FacetValuesToJson(std::string_view field, std::string_view prefix, const FacetResult& facet,
                              const std::vector<MissingShard>& missing_shards);

/// The /v1/documents/{doc_id} object: {"document", "paragraphs",
/// "speakers", "highlight"}. Each paragraph carries its `citation`
/// (query/citation.h); `highlight` lists what else to mark beside the
/// words of the search it was opened from (Searcher::HighlightPhrases).
/// The document carries `original` (the URL path
/// `original_url` of the file it was read from) and `format` instead of the
/// server path `source`; the speakers are those of the paragraphs'
/// statements, each once, in order of appearance. Throws only
/// std::bad_alloc.
std::string DocumentToJson(const Document& document, const std::vector<Passage>& passages,
                           std::string_view original_url, const std::vector<std::string>& highlight);

/// The /v1/speakers/{id} and /v1/countries/{country} object. Throws only
/// std::bad_alloc.
std::string ProfileToJson(const Profile& profile);

/// The /v1/health object: {"status": "ok", "index": {"documents",
/// "passages", "generation"}, "partial"}, "partial" naming `missing_shards`
/// as in a search (the index's figures are then those of the other shards).
/// Throws only std::bad_alloc.
std::string HealthToJson(uint64_t documents, uint64_t passages, std::string_view generation,
                         const std::vector<MissingShard>& missing_shards);

/// The /v1/labels object: for each search field whose values the API
/// writes as bare codes (SearchField::titles), in the table's order, its
/// codes with their titles: {"action_line": [{"value": "C1", "label":
/// "..."}, ...], "type": [...], "body": [...]}. Throws DataError if a
/// compiled-in table is malformed.
std::string LabelsToJson();

/// The body of every error answer: {"error": {"code", "message"}}. Throws
/// only std::bad_alloc.
std::string ErrorToJson(std::string_view code, std::string_view message);

}  // namespace cstd::query

#endif  // CSTD_QUERY_API_JSON_H_
