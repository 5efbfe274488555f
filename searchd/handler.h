// The request handler: a pure function from an HTTP request to a response.
// It knows the routes and the JSON API, nothing of sockets or threads.

#ifndef CSTD_SEARCHD_HANDLER_H_
#define CSTD_SEARCHD_HANDLER_H_

#include <boost/beast/http.hpp>
#include <map>
#include <string>
#include <string_view>

#include "query/search_request.h"
#include "searchd/index_pool.h"

namespace cstd::searchd {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;
using Params = std::multimap<std::string, std::string>;

/// Splits a request target into its path and decoded query parameters
/// ('+' is a space, %XX a byte). Throws UsageError naming the parameter
/// whose encoding is broken, or whose value is not valid UTF-8.
std::string ParseTarget(std::string_view target, Params* params);

/// Builds a SearchRequest from /v1/search parameters. Throws UsageError
/// naming the first malformed or out-of-range parameter; unknown parameters
/// are ignored.
query::SearchRequest ParseSearchParams(const Params& params);

/// Answers `request`. Never throws: errors become JSON error responses
/// ({"error": {"code", "message"}}) with the matching status.
Response HandleRequest(const Request& request, IndexPool& index);

/// A JSON error response.
Response ErrorResponse(boost::beast::http::status status, std::string_view code, std::string_view message,
                       unsigned version, bool keep_alive);

}  // namespace cstd::searchd

#endif  // CSTD_SEARCHD_HANDLER_H_
