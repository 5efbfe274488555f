#include "indexer/speaker_review.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "indexer/speaker_registry.h"

namespace cstd::indexer {
namespace {

TEST(SpeakerReviewTest, ListsMergesAndPossibleMerges) {
  SpeakerRegistry registry;
  const auto in = [](const char* country, int year) { return extract::NameContext{country, year}; };
  registry.Resolve("Joseph R. Biden", in("USA", 2023), true);
  registry.Resolve("Joe Biden", in("USA", 2021), true);
  registry.Resolve("JOSEPH R. BIDEN", in("USA", 2022), true);  // case only: no merge to review
  registry.Resolve("Donald Trump", in("USA", 2019), true);
  // One after the other, one surname: perhaps one person printed two ways.
  registry.Resolve("Jan Petersen", in("NOR", 2004), true);
  registry.Resolve("Kari Petersen", in("NOR", 2005), true);
  // A surname alone that fits two people equally.
  registry.Resolve("Sabah Al-Ahmad Al-Jaber Al-Sabah", in("KWT", 1990), true);
  registry.Resolve("Mohammad Sabah Al-Salem Al-Sabah", in("KWT", 1998), true);
  registry.Resolve("Mr. AL-SABAH", in("KWT", 1994), true);
  const auto records = registry.Records();
  const SpeakerReview review = ReviewSpeakers(records);
  EXPECT_EQ(review.speakers, records.size());
  ASSERT_EQ(review.merged.size(), 1u);
  EXPECT_EQ(review.merged[0]->id, "joseph-biden");
  EXPECT_EQ(review.merges, 1u);
  bool petersen = false, sabah = false;
  for (const auto& p : review.possible) {
    if (p.why.find("surname 'petersen'") != std::string::npos) petersen = p.ids.size() == 2;
    if (p.why.find("'AL-SABAH' fits them all") != std::string::npos) sabah = p.ids.size() == 3;
  }
  EXPECT_TRUE(petersen);
  EXPECT_TRUE(sabah);

  rapidjson::Document d;
  d.Parse(SpeakerReviewJson(review).c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_EQ(d["merged_speakers"].GetUint(), 1u);
  EXPECT_STREQ(d["merged"][0]["name"].GetString(), "Joseph R. Biden");
  EXPECT_STREQ(d["merged"][0]["forms"][1]["name"].GetString(), "Joe Biden");
  EXPECT_STREQ(d["merged"][0]["forms"][1]["matched"].GetString(), "Joseph R. Biden");
  EXPECT_EQ(d["possible"].Size(), review.possible.size());
}

}  // namespace
}  // namespace cstd::indexer
