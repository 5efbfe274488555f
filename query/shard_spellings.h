// Spelling suggestions over shards. Xapian's remote backend serves no
// spelling table (a correction through it is always empty), so a searchd
// over shards asks each shard's searchd for its table (/v1/shard/spellings)
// and corrects from their sum, held locally beside the synonyms
// (query/parser_table.h). A shard's table counts each word's passages on
// that shard (indexer/passage_indexer.h, AddSpelling); the shards are
// disjoint, so the sum is the table one index of the same files has, and
// Xapian's corrector, which picks among candidates by these frequencies,
// picks what it would pick there.

#ifndef CSTD_QUERY_SHARD_SPELLINGS_H_
#define CSTD_QUERY_SHARD_SPELLINGS_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "query/shard_answer.h"

namespace cstd::query {

/// One word of a spelling table and its frequency.
using SpellingWord = std::pair<std::string, Xapian::doccount>;

/// A shard's spelling table, and whose it is.
struct ShardSpellings : ShardOrigin {
  std::vector<SpellingWord> words;  // in the table's (byte) order
};

/// Every word of `db`'s spelling table with its frequency. Throws what
/// Xapian throws reading it.
std::vector<SpellingWord> SpellingsOf(const Xapian::Database& db);

/// The JSON of /v1/shard/spellings: {"shard", "generation", "words":
/// [[WORD, FREQUENCY], ...]}.
std::string ShardSpellingsToJson(const ShardSpellings& spellings);

/// Reads ShardSpellingsToJson's output. Throws std::runtime_error saying
/// what is wrong for anything else (the caller names the shard).
ShardSpellings ParseShardSpellings(std::string_view json);

/// The tables of disjoint shards as one: each word once, its frequencies
/// summed, in byte order.
std::vector<SpellingWord> SumSpellings(const std::vector<std::vector<SpellingWord>>& tables);

}  // namespace cstd::query

#endif  // CSTD_QUERY_SHARD_SPELLINGS_H_
