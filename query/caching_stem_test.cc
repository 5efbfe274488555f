#include "query/caching_stem.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace cstd::query {
namespace {

// Seeded words: real English forms (plurals, -ing, -ation, capitals,
// accents, digits) and random letters, each met several times, through a
// cache small enough to be emptied many times over.
TEST(CachingStemTest, StemsAsXapianDoesThroughAFullCache) {
  const std::vector<std::string> forms = {"development", "developing", "nations", "rights", "Governance",
                                          "empowerment", "climate", "changes", "été", "2030", "sustainably"};
  std::mt19937 rng(17);
  std::vector<std::string> words = forms;
  for (int i = 0; i < 500; ++i) {
    std::string w;
    const int length = 1 + static_cast<int>(rng() % 12);
    for (int k = 0; k < length; ++k) w += static_cast<char>('a' + rng() % 26);
    words.push_back(w + (rng() % 3 == 0 ? "ing" : ""));
  }
  Xapian::Stem plain("english");
  Xapian::Stem caching = CachingStem("english", 37);
  for (int round = 0; round < 3; ++round) {
    for (size_t i = 0; i < words.size(); ++i) {
      const std::string& w = words[(i * 7 + static_cast<size_t>(round)) % words.size()];
      ASSERT_EQ(caching(w), plain(w)) << w;
    }
  }
}

TEST(CachingStemTest, RefusesALanguageXapianDoesNotKnow) {
  EXPECT_THROW(CachingStem("klingon"), Xapian::InvalidArgumentError);
}

}  // namespace
}  // namespace cstd::query
