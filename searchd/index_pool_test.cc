// The index pool's leases: a worker between requests lets go of a
// generation CURRENT has moved away from; one inside a request, or one that
// uses the pool outside Request scopes, keeps it.

#include "searchd/index_pool.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <future>
#include <sstream>
#include <thread>

#include "indexer/build.h"
#include "model/index_layout.h"
#include "tests/support/index_fixture.h"

namespace cstd::searchd {
namespace {

namespace fs = std::filesystem;

class IndexPoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test_support::BuildSampleIndex(dir_);
    pool_ = std::make_unique<IndexPool>(dir_);
  }
  void TearDown() override { pool_.reset(); }

  // A new live generation, at once: a copy of the first, and CURRENT
  // switched to it as a build switches.
  void SwitchGeneration() {
    fs::copy(fs::path(dir_) / "gen-000001", fs::path(dir_) / "gen-000002", fs::copy_options::recursive);
    WriteCurrentGeneration(dir_, "gen-000002");
  }

  // What a build would keep because a reader holds it.
  std::vector<std::string> Held() { return RemoveUnusedGenerations(dir_); }

  const test_support::TempDir temp_{"pool"};
  const std::string dir_ = temp_.Path("index");
  std::unique_ptr<IndexPool> pool_;
};

// A worker thread that serves one request and waits for `go`, inside the
// request when `stay_inside`; then says it `left` the request and waits for
// the end. The pool's own janitor runs meanwhile, so the tests assert on
// what is held after a ReleaseIdle of theirs, whoever released first.
struct Worker {
  std::promise<void> served, go, left, end;
  std::thread thread;

  Worker(IndexPool& pool, bool stay_inside) {
    thread = std::thread([&pool, stay_inside, this, go_future = go.get_future(), end_future = end.get_future()] {
      {
        const IndexPool::Request request(pool);
        EXPECT_GT(pool.ForThisThread().passage_count(), 0u);
        if (stay_inside) {
          served.set_value();
          go_future.wait();
        }
      }
      if (!stay_inside) served.set_value();
      left.set_value();
      end_future.wait();
    });
    served.get_future().wait();
  }
  ~Worker() {
    end.set_value();
    thread.join();
  }
};

TEST_F(IndexPoolTest, AWorkerBetweenRequestsLetsGoOfAGenerationNoLongerLive) {
  Worker worker(*pool_, /*stay_inside=*/false);
  worker.left.get_future().wait();
  pool_->ReleaseIdle();
  EXPECT_EQ(Held(), std::vector<std::string>{});  // nothing to release while it is live
  EXPECT_TRUE(fs::exists(fs::path(dir_) / "gen-000001"));
  SwitchGeneration();
  pool_->ReleaseIdle();
  EXPECT_EQ(Held(), std::vector<std::string>{});  // released, and so deleted
  EXPECT_FALSE(fs::exists(fs::path(dir_) / "gen-000001"));
}

TEST_F(IndexPoolTest, AWorkerInsideARequestKeepsItsGenerationUntilTheRequestEnds) {
  Worker worker(*pool_, /*stay_inside=*/true);
  SwitchGeneration();
  EXPECT_EQ(pool_->ReleaseIdle(), 0u);
  EXPECT_EQ(Held(), std::vector<std::string>{"gen-000001"});
  worker.go.set_value();
  worker.left.get_future().wait();
  pool_->ReleaseIdle();
  EXPECT_EQ(Held(), std::vector<std::string>{});
}

TEST_F(IndexPoolTest, AThreadOutsideRequestScopesIsNeverReleased) {
  // Its Searcher may be in use at any moment: the janitor cannot know.
  EXPECT_GT(pool_->ForThisThread().passage_count(), 0u);
  SwitchGeneration();
  EXPECT_EQ(pool_->ReleaseIdle(), 0u);
  EXPECT_EQ(Held(), std::vector<std::string>{"gen-000001"});
  // Reopened, it moves on and lets go.
  pool_->ReopenThisThread();
  EXPECT_GT(pool_->ForThisThread().passage_count(), 0u);
  EXPECT_EQ(Held(), std::vector<std::string>{});
}

TEST_F(IndexPoolTest, AReadThatMeetsAReplacedGenerationRunsAgainOnAFreshView) {
  int calls = 0;
  const size_t passages = pool_->WithRetry([&] {
    ++calls;
    if (calls < IndexPool::kReadAttempts) throw Xapian::DatabaseModifiedError("replaced under the read");
    return pool_->ForThisThread().passage_count();
  });
  EXPECT_EQ(calls, IndexPool::kReadAttempts);
  EXPECT_GT(passages, 0u);
  // One attempt too many: the error is the caller's.
  calls = 0;
  EXPECT_THROW(pool_->WithRetry([&]() -> int {
    ++calls;
    throw Xapian::DatabaseModifiedError("replaced again");
  }),
               Xapian::DatabaseModifiedError);
  EXPECT_EQ(calls, IndexPool::kReadAttempts);
  // Other errors are not retried.
  calls = 0;
  EXPECT_THROW(pool_->WithRetry([&]() -> int {
    ++calls;
    throw Xapian::DatabaseCorruptError("broken");
  }),
               Xapian::DatabaseCorruptError);
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace cstd::searchd
