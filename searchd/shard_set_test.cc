#include "searchd/shard_set.h"

#include <gtest/gtest.h>

#include "model/errors.h"
#include "query/shard_counts.h"
#include "searchd/handler.h"

namespace cstd::searchd {
namespace {

TEST(ShardSetTest, ParsesEndpointLists) {
  const auto e = ParseEndpoints("--shards", "10.0.0.1:8081, shard2.example:8082,[::1]:8083");
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].ToString(), "10.0.0.1:8081");
  EXPECT_EQ(e[1].host, "shard2.example");
  EXPECT_EQ(e[1].port, "8082");
  EXPECT_EQ(e[2].port, "8083");
}

TEST(ShardSetTest, RefusesWhatIsNoEndpoint) {
  for (const char* bad : {"", ",", "host", "host:", ":8080", "host:0", "host:65536", "host:http", "a:1,b"}) {
    try {
      ParseEndpoints("--shards", bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const UsageError& e) {
      EXPECT_EQ(e.parameter(), "--shards") << bad;
    }
  }
}

TEST(ShardSetTest, NeedsARankingServerPerShard) {
  EXPECT_THROW(ShardSet(ParseEndpoints("--shards", "a:1,b:2"), ParseEndpoints("--shard-ranking", "a:3")), UsageError);
  const ShardSet set(ParseEndpoints("--shards", "a:1,b:2"), ParseEndpoints("--shard-ranking", "a:3,b:4"));
  EXPECT_EQ(set.size(), 2u);
  EXPECT_EQ(set.Name(1), "shard 2/2 (searchd b:2, xapian-tcpsrv b:4)");
}

// What a searchd over shards asks each shard for is read back by the shard
// as the same request: the counts are of the same search.
TEST(ShardSetTest, ShardsReadTheCountsQueryAsTheSameRequest) {
  const char* targets[] = {
      "/v1/search?q=data+governance&country=KEN,BRA&year=2019..2021,2023&facets=country,year",
      "/v1/search?q=%22digital+divide%22+-mobile&action_line=C5&action_line_mode=explicit&group=document",
      "/v1/search?q=&speaker=peter-major&type=panel-report&body=CSTD&session=25&facets=",
      "/v1/search?q=caf%C3%A9&facets=speaker,action_line,type,body",
  };
  for (const char* target : targets) {
    Params params;
    ParseTarget(target, &params);
    const query::SearchRequest r = ParseSearchParams(params);
    Params back;
    ParseTarget("/v1/shard/counts?" + query::ShardCountsQuery(r), &back);
    const query::SearchRequest s = ParseSearchParams(back);
    EXPECT_EQ(s.q, r.q) << target;
    EXPECT_EQ(s.countries, r.countries) << target;
    EXPECT_EQ(s.speakers, r.speakers) << target;
    EXPECT_EQ(s.action_lines, r.action_lines) << target;
    EXPECT_EQ(s.action_line_mode, r.action_line_mode) << target;
    EXPECT_EQ(s.types, r.types) << target;
    EXPECT_EQ(s.bodies, r.bodies) << target;
    EXPECT_EQ(s.facets, r.facets) << target;
    EXPECT_EQ(s.group_by_document, r.group_by_document) << target;
    ASSERT_EQ(s.years.size(), r.years.size()) << target;
    for (size_t i = 0; i < s.years.size(); ++i) {
      EXPECT_EQ(s.years[i].low, r.years[i].low) << target;
      EXPECT_EQ(s.years[i].high, r.years[i].high) << target;
    }
    ASSERT_EQ(s.sessions.size(), r.sessions.size()) << target;
  }
}

}  // namespace
}  // namespace cstd::searchd
