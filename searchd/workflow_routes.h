// The HTTP side of a delegate's workflows (issue 16): exporting a search,
// following it as a feed, similar statements and comparing delegations.
// Parameters in, query/ does the work (export.h, feed.h, similar.h,
// compare.h), a response out; the handler's route table calls these.

#ifndef CSTD_SEARCHD_WORKFLOW_ROUTES_H_
#define CSTD_SEARCHD_WORKFLOW_ROUTES_H_

#include <string>

#include "searchd/handler.h"
#include "searchd/index_pool.h"

namespace cstd::searchd {

/// Where links in an answer point: "http://" and the request's Host, or ""
/// (links then are paths) when it has none or one that is not a host name
/// and port. Never throws but std::bad_alloc.
std::string LinkBase(const Request& request);

/// GET /v1/export: the head of the export of the search the parameters
/// describe (or of the passages `passage_id` names, in that order), in
/// `format` (csv by default), its rows left to the reply's stream, read
/// from a view of the index of its own (IndexPool::OpenOwnView). Throws
/// UsageError for a malformed parameter, an unknown passage or an export
/// past max_export, IndexError when the index cannot be opened.
Reply ExportReply(const Request& request, const Params& params, IndexPool& index);

/// GET /v1/feed: the Atom feed (query/feed.h) of the search the
/// parameters describe. Throws UsageError for a malformed parameter, and as
/// Searcher::Search.
Response FeedResponse(const Request& request, const Params& params, const query::Searcher& searcher);

/// GET /v1/passages/{passage_id}/similar: the JSON (as /v1/search's) of the
/// paragraphs most like `passage_id` (query/similar.h), under the search's
/// filters, paging and facets and other_delegations=true|false. Throws
/// UsageError for a malformed parameter, NotFoundError for an unknown
/// passage, and as Searcher::Search.
std::string SimilarJson(const std::string& passage_id, const Params& params, const query::Searcher& searcher);

/// GET /v1/compare: the JSON of the comparison (query/compare.h) of the
/// delegations `delegations` names, by `by` (year or session), with `top`
/// statements per cell, for the search's q and filters. Throws UsageError
/// for a malformed parameter, and as Searcher::Search.
std::string CompareJson(const Params& params, const query::Searcher& searcher);

}  // namespace cstd::searchd

#endif  // CSTD_SEARCHD_WORKFLOW_ROUTES_H_
