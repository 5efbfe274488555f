// What every answer a shard's searchd gives a searchd over shards starts
// with (/v1/shard/counts, spellings, profile, topic_passages, termfreqs): which
// shard it is and which generation it read, so that the coordinator never
// adds an answer of another shard or generation to its view
// (searchd/shard_set.h). One place for the two members and their JSON,
// and for the [VALUE, COUNT] pairs the answers list.

#ifndef CSTD_QUERY_SHARD_ANSWER_H_
#define CSTD_QUERY_SHARD_ANSWER_H_

#include <rapidjson/fwd.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "model/document_json.h"

namespace cstd::query {

/// Which shard of how many ("K/N"; empty for a whole index) answered, from
/// which generation ("gen-000001").
struct ShardOrigin {
  std::string shard;
  std::string generation;
};

/// The JSON of a /v1/shard/ answer, and a newline: an object of the
/// members "shard" and "generation" of `origin`, then those `members`
/// writes.
std::string ShardAnswerJson(const ShardOrigin& origin, const std::function<void(JsonWriter&)>& members);

/// Writes [VALUE, COUNT]: how every /v1/shard/ answer lists a value (a
/// facet value, an action line, a word) with its count.
void WriteValueCount(JsonWriter& w, std::string_view value, uint64_t count);

/// Reads a [VALUE, COUNT] that WriteValueCount wrote; nullopt for anything
/// else.
std::optional<std::pair<std::string, uint64_t>> ReadValueCount(const rapidjson::Value& pair);

/// Parses `text`, the answer called `what` ("counts", "spellings"), as a
/// JSON object into `d` and returns its "shard" and "generation". Throws
/// std::runtime_error("unreadable WHAT: ...") saying what is wrong.
ShardOrigin ReadShardAnswer(std::string_view text, std::string_view what, rapidjson::Document& d);

}  // namespace cstd::query

#endif  // CSTD_QUERY_SHARD_ANSWER_H_
