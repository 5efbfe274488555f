// The HTTP server: a listener accepting connections and one session per
// connection, reading requests under a deadline and size limits and handing
// them to the pure handler (handler.h). Shape after Boost.Beast's
// example/advanced/server.

#ifndef CSTD_SEARCHD_SERVER_H_
#define CSTD_SEARCHD_SERVER_H_

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "searchd/index_pool.h"

namespace cstd::searchd {

/// Limits on what one connection may send. Each has a reason:
struct ServerLimits {
  /// Connections beyond this get 503 and are closed: each open connection
  /// holds a socket and a buffer, and 2 cores cannot serve more usefully.
  size_t max_connections = 512;
  /// Request line plus headers. Browsers send under 8 KiB; more is abuse.
  /// Past it: 431.
  uint32_t header_limit = 16 * 1024;
  /// The API takes no bodies; a small limit refuses uploads early. Past it: 413.
  uint64_t body_limit = 16 * 1024;
  /// Request target (path and query). Queries are short; past it: 414.
  size_t target_limit = 8 * 1024;
  /// Time to read one whole request, and how long an idle keep-alive
  /// connection is kept. Slow clients must not hold a socket forever.
  std::chrono::seconds read_timeout{15};
  /// Requests served on one connection before it is closed, so no client
  /// can pin a thread's share of work indefinitely.
  size_t max_requests_per_connection = 10000;
  /// Whether to log one line per request to stderr.
  bool log_requests = true;
};

class Server {
 public:
  /// Binds `endpoint` (port 0 picks a free port). Throws boost::system::
  /// system_error when the address cannot be bound.
  Server(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint, IndexPool& index,
         ServerLimits limits);
  ~Server();

  /// Starts accepting. Work runs on whichever threads run `io`.
  void Start();

  /// Stops accepting and closes idle connections; requests in flight finish
  /// and their connections close after the response. Thread-safe.
  void Stop();

  boost::asio::ip::tcp::endpoint local_endpoint() const;

  struct State;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace cstd::searchd

#endif  // CSTD_SEARCHD_SERVER_H_
