#include "query/profile_topics.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/schema.h"
#include "query/profile_counts.h"
#include "tests/support/temp_dir.h"

namespace cstd::query {
namespace {

// A made-up passage: its document and ordinal, whether it is the
// subject's, and its words.
struct Passage {
  std::string doc_id;
  size_t ordinal = 0;
  bool subject = false;
  std::vector<std::string> words;
};

// `n` passages of random documents over a Zipf-like vocabulary of letters
// a-h (seeded): some words frequent, most rare; a third are the subject's,
// who uses some words more than the others do.
std::vector<Passage> RandomPassages(std::mt19937& random, size_t n) {
  std::vector<std::string> vocabulary;
  std::uniform_int_distribution<int> length(2, 9), letter('a', 'h');
  std::set<std::string> seen;
  while (vocabulary.size() < 600) {
    std::string w(static_cast<size_t>(length(random)), 'a');
    for (char& c : w) c = static_cast<char>(letter(random));
    if (seen.insert(w).second) vocabulary.push_back(w);
  }
  std::vector<double> weights;
  for (size_t i = 0; i < vocabulary.size(); ++i) weights.push_back(1.0 / static_cast<double>(i + 1));
  std::discrete_distribution<size_t> any(weights.begin(), weights.end());
  std::uniform_int_distribution<size_t> favourite(0, 60), words(3, 40);
  std::vector<Passage> out;
  for (size_t i = 0; i < n; ++i) {
    Passage p;
    p.doc_id = "doc-" + std::to_string(i / 7);
    p.ordinal = i % 7 + 1;
    p.subject = random() % 3 == 0;
    const size_t count = words(random);
    for (size_t k = 0; k < count; ++k) {
      p.words.push_back(vocabulary[p.subject && k % 3 == 0 ? 40 + favourite(random) : any(random)]);
    }
    out.push_back(std::move(p));
  }
  return out;
}

const std::string& SubjectTerm() {
  static const std::string term = ProfileTerm(FacetField::kCountry, "KEN");
  return term;
}

// An index of `passages` at `path`, added in their order.
Xapian::Database Index(const std::string& path, const std::vector<const Passage*>& passages) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
  for (const Passage* p : passages) {
    Xapian::Document doc;
    Xapian::termpos pos = 0;
    for (const std::string& w : p->words) doc.add_posting(w, ++pos);
    doc.add_term("Q" + p->doc_id + "-" + std::to_string(p->ordinal));
    if (p->subject) doc.add_boolean_term(SubjectTerm());
    doc.add_value(schema::kSlotDocId, p->doc_id);
    doc.add_value(schema::kSlotOrdinal, Xapian::sortable_serialise(static_cast<double>(p->ordinal)));
    db.add_document(doc);
  }
  db.commit();
  return Xapian::Database(path);
}

// The topics of the subject on `db`, every passage or those under `bound`.
std::vector<TopicWeight> TopicsOn(const Xapian::Database& db, uint64_t bound, const std::set<std::string>& excluded) {
  const auto sample = TopicPassagesOn(db, SubjectTerm(), bound);
  const auto words = SampleWords(sample);
  std::vector<Xapian::doccount> freqs;
  for (const auto& w : words) freqs.push_back(db.get_termfreq(w));
  return RankTopics(sample, words, freqs, db.get_doccount(), db.get_total_length(), excluded, 15);
}

// Xapian's own expansion, with the same choice of words, as profiles had
// it before: the weights are TradEWeight's, in ESet's order.
TEST(ProfileTopicsTest, WeighsAsXapiansExpansion) {
  test_support::TempDir temp("topics");
  for (unsigned seed = 1; seed <= 8; ++seed) {
    std::mt19937 random(seed);
    const auto passages = RandomPassages(random, 400);
    std::vector<const Passage*> all;
    for (const auto& p : passages) all.push_back(&p);
    const Xapian::Database db = Index(temp.path() + "/xapian-" + std::to_string(seed), all);
    const std::set<std::string> excluded = {all[0]->words[0]};

    struct Decider : Xapian::ExpandDecider {
      Decider(const Xapian::Database& index, const std::set<std::string>& left_out) : db_(index), excluded_(left_out) {}
      bool operator()(const std::string& term) const override {
        return IsTopicWord(term) && !excluded_.count(term) && db_.get_termfreq(term) <= db_.get_doccount() / 5;
      }
      const Xapian::Database& db_;
      const std::set<std::string>& excluded_;
    } decider(db, excluded);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(SubjectTerm()));
    Xapian::RSet rset;
    for (auto it = db.postlist_begin(SubjectTerm()); it != db.postlist_end(SubjectTerm()); ++it) rset.add_document(*it);
    const Xapian::ESet eset = enquire.get_eset(15, rset, 0, &decider);

    const auto topics = TopicsOn(db, std::numeric_limits<uint64_t>::max(), excluded);
    ASSERT_EQ(topics.size(), eset.size()) << "seed " << seed;
    ASSERT_GE(topics.size(), 10u) << "seed " << seed << ": too few topics to compare";
    size_t i = 0;
    for (auto it = eset.begin(); it != eset.end(); ++it, ++i) {
      EXPECT_EQ(topics[i].word, *it) << "seed " << seed << ", topic " << i;
      // Xapian sums the same terms in another order (its term list tree).
      EXPECT_NEAR(topics[i].weight, it.get_weight(), 1e-9 * std::abs(it.get_weight())) << "seed " << seed;
    }
  }
}

// Shards: passages dealt out at random to 3 shards, each giving its sampled
// passages and its frequencies; the sum ranks as one index to the bit, and
// one index built in another order (other docids) samples the same
// passages.
TEST(ProfileTopicsTest, ShardsAndAnyOrderGiveOneIndexsTopics) {
  test_support::TempDir temp("topics");
  for (unsigned seed = 1; seed <= 8; ++seed) {
    std::mt19937 random(100 + seed);
    const auto passages = RandomPassages(random, 600);
    std::vector<const Passage*> all, reversed;
    std::vector<std::vector<const Passage*>> parts(3);
    uint64_t subject = 0;
    for (const auto& p : passages) {
      all.push_back(&p);
      parts[random() % 3].push_back(&p);
      if (p.subject) ++subject;
    }
    reversed.assign(all.rbegin(), all.rend());
    const std::string base = temp.path() + "/" + std::to_string(seed);
    const Xapian::Database whole = Index(base + "-whole", all);
    const Xapian::Database backwards = Index(base + "-reversed", reversed);
    // A sample of about a third of the subject's passages.
    const uint64_t bound = TopicSampleBound(subject / 3, subject);
    const auto expected = TopicsOn(whole, bound, {});
    ASSERT_GE(expected.size(), 10u) << "seed " << seed;
    const auto whole_sample = TopicPassagesOn(whole, SubjectTerm(), bound);
    EXPECT_GT(whole_sample.size(), subject / 5) << "seed " << seed;
    EXPECT_LT(whole_sample.size(), subject / 2) << "seed " << seed;

    const auto again = TopicsOn(backwards, bound, {});
    ASSERT_EQ(again.size(), expected.size()) << "seed " << seed;
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(again[i].word, expected[i].word) << "seed " << seed;
      EXPECT_EQ(again[i].weight, expected[i].weight) << "seed " << seed;
    }

    std::vector<Xapian::Database> shards;
    for (size_t k = 0; k < parts.size(); ++k) shards.push_back(Index(base + "-shard-" + std::to_string(k), parts[k]));
    std::vector<TopicPassage> sample;
    Xapian::doccount doccount = 0;
    Xapian::totallength total_length = 0;
    for (const auto& shard : shards) {
      const auto part = TopicPassagesOn(shard, SubjectTerm(), bound);
      sample.insert(sample.end(), part.begin(), part.end());
      doccount += shard.get_doccount();
      total_length += shard.get_total_length();
    }
    EXPECT_EQ(sample.size(), whole_sample.size()) << "seed " << seed;
    const auto words = SampleWords(sample);
    std::vector<Xapian::doccount> freqs(words.size(), 0);
    for (const auto& shard : shards) {
      for (size_t w = 0; w < words.size(); ++w) freqs[w] += shard.get_termfreq(words[w]);
    }
    const auto sharded = RankTopics(sample, words, freqs, doccount, total_length, {}, 15);
    ASSERT_EQ(sharded.size(), expected.size()) << "seed " << seed;
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(sharded[i].word, expected[i].word) << "seed " << seed;
      EXPECT_EQ(sharded[i].weight, expected[i].weight) << "seed " << seed;
    }
  }
}

// Keys are uniform: the bound samples about the share wanted.
TEST(ProfileTopicsTest, SampleBoundTakesAboutTheShareWanted) {
  EXPECT_EQ(TopicSampleBound(1000, 1000), std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(TopicSampleBound(1000, 3), std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(TopicSampleBound(0, 10), 0u);
  for (uint64_t n : {1001u, 2000u, 10000u, 50000u}) {
    const uint64_t bound = TopicSampleBound(1000, n);
    uint64_t taken = 0;
    for (uint64_t i = 0; i < n; ++i) {
      const std::string ordinal = Xapian::sortable_serialise(static_cast<double>(i % 40 + 1));
      if (TopicSampleKey("ungdc-" + std::to_string(i / 40), ordinal) <= bound) ++taken;
    }
    // Binomial: the standard deviation is below sqrt(1000), about 32.
    EXPECT_NEAR(static_cast<double>(taken), 1000.0, 5 * 32.0) << n << " passages";
  }
  EXPECT_NE(TopicSampleKey("a", "b"), TopicSampleKey("ab", ""));
}

TEST(ProfileTopicsTest, TopicWordsAreLowercaseWordsOfFourLettersOrMore) {
  for (const char* yes : {"data", "governance", "broadband"}) EXPECT_TRUE(IsTopicWord(yes)) << yes;
  for (const char* no : {"ict", "XC:KEN", "Zgovern", "covid19", "e-government", "", "caf\xC3\xA9"}) {
    EXPECT_FALSE(IsTopicWord(no)) << no;
  }
}

TEST(ProfileTopicsTest, RankingNeedsAFrequencyForEachWord) {
  std::vector<TopicPassage> sample = {{7, 10, {{"data", 2}}}};
  EXPECT_THROW(RankTopics(sample, {}, {}, 100, 1000, {}, 15), std::out_of_range);
  EXPECT_THROW(RankTopics(sample, {"data"}, {}, 100, 1000, {}, 15), std::invalid_argument);
  EXPECT_TRUE(RankTopics({}, {}, {}, 100, 1000, {}, 15).empty());
  // A word in more than a fifth of the passages is the archive's.
  EXPECT_TRUE(RankTopics(sample, {"data"}, {21}, 100, 1000, {}, 15).empty());
  EXPECT_EQ(RankTopics(sample, {"data"}, {20}, 100, 1000, {}, 15).size(), 1u);
  EXPECT_TRUE(RankTopics(sample, {"data"}, {20}, 100, 1000, {"data"}, 15).empty());
}

TEST(ProfileTopicsTest, JsonRoundTrips) {
  const ShardTopicPassages p{{"2/3", "gen-000004"},
                             {{std::numeric_limits<uint64_t>::max(), 40, {{"data", 3}, {"governance", 1}}}, {0, 0, {}}}};
  const ShardTopicPassages back = ParseShardTopicPassages(ShardTopicPassagesToJson(p));
  EXPECT_EQ(back.shard, p.shard);
  EXPECT_EQ(back.generation, p.generation);
  ASSERT_EQ(back.passages.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(back.passages[i].key, p.passages[i].key);
    EXPECT_EQ(back.passages[i].length, p.passages[i].length);
    EXPECT_EQ(back.passages[i].words, p.passages[i].words);
  }
  const ShardTermFreqs f{{"1/3", "gen-000002"}, {0, 12, 4000000000u}};
  const ShardTermFreqs f_back = ParseShardTermFreqs(ShardTermFreqsToJson(f));
  EXPECT_EQ(f_back.shard, f.shard);
  EXPECT_EQ(f_back.termfreqs, f.termfreqs);
}

TEST(ProfileTopicsTest, RefusesWhatIsNotItsAnswer) {
  for (const char* bad : {"", "[]", R"({"shard":"1/2","generation":"g"})",
                          R"({"shard":"1/2","generation":"g","passages":{}})",
                          R"({"shard":"1/2","generation":"g","passages":[[1,2]]})",
                          R"({"shard":"1/2","generation":"g","passages":[[-1,2,[]]]})",
                          R"({"shard":"1/2","generation":"g","passages":[[1,5000000000,[]]]})",
                          R"({"shard":"1/2","generation":"g","passages":[[1,2,[["a"]]]]})",
                          R"({"shard":"1/2","generation":"g","passages":[[1,2,[[3,"a"]]]]})"}) {
    EXPECT_THROW(ParseShardTopicPassages(bad), std::runtime_error) << bad;
  }
  for (const char* bad : {"", R"({"shard":"1/2","generation":"g"})",
                          R"({"shard":"1/2","generation":"g","termfreqs":[-1]})",
                          R"({"shard":"1/2","generation":"g","termfreqs":["a"]})",
                          R"({"shard":"1/2","generation":"g","termfreqs":[5000000000]})"}) {
    EXPECT_THROW(ParseShardTermFreqs(bad), std::runtime_error) << bad;
  }
}

TEST(ProfileTopicsTest, BatchesKeepEveryWordInOrderWithinTheirSize) {
  std::mt19937 random(3);
  std::vector<std::string> words;
  for (int i = 0; i < 3000; ++i) words.push_back(std::string(4 + random() % 12, static_cast<char>('a' + i % 26)));
  words.push_back(std::string(300, 'z'));  // longer than a batch: alone
  const auto batches = TermFreqsBatches(words, 200);
  std::string joined;
  for (const auto& b : batches) {
    EXPECT_TRUE(b.size() <= 200 || b.find(',') == std::string::npos) << b;
    joined += (joined.empty() ? "" : ",") + b;
  }
  std::string expected;
  for (const auto& w : words) expected += (expected.empty() ? "" : ",") + w;
  EXPECT_EQ(joined, expected);
  EXPECT_TRUE(TermFreqsBatches({}, 200).empty());
}

}  // namespace
}  // namespace cstd::query
