// The HTTP server: a listener accepting connections and one session per
// connection, reading requests under a deadline and size limits and handing
// them to the pure handler (handler.h). Shape after Boost.Beast's
// example/advanced/server.
//
// Threads: socket I/O (accepting, parsing, writing) runs on whichever threads
// run the io_context -- one is plenty, it costs microseconds per request --
// and the handler runs on a separate pool of `threads` workers. The split is
// what makes overload answerable: when every worker is busy searching, the
// I/O thread still reads new requests and can refuse them at once with 503
// instead of leaving them unread in kernel buffers while latency grows.
//
// Overload policy (the contract's 503 and 429):
// - Server-wide, at most `max_inflight` requests are admitted at a time
//   (queued for a worker or running). One more is answered at once with 503
//   and Retry-After, on a connection that stays open. The bound caps the
//   queue, so an admitted request waits at most about max_inflight / threads
//   service times.
// - Per connection, requests are answered one at a time and in order: a
//   connection never holds more than one admitted request, so a pipelining
//   client cannot take more than its share of the queue. A client that has
//   more than `max_pipelined` requests outstanding at once (sent and not yet
//   answered, i.e. pipelined without reading the responses) is served its
//   first `max_pipelined` and then answered 429 with Retry-After, and the
//   connection is closed: the requests queued behind are not served.
//
// Hostile framing (framing.h): a request with both Content-Length and
// Transfer-Encoding, two Content-Lengths, or a Transfer-Encoding that does
// not end in chunked is answered 400 and its connection closed. Slow
// clients: a request must arrive whole within read_timeout of the
// connection starting to wait for it (not per byte), so a client sending
// half a request and waiting is closed then.

#ifndef CSTD_SEARCHD_SERVER_H_
#define CSTD_SEARCHD_SERVER_H_

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "searchd/index_pool.h"
#include "searchd/metrics.h"

namespace cstd::searchd {

/// Limits on what clients may send and the server may take on. Each has a
/// reason:
struct ServerLimits {
  /// Worker threads running the handler. The contract's default is the
  /// number of cores (see main.cc): searches are CPU-bound.
  unsigned threads = 1;
  /// Requests admitted at once (queued or running), server-wide; beyond it:
  /// 503 + Retry-After. The default in main.cc is 64 per worker: at a few
  /// milliseconds per search that keeps the worst queueing delay well under
  /// the latency histogram's 1 s top bucket. At least 1.
  size_t max_inflight = 64;
  /// Requests one connection may have outstanding (pipelined without reading
  /// responses); past it: 429 + Retry-After and the connection closes.
  /// Browsers do not pipeline at all; 16 leaves room for scripted clients
  /// that do, and bounds what one connection makes us buffer.
  size_t max_pipelined = 16;
  /// The Retry-After of 503 and 429, in seconds. Searches take milliseconds,
  /// so a burst is over within a second; clients should add jitter.
  unsigned retry_after_seconds = 1;
  /// Connections beyond this get 503 and are closed: each open connection
  /// holds a socket and a buffer, and 2 cores cannot serve more usefully.
  size_t max_connections = 512;
  /// Request line plus headers: the longest target (target_limit) and
  /// 16 KiB of headers, where browsers send under 8 KiB; more is abuse.
  /// Past it: 431.
  uint32_t header_limit = 48 * 1024;
  /// The API takes no bodies; a small limit refuses uploads early. Past it: 413.
  uint64_t body_limit = 16 * 1024;
  /// Request target (path and query). Queries are short, but a pasted
  /// paragraph may be 8 KiB (SearchLimits::max_query_bytes), up to three
  /// times that percent-encoded, with the other parameters beside it; past
  /// it: 414.
  size_t target_limit = 32 * 1024;
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
  /// Binds `endpoint` (port 0 picks a free port) and starts `limits.threads`
  /// workers. Throws boost::system::system_error when the address cannot be
  /// bound, its what() naming the address ("cannot listen on
  /// 127.0.0.1:8080: Address already in use"); std::invalid_argument when
  /// threads or max_inflight is 0.
  Server(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint, IndexPool& index,
         ServerLimits limits);
  /// Joins the workers. Destroy the Server only after `io` has stopped
  /// running (run() returned): sessions post work to the workers.
  ~Server();

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Starts accepting. Socket I/O runs on whichever threads run `io`; the
  /// handler on the workers.
  void Start();

  /// Stops accepting and closes idle connections; requests in flight finish
  /// and their connections close after the response. Thread-safe.
  void Stop();

  boost::asio::ip::tcp::endpoint local_endpoint() const;

  /// What GET /metrics renders.
  const Metrics& metrics() const;

  struct State;

 private:
  std::unique_ptr<boost::asio::thread_pool> workers_;
  std::shared_ptr<State> state_;
};

}  // namespace cstd::searchd

#endif  // CSTD_SEARCHD_SERVER_H_
