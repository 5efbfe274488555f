// Shards: an archive's index split into N indexes by document, so that each
// can be served by its own machine (README, "Shards and read replicas").
// A document goes whole to one shard, chosen by a hash of its id: the
// passages of a document stay together, so counts of passages and of
// documents over disjoint shards add up exactly, and a document is fetched
// from the one shard that has it.

#ifndef CSTD_MODEL_SHARD_H_
#define CSTD_MODEL_SHARD_H_

#include <string>
#include <string_view>

namespace cstd {

/// Shard `index` of `count` (1-based, as operators write "2/3").
struct ShardSpec {
  unsigned index = 1;
  unsigned count = 1;

  /// "K/N".
  std::string ToString() const { return std::to_string(index) + "/" + std::to_string(count); }
  friend bool operator==(const ShardSpec&, const ShardSpec&) = default;
};

/// More shards than this is a typing error, not a deployment: at a few
/// million passages a shard, 1024 shards hold far more than the UN's record.
inline constexpr unsigned kMaxShards = 1024;

/// Parses "K/N" with 1 <= K <= N <= kMaxShards. Throws UsageError naming
/// `parameter` for anything else.
ShardSpec ParseShardSpec(std::string_view parameter, std::string_view value);

/// The shard (1-based, of `count`) that holds document `doc_id`: FNV-1a
/// (64 bits) of the id's bytes modulo `count`. Fixed forever: indexes built
/// apart must agree on it, so it depends on nothing but the id (not on the
/// platform, the library or the order of files). `count` must be >= 1.
unsigned ShardOf(std::string_view doc_id, unsigned count);

}  // namespace cstd

#endif  // CSTD_MODEL_SHARD_H_
