#include "query/shard_spellings.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <random>
#include <stdexcept>
#include <string>

#include "model/synonyms.h"
#include "query/parser_table.h"
#include "tests/support/temp_dir.h"

namespace cstd::query {
namespace {

TEST(ShardSpellingsTest, JsonRoundTrips) {
  const ShardSpellings s{{"2/3", "gen-000004"}, {{"governance", 120}, {"internet", 7}, {"\xC3\xA9quit\xC3\xA9", 1}}};
  const ShardSpellings back = ParseShardSpellings(ShardSpellingsToJson(s));
  EXPECT_EQ(back.shard, s.shard);
  EXPECT_EQ(back.generation, s.generation);
  EXPECT_EQ(back.words, s.words);
}

TEST(ShardSpellingsTest, RefusesWhatIsNotSpellings) {
  for (const char* bad : {"", "[]", "{}", R"({"shard":"1/2","generation":"g"})",
                          R"({"shard":"1/2","generation":"g","words":{}})",
                          R"({"shard":"1/2","generation":"g","words":[["a"]]})",
                          R"({"shard":"1/2","generation":"g","words":[["a",0]]})",
                          R"({"shard":"1/2","generation":"g","words":[["",3]]})",
                          R"({"shard":"1/2","generation":"g","words":[[3,"a"]]})",
                          R"({"shard":"1/2","generation":"g","words":[["a",-1]]})",
                          R"({"shard":1,"generation":"g","words":[]})"}) {
    EXPECT_THROW(ParseShardSpellings(bad), std::runtime_error) << bad;
  }
}

// A vocabulary of `n` made-up words (seeded), each with a frequency.
std::map<std::string, Xapian::doccount> Vocabulary(std::mt19937& random, size_t n) {
  std::uniform_int_distribution<int> length(3, 10), letter('a', 'h'), frequency(1, 500);
  std::map<std::string, Xapian::doccount> words;
  while (words.size() < n) {
    std::string w(static_cast<size_t>(length(random)), 'a');
    for (char& c : w) c = static_cast<char>(letter(random));
    words[w] = static_cast<Xapian::doccount>(frequency(random));
  }
  return words;
}

// The vocabulary's frequencies dealt out over `shards` parts at random, as
// a hash of documents deals a word's passages: a part may have none.
std::vector<std::vector<SpellingWord>> Deal(std::mt19937& random, const std::map<std::string, Xapian::doccount>& words,
                                            size_t shards) {
  std::vector<std::map<std::string, Xapian::doccount>> parts(shards);
  std::uniform_int_distribution<size_t> pick(0, shards - 1);
  for (const auto& [word, frequency] : words) {
    for (Xapian::doccount i = 0; i < frequency; ++i) ++parts[pick(random)][word];
  }
  std::vector<std::vector<SpellingWord>> out;
  for (const auto& part : parts) out.emplace_back(part.begin(), part.end());
  return out;
}

// Over random vocabularies dealt out at random, the sum is the whole.
TEST(ShardSpellingsTest, SumOfDisjointPartsIsTheWhole) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::mt19937 random(seed);
    const auto words = Vocabulary(random, 200);
    const auto sum = SumSpellings(Deal(random, words, 1 + seed % 4));
    EXPECT_EQ(sum, std::vector<SpellingWord>(words.begin(), words.end())) << "seed " << seed;
  }
}

// What a searcher over shards corrects with is what one index corrects
// with: Xapian's corrector over the summed table proposes, for random
// misspellings of random vocabularies (seeded), what it proposes over one
// table of the whole; the parser table holds the synonyms too, and goes
// with its object.
TEST(ShardSpellingsTest, ParserTableCorrectsAsTheWholeTable) {
  test_support::TempDir temp("spellings");
  for (unsigned seed = 1; seed <= 5; ++seed) {
    std::mt19937 random(seed);
    const auto words = Vocabulary(random, 400);
    const std::string whole_path = temp.path() + "/whole-" + std::to_string(seed);
    {
      Xapian::WritableDatabase whole(whole_path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
      for (const auto& [word, frequency] : words) whole.add_spelling(word, frequency);
      whole.commit();
    }
    const Xapian::Database whole(whole_path);
    std::string table_path;
    {
      const ParserTable table(SumSpellings(Deal(random, words, 3)));
      table_path = table.path();
      EXPECT_EQ(table.spelling_count(), words.size());
      const Xapian::Database parser(table.path());
      EXPECT_EQ(SpellingsOf(parser), SpellingsOf(whole)) << "seed " << seed;
      // Misspellings: a letter of a vocabulary word changed, dropped or doubled.
      std::vector<std::string> list;
      for (const auto& entry : words) list.push_back(entry.first);
      std::uniform_int_distribution<size_t> any(0, list.size() - 1);
      int corrected = 0;
      for (int i = 0; i < 200; ++i) {
        std::string typo = list[any(random)];
        const size_t at = std::uniform_int_distribution<size_t>(0, typo.size() - 1)(random);
        switch (i % 3) {
          case 0: typo[at] = static_cast<char>('a' + (typo[at] - 'a' + 1) % 8); break;
          case 1: typo.erase(at, 1); break;
          default: typo.insert(at, 1, typo[at]); break;
        }
        const std::string expected = whole.get_spelling_suggestion(typo);
        EXPECT_EQ(parser.get_spelling_suggestion(typo), expected) << "seed " << seed << ", " << typo;
        if (!expected.empty()) ++corrected;
      }
      EXPECT_GT(corrected, 50) << "seed " << seed << ": too few corrections to compare";
      const Synonym& first = Synonyms::Builtin().all().front();
      const std::string& form = first.expansions.front();
      ASSERT_NE(parser.synonyms_begin(form), parser.synonyms_end(form)) << form;
      EXPECT_EQ(*parser.synonyms_begin(form), first.term) << form;
    }
    EXPECT_FALSE(std::filesystem::exists(table_path));
  }
}

}  // namespace
}  // namespace cstd::query
