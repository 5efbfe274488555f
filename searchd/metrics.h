// The server's Prometheus metrics: request counters by route and status, a
// latency histogram by route, error counters by error code, and gauges for
// open connections and requests in flight. Rendered by GET /metrics in the
// Prometheus text exposition format 0.0.4.
//
// Every series has a bounded set of label values fixed at construction (the
// route table's path patterns plus "other", HTTP statuses 100-599, a fixed
// vocabulary of error codes), so a client sending random paths cannot make
// the metrics grow. Recording is lock-free (relaxed atomics): the server
// records from every I/O and worker thread, and a scrape never blocks them.

#ifndef CSTD_SEARCHD_METRICS_H_
#define CSTD_SEARCHD_METRICS_H_

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cstd::searchd {

/// The endpoint label for a request that matched no route: one label for
/// every unknown path keeps the label set bounded.
inline constexpr std::string_view kOtherEndpoint = "other";

/// Upper bounds of the latency histogram's buckets, in seconds, as printed
/// in the `le` label. They bracket our targets: a cached health check takes
/// well under a millisecond, a search on a large archive tens of
/// milliseconds, and anything near a second is an incident; past 1 s only
/// the +Inf bucket counts.
inline constexpr std::array<std::string_view, 11> kLatencyBucketLabels = {
    "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1"};
inline constexpr std::array<double, 11> kLatencyBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                           0.05,   0.1,   0.25,   0.5,   1.0};

/// The error codes of the JSON error bodies (`{"error": {"code": ...}}`)
/// that cstd_http_errors_total counts; any other code counts as "other".
inline constexpr std::array<std::string_view, 11> kErrorCodes = {
    "bad_request",       "not_found",  "method_not_allowed", "body_too_large", "uri_too_long", "header_too_large",
    "too_many_requests", "overloaded", "unavailable",        "internal",       "other"};

/// What /metrics reports about the index being served, read at scrape time.
struct IndexSnapshot {
  std::string generation;
  uint64_t documents = 0;
  uint64_t passages = 0;
};

class Metrics {
 public:
  /// `endpoints` are the label values requests are counted under (the route
  /// table's path patterns); kOtherEndpoint is added when missing.
  explicit Metrics(const std::vector<std::string_view>& endpoints);
  ~Metrics();

  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  /// Counts one answered request under `endpoint` (kOtherEndpoint when it is
  /// not one of the constructor's) and `status` (clamped into 100-599), and
  /// observes its latency. Thread-safe.
  void RecordRequest(std::string_view endpoint, unsigned status, std::chrono::nanoseconds duration);

  /// Counts one error response by its JSON error code ("other" when the code
  /// is not in kErrorCodes). Thread-safe.
  void RecordError(std::string_view code);

  /// Gauges, moved by the server as connections open and close and requests
  /// are admitted and answered. Thread-safe.
  void ConnectionOpened() { connections_open_.fetch_add(1, std::memory_order_relaxed); }
  void ConnectionClosed() { connections_open_.fetch_sub(1, std::memory_order_relaxed); }
  void RequestStarted() { requests_in_flight_.fetch_add(1, std::memory_order_relaxed); }
  void RequestFinished() { requests_in_flight_.fetch_sub(1, std::memory_order_relaxed); }

  /// The requests counted so far under `endpoint` and `status` (for tests
  /// and the server's own checks).
  uint64_t RequestCount(std::string_view endpoint, unsigned status) const;

  /// The whole exposition: every metric with its # HELP and # TYPE lines,
  /// series with a zero count left out except the gauges. Counters read
  /// while other threads record may be a few requests apart from each
  /// other, but each histogram's buckets, _count and +Inf agree.
  std::string Render(const IndexSnapshot& index) const;

  /// The Content-Type of Render()'s output.
  static constexpr std::string_view kContentType = "text/plain; version=0.0.4; charset=utf-8";

 private:
  struct Endpoint;
  size_t EndpointIndex(std::string_view endpoint) const;

  std::vector<std::unique_ptr<Endpoint>> endpoints_;
  std::array<std::atomic<uint64_t>, kErrorCodes.size()> errors_{};
  std::atomic<int64_t> connections_open_{0};
  std::atomic<int64_t> requests_in_flight_{0};
};

}  // namespace cstd::searchd

#endif  // CSTD_SEARCHD_METRICS_H_
