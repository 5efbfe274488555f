// HTTP from tests at the byte level: whole responses with their headers,
// requests the regular client cannot send (other methods, bodies, huge
// headers), pipelined requests on one connection, and bursts of concurrent
// clients. Blocking, with deadlines; for tests only.

#ifndef CSTD_TESTS_SUPPORT_RAW_HTTP_H_
#define CSTD_TESTS_SUPPORT_RAW_HTTP_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace cstd::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;

  /// The header's value, or "" when absent (`name` in lower case).
  std::string Header(const std::string& name) const;
};

/// One request on a fresh connection (deadline 20 s). `headers` are added
/// as given ("Name: value" without CRLF). Throws std::runtime_error naming
/// the target when the exchange fails.
HttpResponse Request(const std::string& host, const std::string& port, const std::string& method,
                     const std::string& target, const std::vector<std::string>& headers = {},
                     const std::string& body = "");

inline HttpResponse Get(const std::string& host, const std::string& port, const std::string& target) {
  return Request(host, port, "GET", target);
}

/// Sends `targets` as GET requests in one write on one connection, without
/// reading in between, then reads responses until the server closes the
/// connection or all have arrived (deadline 20 s). Returns what arrived.
std::vector<HttpResponse> Pipeline(const std::string& host, const std::string& port,
                                   const std::vector<std::string>& targets);

/// Sends `raw` as it is on a fresh connection, then reads responses until
/// the server closes the connection (deadline 20 s). Returns what arrived;
/// throws std::runtime_error when the deadline passes first (the server
/// kept the connection open).
std::vector<HttpResponse> SendRawUntilClosed(const std::string& host, const std::string& port, const std::string& raw);

/// Like Pipeline, but on one connection sends `batches` batches of
/// `per_batch` pipelined requests, reading each batch's responses before
/// sending the next.
std::vector<HttpResponse> PipelineInBatches(const std::string& host, const std::string& port, const std::string& target,
                                            int batches, int per_batch);

/// Outcome of one request in a Burst: the response, or the error text when
/// the exchange itself failed.
struct BurstResult {
  HttpResponse response;
  std::string error;
};

/// Runs `clients` threads, each sending GET `target` (fresh connection per
/// request) until `done(results so far)` holds or `seconds` pass, each
/// thread making at least `min_per_client` requests. Returns every outcome.
std::vector<BurstResult> Burst(const std::string& host, const std::string& port, const std::string& target, int clients,
                               int min_per_client, double seconds,
                               const std::function<bool(const std::vector<BurstResult>&)>& done);

}  // namespace cstd::testing

#endif  // CSTD_TESTS_SUPPORT_RAW_HTTP_H_
