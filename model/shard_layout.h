// Shards chosen by the operator rather than by hash (README, "Shards and
// read replicas"): a layout file sends documents to shards by session range,
// year range or body, e.g. the General Assembly's debates on one machine and
// the Commission's reports on another, or old sessions apart from new ones.
//
//   # SHARD  RULE
//   1  body UNGA
//   2  session ..20
//   3  *
//
// One rule per line: the shard's number, then `session A..B`, `year A..B`
// (either end may be left open: `..20`, `21..`; or one number), `body
// NAME[,NAME...]` or `*`. A document goes to the shard of the first rule it
// matches; a document without a session or year matches no range. The last
// rule must be `*`, so that every document has a shard, and every shard
// from 1 to the highest named must have a rule. Like the hash, a rule
// depends on nothing but the document, so shards built apart agree.

#ifndef CSTD_MODEL_SHARD_LAYOUT_H_
#define CSTD_MODEL_SHARD_LAYOUT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "model/shard.h"

namespace cstd {

class ShardLayout {
 public:
  /// Reads the layout file at `path`. Throws UsageError naming
  /// --shard-layout, the file and the line, when it cannot be read or a
  /// line is not a rule as above.
  static ShardLayout Read(const std::string& path);

  /// Parses a layout's text; `name` (the file) goes into messages. Throws
  /// as Read.
  static ShardLayout Parse(std::string_view name, std::string_view text);

  /// The number of shards: the highest shard a rule names.
  unsigned shard_count() const { return shard_count_; }

  /// The shard (1-based) that holds `doc`.
  unsigned ShardOf(const Document& doc) const;

  /// The rules, one per line in a canonical form ("2 session ..20"): what
  /// each shard's metadata records (schema::kMetaShardLayout), so that a
  /// searchd over shards can check they were all built to one layout.
  std::string ToString() const;

 private:
  struct Rule {
    enum class Kind { kSession, kYear, kBody, kRest } kind = Kind::kRest;
    unsigned shard = 1;
    std::optional<int> from, to;      // kSession, kYear: inclusive; open when absent
    std::vector<std::string> bodies;  // kBody
    bool Matches(const Document& doc) const;
  };
  std::vector<Rule> rules_;
  unsigned shard_count_ = 0;
};

/// Which shard an index is, and which documents it holds: those its layout
/// sends to it, or without one those the hash of their ids does (ShardOf
/// in model/shard.h).
struct IndexShard {
  ShardSpec spec;
  std::optional<ShardLayout> layout;

  /// Whether `doc` belongs in this shard.
  bool Holds(const Document& doc) const;
};

}  // namespace cstd

#endif  // CSTD_MODEL_SHARD_LAYOUT_H_
