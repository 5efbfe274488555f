#include "query/match_walk.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace cstd::query {
namespace {

// Terms of every frequency class a query meets: in nearly every document,
// in many, in few, in one, in none, and documents with none of them (so
// MatchAll and AND_NOT see gaps). Enough documents that posting lists span
// several chunks of a glass B-tree, where skip_to searches.
constexpr int kDocuments = 4000;
const std::vector<std::string> kTerms = {"common", "half", "third", "tenth", "rare", "single", "absent"};

bool Has(std::mt19937& rng, const std::string& term, int did) {
  if (term == "common") return rng() % 100 < 95;
  if (term == "half") return rng() % 2 == 0;
  if (term == "third") return rng() % 3 == 0;
  if (term == "tenth") return rng() % 10 == 0;
  if (term == "rare") return rng() % 300 == 0;
  if (term == "single") return did == kDocuments / 2;
  return false;
}

class MatchWalkTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test_support::TempDir("match_walk");
    Xapian::WritableDatabase db(dir_->Path("db"), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    std::mt19937 rng(17);
    for (int did = 1; did <= kDocuments; ++did) {
      Xapian::Document doc;
      doc.add_term("Kall");  // a second "every document", as a filter term
      for (const auto& t : kTerms) {
        if (Has(rng, t, did)) doc.add_posting(t, 1);
      }
      db.add_document(doc);
    }
    // A gap in the docids, as deleted passages leave.
    for (int did = 100; did < 140; ++did) db.delete_document(static_cast<Xapian::docid>(did));
    db.commit();
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static std::vector<Xapian::docid> Walked(const Xapian::Database& db, const Xapian::Query& q) {
    std::vector<Xapian::docid> out;
    EXPECT_TRUE(WalkMatches(db, q, [&](Xapian::docid d) { out.push_back(d); })) << q.get_description();
    return out;
  }
  static std::vector<Xapian::docid> Matched(const Xapian::Database& db, const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    std::vector<Xapian::docid> out;
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
    return out;
  }

  static test_support::TempDir* dir_;
};

test_support::TempDir* MatchWalkTest::dir_ = nullptr;

// A random query of the walked operators, `depth` levels deep at most.
Xapian::Query RandomQuery(std::mt19937& rng, int depth) {
  static const std::vector<Xapian::Query::op> kOps = {
      Xapian::Query::OP_AND,     Xapian::Query::OP_OR,       Xapian::Query::OP_SYNONYM,
      Xapian::Query::OP_MAX,     Xapian::Query::OP_FILTER,   Xapian::Query::OP_AND_NOT,
      Xapian::Query::OP_AND_MAYBE, Xapian::Query::OP_SCALE_WEIGHT};
  const unsigned leaf = rng() % 10;
  if (depth == 0 || leaf < 3) {
    if (leaf == 0) return Xapian::Query(std::string());  // MatchAll
    if (leaf == 1 && depth > 0) return Xapian::Query();   // MatchNothing
    return Xapian::Query(kTerms[rng() % kTerms.size()]);
  }
  const Xapian::Query::op op = kOps[rng() % kOps.size()];
  if (op == Xapian::Query::OP_SCALE_WEIGHT) return Xapian::Query(op, RandomQuery(rng, depth - 1), 2.5);
  std::vector<Xapian::Query> parts;
  const unsigned n = 2 + rng() % 3;
  for (unsigned i = 0; i < n; ++i) parts.push_back(RandomQuery(rng, depth - 1));
  return Xapian::Query(op, parts.begin(), parts.end());
}

TEST_F(MatchWalkTest, VisitsWhatTheMatcherMatchesForSeededRandomQueries) {
  const Xapian::Database db(dir_->Path("db"));
  std::mt19937 rng(4242);
  for (int i = 0; i < 300; ++i) {
    const Xapian::Query q = RandomQuery(rng, 3);
    EXPECT_EQ(Walked(db, q), Matched(db, q)) << q.get_description();
  }
}

TEST_F(MatchWalkTest, WalksTheQueriesTheSearcherBuilds) {
  const Xapian::Database db(dir_->Path("db"));
  const Xapian::Query all{std::string()};
  const Xapian::Query common("common"), half("half"), rare("rare"), tenth("tenth");
  const std::vector<Xapian::Query> queries = {
      // A word under three prefixes, required with a second (STEM_SOME, default AND).
      Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(Xapian::Query::OP_SYNONYM, common, rare),
                    Xapian::Query(Xapian::Query::OP_SYNONYM, half, tenth)),
      // Filtered by a field's OR of values.
      Xapian::Query(Xapian::Query::OP_FILTER, half, Xapian::Query(Xapian::Query::OP_OR, rare, tenth)),
      // A filter that can match nothing (no value of the index in range).
      Xapian::Query(Xapian::Query::OP_FILTER, half, Xapian::Query(Xapian::Query::OP_AND_NOT, all, all)),
      // Everything except (a lone "-word").
      Xapian::Query(Xapian::Query::OP_AND_NOT, all, half),
      // Ranked: the boost does not change what matches.
      Xapian::Query(Xapian::Query::OP_AND_MAYBE, rare, common),
      Xapian::Query("single"),
      Xapian::Query("absent"),
      all,
  };
  for (const auto& q : queries) EXPECT_EQ(Walked(db, q), Matched(db, q)) << q.get_description();
}

TEST_F(MatchWalkTest, LeavesPositionalAndOtherQueriesToTheMatcher) {
  const Xapian::Database db(dir_->Path("db"));
  const Xapian::Query common("common"), half("half");
  const std::vector<Xapian::Query> queries = {
      Xapian::Query(Xapian::Query::OP_PHRASE, common, half),
      Xapian::Query(Xapian::Query::OP_NEAR, common, half),
      Xapian::Query(Xapian::Query::OP_XOR, common, half),
      Xapian::Query(Xapian::Query::OP_VALUE_GE, 0, "a"),
      Xapian::Query(Xapian::Query::OP_WILDCARD, "ha"),
      // Inside a walked operator, too.
      Xapian::Query(Xapian::Query::OP_AND, half, Xapian::Query(Xapian::Query::OP_PHRASE, common, half)),
  };
  for (const auto& q : queries) {
    int visited = 0;
    EXPECT_FALSE(WalkMatches(db, q, [&](Xapian::docid) { ++visited; })) << q.get_description();
    EXPECT_EQ(visited, 0) << q.get_description();
  }
}

}  // namespace
}  // namespace cstd::query
