#include "query/shard_answer.h"

#include <rapidjson/document.h>

#include <stdexcept>
#include <utility>

namespace cstd::query {

std::string ShardAnswerJson(const ShardOrigin& origin, const std::function<void(JsonWriter&)>& members) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  json::Member(w, "shard", origin.shard);
  json::Member(w, "generation", origin.generation);
  members(w);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

void WriteValueCount(JsonWriter& w, std::string_view value, uint64_t count) {
  w.StartArray();
  json::Str(w, value);
  w.Uint64(count);
  w.EndArray();
}

std::optional<std::pair<std::string, uint64_t>> ReadValueCount(const rapidjson::Value& pair) {
  if (!pair.IsArray() || pair.Size() != 2 || !pair[0].IsString() || !pair[1].IsUint64()) return std::nullopt;
  return std::pair{std::string(pair[0].GetString(), pair[0].GetStringLength()), pair[1].GetUint64()};
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
