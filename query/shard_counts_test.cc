#include "query/shard_counts.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/errors.h"

namespace cstd::query {
namespace {

std::map<std::string, uint64_t> ByValue(const FacetResult& facet) {
  std::map<std::string, uint64_t> out;
  for (const auto& v : facet.values) out[v.value] += v.count;
  return out;
}

TEST(ShardCountsTest, JsonRoundTrips) {
  ShardCounts c{{"2/3", "gen-000004"}, {}};
  c.counts.total = 1234;
  c.counts.facets.push_back({FacetField::kCountry, {{"BRA", {}, 7}, {"KEN", {}, 3}}});
  c.counts.facets.push_back({FacetField::kYear, {{"2020", {}, 10}}});
  c.counts.facets.push_back({FacetField::kSpeaker, {}});
  const ShardCounts back = ParseShardCounts(ShardCountsToJson(c));
  EXPECT_EQ(back.shard, "2/3");
  EXPECT_EQ(back.generation, "gen-000004");
  EXPECT_EQ(back.counts.total, 1234u);
  ASSERT_EQ(back.counts.facets.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(back.counts.facets[i].field, c.counts.facets[i].field);
    EXPECT_EQ(ByValue(back.counts.facets[i]), ByValue(c.counts.facets[i]));
  }
}

TEST(ShardCountsTest, RefusesWhatIsNotCounts) {
  for (const char* bad : {"", "[]", "{}", R"({"shard":"1/2","generation":"g","total":-1,"facets":{}})",
                          R"({"shard":"1/2","generation":"g","total":3})",
                          R"({"shard":"1/2","generation":"g","total":3,"facets":{"colour":[]}})",
                          R"({"shard":"1/2","generation":"g","total":3,"facets":{"country":[["BRA"]]}})",
                          R"({"shard":"1/2","generation":"g","total":3,"facets":{"country":[[7,"BRA"]]}})",
                          R"({"shard":1,"generation":"g","total":3,"facets":{}})"}) {
    EXPECT_THROW(ParseShardCounts(bad), std::runtime_error) << bad;
  }
}

// Counts of disjoint parts, added, are the counts of the whole: generated
// parts (seeded) of passages with random facet values, counted whole and
// counted in parts.
TEST(ShardCountsTest, AddingPartsCountsTheWhole) {
  std::mt19937 rng(19);
  const std::vector<std::string> values = {"AFG", "BRA", "KEN", "IND", "USA", "ZAF"};
  for (int round = 0; round < 20; ++round) {
    const size_t parts = 1 + rng() % 5;
    std::vector<Counts> counted(parts);
    Counts whole;
    whole.facets.push_back({FacetField::kCountry, {}});
    std::map<std::string, uint64_t> expected;
    for (auto& part : counted) part.facets.push_back({FacetField::kCountry, {}});
    const int passages = static_cast<int>(rng() % 200);
    std::vector<std::map<std::string, uint64_t>> per_part(parts);
    for (int p = 0; p < passages; ++p) {
      const size_t k = rng() % parts;
      ++counted[k].total;
      // Multi-valued: a passage may have several values.
      const size_t n = rng() % 3;
      for (size_t j = 0; j < n; ++j) {
        const std::string& v = values[rng() % values.size()];
        ++per_part[k][v];
        ++expected[v];
      }
    }
    for (size_t k = 0; k < parts; ++k) {
      for (const auto& [v, c] : per_part[k]) counted[k].facets[0].values.push_back({v, {}, c});
      std::shuffle(counted[k].facets[0].values.begin(), counted[k].facets[0].values.end(), rng);
    }
    Counts sum;
    for (const auto& part : counted) AddCounts(sum, part);
    EXPECT_EQ(sum.total, static_cast<uint64_t>(passages));
    ASSERT_EQ(sum.facets.size(), 1u);
    EXPECT_EQ(ByValue(sum.facets[0]), expected);
    // One entry per value, not one per part that had it.
    EXPECT_EQ(sum.facets[0].values.size(), expected.size());
  }
}

TEST(ShardCountsTest, QueryNamesFacetsAndGrouping) {
  SearchRequest r;
  r.q = "data governance";
  r.countries = {"KEN", "BRA"};
  r.facets = {FacetField::kCountry, FacetField::kActionLine};
  r.group_by_document = true;
  const std::string q = ShardCountsQuery(r);
  EXPECT_NE(q.find("q=data"), std::string::npos) << q;
  EXPECT_NE(q.find("country=KEN"), std::string::npos) << q;
  EXPECT_NE(q.find("&facets=country,action_line"), std::string::npos) << q;
  EXPECT_NE(q.find("&group=document"), std::string::npos) << q;
  r.facets.clear();
  r.group_by_document = false;
  EXPECT_NE(ShardCountsQuery(r).find("&facets="), std::string::npos);
  EXPECT_EQ(ShardCountsQuery(r).find("group="), std::string::npos);
}

// The kTextQueryParameter value ShardCountsQuery writes for `query`.
std::string TextQueryValue(const Xapian::Query& query) {
  const std::string bytes = query.serialise();
  const std::string target = ShardCountsQuery(SearchRequest{}, &bytes);
  const std::string key = "&" + std::string(kTextQueryParameter) + "=";
  const size_t at = target.find(key);
  return at == std::string::npos ? std::string() : target.substr(at + key.size());
}

// A query a program made goes to a shard whole: the similar statements'
// shapes (weighted OR, AND_NOT, a FILTER scaled to 0) come back as the
// same query, whatever bytes the serialised form holds.
TEST(ShardCountsTest, ATextQueryTravelsAsHexAndComesBackTheSame) {
  std::vector<Xapian::Query> stems;
  for (const char* t : {"Zclimat", "Zadapt", "Zfinanc", "Z\xc3\xa9t\xc3\xa9"}) {
    stems.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(t), 0.37);
  }
  const Xapian::Query like(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, stems.begin(), stems.end()),
                           Xapian::Query("QKEN_77_2022-3"));
  const Xapian::Query own("XDKEN_77_2022");
  const Xapian::Query text(
      Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_AND_NOT, like, own),
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_FILTER, like, own), 0));
  SearchRequest r;
  r.countries = {"KEN"};
  const std::string bytes = text.serialise();
  const std::string target = ShardCountsQuery(r, &bytes);
  const std::string key = std::string("&") + std::string(kTextQueryParameter) + "=";
  const size_t at = target.find(key);
  ASSERT_NE(at, std::string::npos) << target;
  const std::string hex = target.substr(at + key.size());
  EXPECT_EQ(hex.find_first_not_of("0123456789abcdef"), std::string::npos) << hex;
  EXPECT_EQ(ParseTextQuery(hex).serialise(), text.serialise());
  EXPECT_EQ(ParseTextQuery(hex).get_description(), text.get_description());
  // Without one, no such parameter.
  EXPECT_EQ(ShardCountsQuery(r).find(key), std::string::npos);
}

TEST(ShardCountsTest, ATextQueryThatIsNotOneIsRefusedNamingTheParameter) {
  const std::string hex = TextQueryValue(Xapian::Query("Zclimat"));
  ASSERT_FALSE(hex.empty());
  EXPECT_EQ(ParseTextQuery(hex).get_description(), Xapian::Query("Zclimat").get_description());
  // The empty query is the empty string.
  EXPECT_TRUE(ParseTextQuery("").empty());
  for (const std::string& bad : {std::string("zz"), hex.substr(1), hex + "0",
                                hex.substr(0, hex.size() - 2)}) {
    try {
      ParseTextQuery(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const UsageError& e) {
      EXPECT_EQ(e.parameter(), kTextQueryParameter) << bad;
    }
  }
}

}  // namespace
}  // namespace cstd::query
