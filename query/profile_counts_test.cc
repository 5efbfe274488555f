#include "query/profile_counts.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace cstd::query {
namespace {

bool Same(const ProfileCounts& a, const ProfileCounts& b) {
  const auto tallies = [](const ProfileCounts& c) {
    std::vector<std::tuple<int, int, uint64_t, uint64_t>> out;
    for (const auto& [key, t] : c.sessions) out.emplace_back(key.first, key.second, t.passages, t.documents);
    return out;
  };
  return a.passages == b.passages && a.documents == b.documents && tallies(a) == tallies(b) &&
         a.action_lines == b.action_lines && a.countries == b.countries && a.speakers == b.speakers;
}

TEST(ProfileCountsTest, JsonRoundTrips) {
  ShardProfile p{{"1/3", "gen-000002"}, {}};
  p.counts.passages = 12;
  p.counts.documents = 3;
  p.counts.sessions[{2020, 23}] = {10, 2};
  p.counts.sessions[{-1, -1}] = {1, 1};
  p.counts.sessions[{2019, -1}] = {1, 1};
  p.counts.action_lines = {{"C1", 4}, {"C7", 2}};
  p.counts.countries = {{"BRA", 12}};
  p.counts.speakers = {{"S0001", 9}, {"S0002", 3}};
  const ShardProfile back = ParseShardProfile(ShardProfileToJson(p));
  EXPECT_EQ(back.shard, "1/3");
  EXPECT_EQ(back.generation, "gen-000002");
  EXPECT_TRUE(Same(back.counts, p.counts)) << ShardProfileToJson(back);
}

TEST(ProfileCountsTest, RefusesWhatIsNotProfileCounts) {
  const std::string head = R"("shard":"1/2","generation":"g","passages":1,"documents":1)";
  const std::string lists = R"("action_lines":[],"countries":[],"speakers":[])";
  for (const std::string& bad :
       {std::string(""), std::string("[]"), "{" + head + "}", "{" + head + R"(,"sessions":[],"action_lines":[]})",
        "{" + head + R"(,"sessions":[[2020,1,1]],)" + lists + "}",
        "{" + head + R"(,"sessions":[["2020",1,1,1]],)" + lists + "}",
        "{" + head + R"(,"sessions":[[-2,1,1,1]],)" + lists + "}",
        "{" + head + R"(,"sessions":[],"action_lines":[["C1"]],"countries":[],"speakers":[]})",
        "{" + head + R"(,"sessions":[],"action_lines":[],"countries":[[3,"BRA"]],"speakers":[]})",
        std::string(R"({"shard":"1/2","generation":"g","passages":-1,"documents":1,"sessions":[],)") + lists + "}"}) {
    EXPECT_THROW(ParseShardProfile(bad), std::runtime_error) << bad;
  }
}

// The figures of disjoint shards, added, are the whole's: generated
// passages (seeded), each of a document that lies whole in one shard, with
// a random year, session and values; counted whole and in shards the way
// CountProfileOn counts (documents by their ids).
TEST(ProfileCountsTest, FiguresOfDisjointShardsAddUpToTheWhole) {
  struct Passage {
    int document, year, session;
    std::vector<std::string> lines, countries, speakers;
  };
  const auto count = [](const std::vector<Passage>& passages) {
    ProfileCounts c;
    std::map<std::pair<int, int>, std::set<int>> documents_by_session;
    std::set<int> documents;
    for (const Passage& p : passages) {
      ++c.passages;
      ++c.sessions[{p.year, p.session}].passages;
      documents_by_session[{p.year, p.session}].insert(p.document);
      documents.insert(p.document);
      for (const auto& v : p.lines) ++c.action_lines[v];
      for (const auto& v : p.countries) ++c.countries[v];
      for (const auto& v : p.speakers) ++c.speakers[v];
    }
    c.documents = documents.size();
    for (const auto& [key, ids] : documents_by_session) c.sessions[key].documents = ids.size();
    return c;
  };
  for (unsigned seed = 1; seed <= 30; ++seed) {
    std::mt19937 random(seed);
    const int shards = 1 + static_cast<int>(seed % 4);
    std::uniform_int_distribution<int> document(0, 40), small(0, 3);
    std::vector<Passage> all;
    std::vector<std::vector<Passage>> parts(static_cast<size_t>(shards));
    for (int i = 0; i < 300; ++i) {
      Passage p;
      p.document = document(random);
      // A document's year and session are its own: from its number.
      p.year = p.document % 7 == 0 ? -1 : 2010 + p.document % 5;
      p.session = p.document % 3 == 0 ? -1 : 20 + p.document % 5;
      for (int n = small(random); n > 0; --n) p.lines.push_back("C" + std::to_string(1 + small(random)));
      for (int n = small(random); n > 0; --n) p.countries.push_back("K" + std::to_string(small(random)));
      for (int n = small(random); n > 0; --n) p.speakers.push_back("S" + std::to_string(small(random)));
      all.push_back(p);
      parts[static_cast<size_t>(p.document % shards)].push_back(p);
    }
    ProfileCounts sum;
    for (const auto& part : parts) AddProfileCounts(sum, count(part));
    EXPECT_TRUE(Same(sum, count(all))) << "seed " << seed;
  }
}

TEST(ProfileCountsTest, TermIsTheSpeakersOrTheDelegations) {
  EXPECT_NE(ProfileTerm(FacetField::kSpeaker, "S1"), ProfileTerm(FacetField::kCountry, "S1"));
  EXPECT_THROW(ProfileTerm(FacetField::kYear, "2020"), std::invalid_argument);
}

}  // namespace
}  // namespace cstd::query
