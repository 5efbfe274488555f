// The request handler: a pure function from an HTTP request to a response.
// It knows the routes, the JSON API, the documents' original files (read,
// never written; see original.h) and the compiled-in search page
// (searchd/web/), nothing of sockets or threads.
//
// Metrics: the handler only reads them (to render GET /metrics); the server's
// session records every request. The session is the one place that sees
// every response -- including those the handler never produces (431, 413,
// malformed HTTP, 503 when overloaded) -- and the whole latency a client
// waits, queueing included; recording there keeps the count exact and the
// handler free of side effects.

#ifndef CSTD_SEARCHD_HANDLER_H_
#define CSTD_SEARCHD_HANDLER_H_

#include <boost/beast/http.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/search_request.h"
#include "searchd/index_pool.h"
#include "searchd/metrics.h"

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

/// Reads q and the search fields' filters (with their tag modes) into `r`:
/// what every endpoint that takes "the search parameters" reads. Throws
/// UsageError naming the first malformed one.
void ParseFilterParams(const Params& params, query::SearchRequest* r);

/// Reads sort and group into `r`. Throws UsageError naming a malformed one.
void ParseRankingParams(const Params& params, query::SearchRequest* r);

/// Every value of parameter `name`, repeated or comma-separated, trimmed.
std::vector<std::string> AllValues(const Params& params, const std::string& name);

/// The last value of parameter `name`, or null when absent.
const std::string* LastValue(const Params& params, const std::string& name);

/// A response body made piece by piece after the head has gone out (an
/// export): the server sends each piece as an HTTP chunk once the client
/// has taken the one before, so a long body is never whole in memory.
class BodyStream {
 public:
  virtual ~BodyStream() = default;
  /// The next piece, never empty; nullopt at the end. Called on a worker
  /// thread, one call at a time (not always on the same thread). May throw:
  /// the server then ends the response without its last chunk, which tells
  /// the client the body is incomplete, and logs why.
  virtual std::optional<std::string> Next() = 0;
};

/// An answer: a whole response, or a response head (chunked) whose body
/// `stream` makes.
struct Reply {
  Reply(Response r) : response(std::move(r)) {}  // NOLINT: a whole response is a reply
  Response response;
  std::unique_ptr<BodyStream> stream;
};

/// What the handler tells the server about a request, for its metrics.
struct RequestInfo {
  /// The matched route's path pattern ("/v1/documents/{doc_id}"), or
  /// kOtherEndpoint. Points into static storage.
  std::string_view endpoint = kOtherEndpoint;
  /// The JSON error code of an error response ("bad_request"), empty on
  /// success. Points into static storage.
  std::string_view error_code;
  /// For an error the server answered without saying why (a 5xx: the index
  /// cannot be read, an internal error), the reason, for the server's log
  /// only: it may name paths on the server, which no answer shows.
  std::string detail;
};

/// Answers `request`; `metrics` is read for GET /metrics only. When `info`
/// is given, it receives the route, the error code and the detail of a 5xx.
/// Never throws: errors become JSON error responses ({"error": {"code",
/// "message"}}) with the matching status. No answer names a path on the
/// server: 5xx messages say what failed, and `info->detail` says where.
Response HandleRequest(const Request& request, IndexPool& index, const Metrics& metrics, RequestInfo* info = nullptr);

/// HandleRequest for the server: a body made piece by piece is left to the
/// reply's stream (for HEAD there is none) instead of being gathered.
/// Never throws, as HandleRequest.
Reply HandleStreaming(const Request& request, IndexPool& index, const Metrics& metrics, RequestInfo* info = nullptr);

/// The path patterns of every route, for Metrics' endpoint labels.
std::vector<std::string_view> EndpointLabels();

/// The path pattern of the route `target` ("/v1/search?q=x") goes to, or
/// kOtherEndpoint; for requests the server answers without the handler
/// (e.g. 503 when overloaded). Never throws.
std::string_view EndpointOf(std::string_view target);

/// A JSON error response.
Response ErrorResponse(boost::beast::http::status status, std::string_view code, std::string_view message,
                       unsigned version, bool keep_alive);

}  // namespace cstd::searchd

#endif  // CSTD_SEARCHD_HANDLER_H_
