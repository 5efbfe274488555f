// A profile's topics (query/profile.h): the words a speaker's or a
// delegation's passages use more than the archive does, weighted as
// Xapian's expansion weights them (TradEWeight, expand/tradeweight.cc in
// xapian-core 1.4) over a sample of the passages.
//
// Why not Xapian's Enquire::get_eset: over shards it asks the remote
// backend for each candidate word's frequency, one round trip per word and
// shard (1.2-2.6 s for a 70-passage profile over 3 shards on loopback, with
// USE_EXACT_TERMFREQ; without it the frequencies are estimates and the
// topics are not one index's). And it samples passages by docid, which
// differs between one index and shards. Here the sample is chosen by a
// hash of what names a passage (its document id and ordinal), the same on
// any layout; each shard gives the term lists of its sampled passages
// (/v1/shard/topic_passages) and the frequencies of a list of words
// (/v1/shard/termfreqs), a few requests in all; and the weights are
// summed in the order of the sample's keys, so one index and any shards
// give the same topics to the bit.

#ifndef CSTD_QUERY_PROFILE_TOPICS_H_
#define CSTD_QUERY_PROFILE_TOPICS_H_

#include <xapian.h>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "query/shard_answer.h"

namespace cstd::query {

/// A sampled passage: its sample key, its length (Xapian's document
/// length) and its topic words (IsTopicWord) with their wdf, by word.
struct TopicPassage {
  uint64_t key = 0;
  Xapian::termcount length = 0;
  std::vector<std::pair<std::string, Xapian::termcount>> words;
};

/// A topic and its expansion weight.
struct TopicWeight {
  std::string word;
  double weight = 0;
};

/// The sample key of the passage of document `doc_id` at `ordinal` (the
/// raw values of schema::kSlotDocId and kSlotOrdinal): a 64-bit hash, so
/// that passages whose key is at most a bound are a uniform sample, the
/// same whatever docid each has in an index or shard. Throws nothing.
uint64_t TopicSampleKey(std::string_view doc_id, std::string_view ordinal);

/// The bound of keys to sample about `wanted` of `passages`: every key
/// (UINT64_MAX) when there are at most `wanted`, else the share
/// wanted/passages of the key space (the sample then has `wanted`
/// passages on average, binomially spread). Throws nothing.
uint64_t TopicSampleBound(uint64_t wanted, uint64_t passages);

/// Whether `term` of an index can be a topic: an unprefixed word of at
/// least 4 letters a-z (prefixes are capitals; shorter words are function
/// words and abbreviations more often than themes), no topic stop word.
bool IsTopicWord(std::string_view term);

/// The passages of `db` holding `term` whose key is at most `bound`, with
/// their topic words, by key. Throws what Xapian throws reading `db`.
std::vector<TopicPassage> TopicPassagesOn(const Xapian::Database& db, const std::string& term, uint64_t bound);

/// The `limit` topics of `sample` by weight (ties: the later word first, as
/// Xapian's ESet), over an index of `doccount` passages of `total_length`
/// terms in all. `termfreqs` gives each word's passages in the whole index
/// (every word of the sample has one: std::out_of_range otherwise). A word
/// is left out when it is in `excluded` (the subject's own name), when
/// more than a fifth of the passages have it (a word of the archive, not
/// theirs: "nations" in the UNGDC), or when its weight is not positive.
std::vector<TopicWeight> RankTopics(std::vector<TopicPassage> sample, const std::vector<std::string>& words,
                                    const std::vector<Xapian::doccount>& termfreqs, Xapian::doccount doccount,
                                    Xapian::totallength total_length, const std::set<std::string>& excluded,
                                    size_t limit);

/// The distinct words of `sample`, sorted: what RankTopics needs the
/// frequencies of.
std::vector<std::string> SampleWords(const std::vector<TopicPassage>& sample);

/// A shard's sampled passages, and whose they are.
struct ShardTopicPassages : ShardOrigin {
  std::vector<TopicPassage> passages;
};

/// The JSON of /v1/shard/topic_passages: {"shard", "generation",
/// "passages": [[KEY, LENGTH, [[WORD, WDF], ...]], ...]}.
std::string ShardTopicPassagesToJson(const ShardTopicPassages& passages);

/// Reads ShardTopicPassagesToJson's output. Throws std::runtime_error
/// saying what is wrong for anything else (the caller names the shard).
ShardTopicPassages ParseShardTopicPassages(std::string_view json);

/// A shard's frequencies of a list of words, in its order.
struct ShardTermFreqs : ShardOrigin {
  std::vector<Xapian::doccount> termfreqs;
};

/// The JSON of /v1/shard/termfreqs: {"shard", "generation", "termfreqs":
/// [N, ...]}.
std::string ShardTermFreqsToJson(const ShardTermFreqs& freqs);

/// Reads ShardTermFreqsToJson's output. Throws std::runtime_error saying
/// what is wrong for anything else.
ShardTermFreqs ParseShardTermFreqs(std::string_view json);

/// The words of `words` cut into comma-joined lists of at most `max_bytes`
/// each (a word longer than that alone): the `terms` parameters of the
/// /v1/shard/termfreqs requests that ask for all of them, each within a
/// searchd's header limit.
std::vector<std::string> TermFreqsBatches(const std::vector<std::string>& words, size_t max_bytes);

}  // namespace cstd::query

#endif  // CSTD_QUERY_PROFILE_TOPICS_H_
