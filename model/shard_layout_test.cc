#include "model/shard_layout.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "model/errors.h"

namespace cstd {
namespace {

Document Doc(std::string body, std::optional<int> session, std::optional<int> year) {
  Document d;
  d.body = std::move(body);
  d.session = session;
  d.year = year;
  return d;
}

TEST(ShardLayoutTest, FirstRuleADocumentMatchesNamesItsShard) {
  const ShardLayout layout = ShardLayout::Parse("layout.txt",
                                                "# the General Assembly apart, old sessions apart\n"
                                                "1  body UNGA,UNSC   # debates\n"
                                                "2\tsession ..20\n"
                                                "2 year 1990..1999\n"
                                                "\n"
                                                "3 session 27\n"
                                                "4 *\n");
  EXPECT_EQ(layout.shard_count(), 4u);
  const struct {
    Document doc;
    unsigned shard;
  } cases[] = {
      {Doc("UNGA", 78, 2023), 1},         {Doc("UNSC", std::nullopt, 2001), 1}, {Doc("CSTD", 20, 2017), 2},
      {Doc("CSTD", 1, 1993), 2},          {Doc("CSTD", std::nullopt, 1995), 2}, {Doc("CSTD", 27, 2024), 3},
      {Doc("CSTD", 21, 2018), 4},         {Doc("", std::nullopt, std::nullopt), 4},
      {Doc("unga", 78, 2023), 4},  // body names are matched as written
  };
  for (const auto& c : cases) {
    EXPECT_EQ(layout.ShardOf(c.doc), c.shard) << c.doc.body << " " << c.doc.session.value_or(-1);
  }
  EXPECT_EQ(layout.ToString(), "1 body UNGA,UNSC\n2 session ..20\n2 year 1990..1999\n3 session 27..27\n4 *\n");
}

TEST(ShardLayoutTest, RefusesWhatIsNotALayoutNamingTheLine) {
  const struct {
    const char* text;
    const char* says;
  } cases[] = {
      {"", "no '*' rule"},
      {"1 body UNGA\n", "no '*' rule"},
      {"1 *\n2 body UNGA\n", ":2: a rule after '*'"},
      {"0 *\n", "not a shard number"},
      {"x *\n", "not a shard number"},
      {"1 session 20..10\n2 *\n", "'20..10' is empty"},
      {"1 session ..\n2 *\n", "write '*'"},
      {"1 session abc\n2 *\n", "'abc' is not a session or year"},
      {"1 colour red\n2 *\n", "expected 'SHARD session"},
      {"1 body\n2 *\n", "expected"},
      {"1 body UNGA,\n2 *\n", "an empty body name"},
      {"1 body UNGA\n3 *\n", "shard 2 of 3 has no rule"},
      {"1 * extra\n", "expected"},
  };
  for (const auto& c : cases) {
    try {
      ShardLayout::Parse("layout.txt", c.text);
      ADD_FAILURE() << "accepted: " << c.text;
    } catch (const UsageError& e) {
      EXPECT_EQ(e.parameter(), "--shard-layout");
      EXPECT_NE(std::string(e.what()).find("layout.txt:"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(c.says), std::string::npos) << c.text << " -> " << e.what();
    }
  }
  EXPECT_THROW(ShardLayout::Read("/nonexistent/layout.txt"), UsageError);
}

// Random layouts (seeded) over random documents: every document has a shard
// of the layout's, the one of the first rule it matches, and a layout read
// back from its canonical text sends every document to the same shard.
TEST(ShardLayoutTest, RandomLayoutsPlaceEveryDocumentAndSurviveTheirText) {
  const char* const bodies[] = {"UNGA", "CSTD", "ECOSOC", "UNSC", ""};
  for (unsigned seed = 1; seed <= 50; ++seed) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> shard(1, 5), kind(0, 2), number(1, 40), coin(0, 1);
    std::string text;
    for (int i = 0, n = 1 + static_cast<int>(seed % 6); i < n; ++i) {
      text += std::to_string(shard(random));
      const int k = kind(random);
      if (k == 2) {
        text += std::string(" body ") + bodies[number(random) % 4];
      } else {
        int a = number(random), b = number(random);
        if (a > b) std::swap(a, b);
        text += k == 0 ? " session " : " year ";
        text += (coin(random) ? std::to_string(a) : "") + ".." + std::to_string(b);
      }
      text += "\n";
    }
    text += std::to_string(shard(random)) + " *\n";
    ShardLayout layout;
    try {
      layout = ShardLayout::Parse("random", text);
    } catch (const UsageError&) {
      continue;  // a shard number skipped: refused, as above
    }
    const ShardLayout again = ShardLayout::Parse("canonical", layout.ToString());
    EXPECT_EQ(again.ToString(), layout.ToString());
    for (int i = 0; i < 200; ++i) {
      const Document d = Doc(bodies[number(random) % 5], coin(random) ? std::optional<int>(number(random)) : std::nullopt,
                             coin(random) ? std::optional<int>(number(random)) : std::nullopt);
      const unsigned s = layout.ShardOf(d);
      EXPECT_GE(s, 1u);
      EXPECT_LE(s, layout.shard_count());
      EXPECT_EQ(again.ShardOf(d), s) << text;
    }
  }
}

}  // namespace
}  // namespace cstd
