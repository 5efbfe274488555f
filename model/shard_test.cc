#include "model/shard.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "model/errors.h"

namespace cstd {
namespace {

TEST(ShardSpecTest, ParsesKOfN) {
  EXPECT_EQ(ParseShardSpec("--shard", "2/3"), (ShardSpec{2, 3}));
  EXPECT_EQ(ParseShardSpec("--shard", "1/1"), (ShardSpec{1, 1}));
  EXPECT_EQ(ParseShardSpec("--shard", "3/3").ToString(), "3/3");
}

TEST(ShardSpecTest, RefusesWhatIsNoShard) {
  for (const char* bad : {"", "3", "0/3", "4/3", "-1/3", "1/0", "a/b", "1/3/4", "1/1025", " /2"}) {
    try {
      ParseShardSpec("--shard", bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const UsageError& e) {
      EXPECT_NE(std::string(e.what()).find("--shard"), std::string::npos) << e.what();
    }
  }
}

// The hash is part of the index format: shards built by different
// programs must agree. These values are FNV-1a's, fixed here so a change
// of the function fails.
TEST(ShardOfTest, IsFixedFnv1a) {
  EXPECT_EQ(ShardOf("", 7), 14695981039346656037ull % 7 + 1);
  EXPECT_EQ(ShardOf("a", 1000), 12638187200555641996ull % 1000 + 1);
  EXPECT_EQ(ShardOf("anything", 1), 1u);
}

// Document ids of every shape (generated, seeded) spread over the shards
// near evenly, and each lands in range.
TEST(ShardOfTest, SpreadsIdsEvenly) {
  std::mt19937 rng(19);
  const std::string letters = "abcdefghijklmnopqrstuvwxyz0123456789_-";
  for (unsigned n : {2u, 3u, 5u}) {
    std::vector<int> counts(n + 1, 0);
    const int ids = 6000;
    for (int i = 0; i < ids; ++i) {
      std::string id;
      const int len = 3 + static_cast<int>(rng() % 20);
      for (int j = 0; j < len; ++j) id += letters[rng() % letters.size()];
      const unsigned k = ShardOf(id, n);
      ASSERT_GE(k, 1u);
      ASSERT_LE(k, n);
      ++counts[k];
    }
    for (unsigned k = 1; k <= n; ++k) {
      EXPECT_NEAR(counts[k], ids / static_cast<int>(n), ids / static_cast<int>(n) / 5) << "shard " << k << "/" << n;
    }
  }
}

}  // namespace
}  // namespace cstd
