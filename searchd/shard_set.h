// The shards a searchd serves together (cstd-searchd --shards): for each
// shard, its own cstd-searchd, which counts (exact facets and totals, from
// its facet columns), and its xapian-tcpsrv, through which Xapian ranks all
// shards with global statistics.
//
// Why two servers per shard. Measured on loopback with 3 shards of 85
// CSTD and UNGDC files (README, "Shards and read replicas"): ranking each
// shard on its own statistics and merging by score gave the single index's
// top 10 for 1 query of 20 (7.6 of the 10 hits on average); Xapian's remote
// backend, which shares the statistics, gave it for 20 of 20, weights equal.
// But Xapian's remote matcher does not run a MatchDecider, and our exact
// multi-select tally is one (query/facet_tally.h), over facet columns held
// in the shard's memory: reading them through the remote protocol would
// fetch every document. Counts over disjoint shards add up exactly, so each
// shard's searchd counts its part (/v1/shard/counts) while Xapian ranks.
//
// Generations: each shard switches generations on its own (a rebuild of one
// does not touch the others). A view of the shards notes the generation of
// each ranking connection; a count from another generation is never added
// to it (see ShardSet::Open).

#ifndef CSTD_SEARCHD_SHARD_SET_H_
#define CSTD_SEARCHD_SHARD_SET_H_

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "model/shard.h"
#include "query/parser_table.h"
#include "query/searcher.h"

namespace cstd::searchd {

/// A host and a port, as "host:port" names them.
struct Endpoint {
  std::string host;
  std::string port;
  std::string ToString() const { return host + ":" + port; }
};

/// Splits a comma-separated list of "host:port". Throws UsageError naming
/// `parameter` for an empty list or an item that is not host:port.
std::vector<Endpoint> ParseEndpoints(const std::string& parameter, const std::string& list);

/// How long a count waits for a shard's searchd that still serves the
/// generation before the one its ranking server has moved to: searchd
/// follows a switch within kGenerationCheckMillis (index_pool.h), so a
/// second is ample; past it the shard is reported unavailable.
inline constexpr int kShardGenerationWaitMillis = 1000;

/// A thread's view of the shards is opened afresh this often, so that a
/// thread serving only reads that count nothing (a document) follows a
/// rebuilt shard as a single index's searchd does: within the 2 s the
/// contract promises.
inline constexpr int kShardViewMillis = 1000;

/// Whether the shards are served only whole (a shard that is down is a 503
/// naming it) or also partially (cstd-searchd --shard-partial: a search
/// over the shards that answer, marked with the ones that do not).
enum class ShardService { kWhole, kPartial };

class ShardSet {
 public:
  /// `counting[k]` and `ranking[k]` serve shard k+1 of counting.size(): its
  /// cstd-searchd and its xapian-tcpsrv. Throws UsageError naming
  /// --shard-ranking when the lists differ in length.
  ShardSet(std::vector<Endpoint> counting, std::vector<Endpoint> ranking, ShardService service = ShardService::kWhole);

  /// A searcher over the shards as they are now: one connection to each
  /// xapian-tcpsrv, each checked to serve the shard its place says
  /// (schema::kMetaShard), its generation noted; counts come from the
  /// shards' searchd, each checked to answer for the same shard and
  /// generation. Throws ShardUnavailableError naming a shard that cannot be
  /// reached or serves another shard. Served partially, such a shard is
  /// left out instead (Searcher::missing_shards), from ranking and counting
  /// alike: its searchd is asked for a count of nothing here, so that a
  /// view never ranks over a shard whose counts it cannot have. It throws
  /// then only when no shard answers.
  std::unique_ptr<query::Searcher> Open(const query::SearchLimits& limits) const;

  size_t size() const { return counting_.size(); }
  ShardService service() const { return service_; }

  /// Which shard the server at `index` (0-based, as listed) serves: 2/3 for
  /// index 1 of three.
  ShardSpec Spec(size_t index) const;

  /// "shard 2/3 (searchd 127.0.0.1:8082, xapian-tcpsrv 127.0.0.1:7082)",
  /// for messages.
  std::string Name(size_t index) const;

  const Endpoint& counting(size_t index) const { return counting_[index]; }

 private:
  // Shard k's ranking connection, checked to serve shard k+1 of the
  // schema this build reads; its generation into `generation`, its layout
  // (schema::kMetaShardLayout, "" for the hash) into `layout`. Throws
  // ShardUnavailableError naming the shard.
  Xapian::Database OpenRanking(size_t k, std::string* generation, std::string* layout) const;

  // The parser table (query/parser_table.h) of a view of the shards `live`
  // (indices) at `generations`: the last one made, when it was made for
  // them; else one made now from each shard's spellings, asked of its
  // searchd. Made once per change of generation, not per view: views are
  // opened every kShardViewMillis by every thread. Throws what AskShard in
  // shard_set.cc throws for a shard that cannot answer.
  std::shared_ptr<const query::ParserTable> ParserTableFor(const std::vector<size_t>& live,
                                                           const std::vector<std::string>& generations) const;

  std::vector<Endpoint> counting_;
  std::vector<Endpoint> ranking_;
  ShardService service_;
  // ParserTableFor's last table, and the shards and generations it is of.
  mutable std::mutex parser_mutex_;
  mutable std::vector<std::pair<size_t, std::string>> parser_key_;
  mutable std::shared_ptr<const query::ParserTable> parser_table_;
};

}  // namespace cstd::searchd

#endif  // CSTD_SEARCHD_SHARD_SET_H_
