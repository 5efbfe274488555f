#include "query/shard_answer.h"

#include <rapidjson/document.h>

#include <stdexcept>
#include <utility>

namespace cstd::query {

void WriteShardOrigin(JsonWriter& w, const ShardOrigin& origin) {
  json::Member(w, "shard", origin.shard);
  json::Member(w, "generation", origin.generation);
}

ShardOrigin ReadShardAnswer(std::string_view text, std::string_view what, rapidjson::Document& d) {
  d.Parse(text.data(), text.size());
  const auto fail = [&](const std::string& why) {
    return std::runtime_error("unreadable " + std::string(what) + ": " + why);
  };
  if (d.HasParseError() || !d.IsObject()) throw fail("not a JSON object");
  ShardOrigin out;
  for (auto [name, into] : {std::pair{"shard", &out.shard}, std::pair{"generation", &out.generation}}) {
    const auto it = d.FindMember(name);
    if (it == d.MemberEnd() || !it->value.IsString()) throw fail(std::string("no string \"") + name + "\"");
    into->assign(it->value.GetString(), it->value.GetStringLength());
  }
  return out;
}

}  // namespace cstd::query
