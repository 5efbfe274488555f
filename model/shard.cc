#include "model/shard.h"

#include <cstdint>

#include "model/errors.h"
#include "model/text.h"

namespace cstd {

ShardSpec ParseShardSpec(std::string_view parameter, std::string_view value) {
  const auto fail = [&] {
    return UsageError(std::string(parameter), std::string(parameter) + "=" + std::string(value) +
                                                  ": expected K/N, shard K of N (1 <= K <= N <= " +
                                                  std::to_string(kMaxShards) + "), e.g. 2/3");
  };
  const size_t slash = value.find('/');
  if (slash == std::string_view::npos) throw fail();
  const auto k = text::ParseInt(value.substr(0, slash));
  const auto n = text::ParseInt(value.substr(slash + 1));
  if (!k || !n || *k < 1 || *n < 1 || *k > *n || *n > static_cast<long>(kMaxShards)) throw fail();
  return {static_cast<unsigned>(*k), static_cast<unsigned>(*n)};
}

unsigned ShardOf(std::string_view doc_id, unsigned count) {
  // FNV-1a's published 64-bit offset basis and prime.
  uint64_t h = 14695981039346656037ull;
  for (const char c : doc_id) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return static_cast<unsigned>(h % count) + 1;
}

}  // namespace cstd
