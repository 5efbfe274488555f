// cstd-searchd: serves an index over HTTP.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>
#include <chrono>
#include <iostream>
#include <thread>

#include "model/errors.h"
#include "model/program.h"
#include "model/text.h"
#include "searchd/index_pool.h"
#include "searchd/server.h"

namespace {

namespace asio = boost::asio;

asio::ip::tcp::endpoint ParseListen(const std::string& listen) {
  const auto fail = [&]() {
    return cstd::UsageError("--listen", "--listen=" + listen + ": expected HOST:PORT, e.g. 127.0.0.1:8080");
  };
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos) throw fail();
  const long port = cstd::text::ParseInt(listen.substr(colon + 1)).value_or(-1);
  if (port < 0 || port > 65535) throw fail();
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(listen.substr(0, colon), ec);
  if (ec) throw fail();
  return {address, static_cast<unsigned short>(port)};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Serves a CSTD archive index over HTTP (JSON API).", "cstd-searchd"};
  cstd::AddVersionFlag(app, "cstd-searchd");
  std::string index_dir;
  std::string listen = "127.0.0.1:8080";
  cstd::searchd::ServerLimits limits;
  // The contract: one worker per core by default (searches are CPU-bound).
  limits.threads = std::max(1u, std::thread::hardware_concurrency());
  std::string shards, shard_ranking;
  CLI::Option* index_option = app.add_option("--index", index_dir, "Index folder written by cstd-indexer");
  CLI::Option* shards_option =
      app.add_option("--shards", shards,
                     "Serve an index built as shards (cstd-indexer build --shard K/N): each shard's cstd-searchd, "
                     "HOST:PORT,... in shard order 1..N; they count, Xapian ranks through --shard-ranking");
  CLI::Option* ranking_option = app.add_option(
      "--shard-ranking", shard_ranking,
      "With --shards: each shard's xapian-tcpsrv (serving INDEX/xapian-stub), HOST:PORT,... in the same order");
  bool shard_partial = false;
  CLI::Option* partial_option = app.add_flag(
      "--shard-partial", shard_partial,
      "With --shards: while a shard does not answer, search and facets answer over the shards that do, marked "
      "\"partial\": {\"missing_shards\": [...]} (other endpoints still answer 503); without it, every answer is 503 "
      "naming the shard");
  partial_option->needs(shards_option);
  shards_option->needs(ranking_option);
  ranking_option->needs(shards_option);
  index_option->excludes(shards_option);
  shards_option->excludes(index_option);
  app.add_option("--listen", listen, "Address and port to listen on (port 0: any free port)")->capture_default_str();
  app.add_option("--threads", limits.threads, "Worker threads running searches (default: cores)")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  // 0 is refused (a usage error): it would answer every request with 503.
  const CLI::Option* max_inflight =
      app.add_option("--max-inflight", limits.max_inflight,
                     "Requests queued or running at once, server-wide; more get 503 with Retry-After "
                     "(default: 64 x threads)")
          ->check(CLI::Range(size_t{1}, size_t{1} << 20));
  // Server-wide and per-connection limits (ServerLimits in server.h gives
  // the reason for each default).
  app.add_option("--max-connections", limits.max_connections, "Open connections at most; more get 503")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20))
      ->capture_default_str();
  unsigned read_timeout_seconds = static_cast<unsigned>(limits.read_timeout.count());
  app.add_option("--read-timeout", read_timeout_seconds,
                 "Seconds a connection has to send one whole request (and an idle keep-alive connection is kept); "
                 "slower clients are disconnected")
      ->check(CLI::Range(1u, 3600u))
      ->capture_default_str();
  app.add_option("--max-pipelined", limits.max_pipelined,
                 "Requests one connection may send before reading responses; more get 429 and the connection closes")
      ->check(CLI::Range(size_t{1}, size_t{1024}))
      ->capture_default_str();
  app.add_option("--max-requests-per-connection", limits.max_requests_per_connection,
                 "Requests served on one connection before it is closed")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30))
      ->capture_default_str();
  app.add_option("--max-header-bytes", limits.header_limit, "Request line and headers at most; more get 431")
      ->check(CLI::Range(1024u, 1u << 20))
      ->capture_default_str();
  app.add_option("--max-target-bytes", limits.target_limit, "Request target (path and query) at most; more get 414")
      ->check(CLI::Range(size_t{256}, size_t{1} << 20))
      ->capture_default_str();
  app.add_option("--max-body-bytes", limits.body_limit, "Request body at most (the API takes none); more get 413")
      ->check(CLI::Range(uint64_t{0}, uint64_t{1} << 30))
      ->capture_default_str();
  app.add_flag("!--no-log", limits.log_requests, "Do not log one line per request");
  // Per-query limits (query::SearchLimits explains each default); a request
  // past one gets a 400 naming it.
  cstd::query::SearchLimits search_limits;
  app.add_option("--max-query-bytes", search_limits.max_query_bytes, "Longest q accepted, in bytes")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20))
      ->capture_default_str();
  app.add_option("--max-wildcard-expansion", search_limits.max_wildcard_expansion,
                 "Terms one trailing wildcard may expand to")
      ->check(CLI::Range(1u, 1000000u))
      ->capture_default_str();
  app.add_option("--max-query-terms", search_limits.max_query_terms,
                 "Terms a query is searched by; a query of more words is searched as a pasted text by that many of them")
      ->check(CLI::Range(size_t{1}, size_t{10000}))
      ->capture_default_str();
  app.add_option("--facet-budget-ms", search_limits.facet_budget_ms, "Time one request may spend counting facets")
      ->check(CLI::Range(1.0, 600000.0))
      ->capture_default_str();
  app.add_option("--parallel-count-postings", search_limits.parallel_count_postings,
                 "Count a search's facets on a second thread while it ranks when a core is free and a term of it is "
                 "in this many passages (0: always; more than the index holds: never)")
      ->capture_default_str();
  app.add_option("--max-export", search_limits.max_export,
                 "Rows one /v1/export may write; a larger export is refused with 400, never cut short")
      ->check(CLI::Range(size_t{1}, size_t{100000000}))
      ->capture_default_str();

  return cstd::RunProgram(app, argc, argv, [&]() {
    // 64 queued requests per worker: at a few milliseconds per search the
    // last one admitted still waits well under a second.
    if (max_inflight->count() == 0) limits.max_inflight = 64 * size_t{limits.threads};
    limits.read_timeout = std::chrono::seconds(read_timeout_seconds);
    const auto endpoint = ParseListen(listen);
    if (index_dir.empty() && shards.empty()) throw cstd::UsageError("--index", "give --index DIR, or --shards");
    std::unique_ptr<cstd::searchd::IndexPool> pool;
    if (shards.empty()) {
      pool = std::make_unique<cstd::searchd::IndexPool>(index_dir, search_limits);
    } else {
      pool = std::make_unique<cstd::searchd::IndexPool>(
          std::make_shared<const cstd::searchd::ShardSet>(cstd::searchd::ParseEndpoints("--shards", shards),
                                                          cstd::searchd::ParseEndpoints("--shard-ranking", shard_ranking),
                                                          shard_partial ? cstd::searchd::ShardService::kPartial
                                                                        : cstd::searchd::ShardService::kWhole),
          search_limits);
    }
    cstd::searchd::IndexPool& index = *pool;
    // Socket I/O runs on this thread alone; the handler on the server's
    // worker threads (see server.h).
    asio::io_context io(1);
    cstd::searchd::Server server(io, endpoint, index, limits);
    server.Start();

    // Clean drain on SIGTERM/SIGINT: stop accepting, finish requests in
    // flight, close idle connections, then return from run().
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code& ec, int) {
      if (ec) return;
      std::cerr << "cstd-searchd: shutting down\n";
      server.Stop();
    });

    const auto local = server.local_endpoint();
    std::cout << "listening on http://" << local.address().to_string() << ":" << local.port() << std::endl;

    io.run();
    return cstd::kExitOk;
  });
}
