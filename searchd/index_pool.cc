#include "searchd/index_pool.h"

#include <chrono>
#include <memory>
#include <unordered_map>

#include "model/index_layout.h"

namespace cstd::searchd {

namespace {

struct ThreadState {
  // Declared first, destroyed last: the lease outlives the searcher reading
  // its generation.
  std::unique_ptr<ReaderLease> lease;
  std::unique_ptr<query::Searcher> searcher;
  // The pool's epoch when this thread last looked at the index.
  uint64_t epoch = 0;
  std::chrono::steady_clock::time_point checked;
};

// Keyed by index folder so tests may run several pools in one process.
thread_local std::unordered_map<std::string, ThreadState> t_states;

// Whether `a` and `b` are the same commit of the same database. Each
// generation is its own Xapian database with its own UUID; within one, an
// incremental build's commit raises the revision.
bool SameView(const Xapian::Database& a, const Xapian::Database& b) {
  return a.get_revision() == b.get_revision() && a.get_uuid() == b.get_uuid();
}

}  // namespace

IndexPool::IndexPool(std::string index_dir, query::SearchLimits limits)
    : index_dir_(std::move(index_dir)), limits_(limits) {
  OpenIndex(index_dir_);
}

const query::Searcher& IndexPool::ForThisThread() {
  ThreadState& state = t_states[index_dir_];
  const auto now = std::chrono::steady_clock::now();
  const uint64_t epoch = epoch_.load(std::memory_order_acquire);
  if (state.searcher && state.epoch == epoch &&
      now - state.checked < std::chrono::milliseconds(kGenerationCheckMillis)) {
    return *state.searcher;
  }
  state.checked = now;
  state.epoch = epoch;
  // A new generation (CURRENT switched by --rebuild), or a new commit in the
  // live one: an incremental `cstd-indexer build` commits in place, and an
  // open Database keeps reading the revision it opened, so without this,
  // added documents would stay invisible. Opening costs a few file opens;
  // a new Searcher (and its caches) is made only when the index changed.
  LeasedIndex latest = OpenIndexLeased(index_dir_);
  if (state.searcher && SameView(latest.db, state.searcher->database())) return *state.searcher;
  state.searcher = std::make_unique<query::Searcher>(std::move(latest.db), limits_);
  state.lease = std::move(latest.lease);  // the previous generation's lease goes now
  // Tell the other threads to look now rather than at their next interval:
  // otherwise one client's consecutive requests, landing on different
  // threads, could see a document appear, vanish and appear again.
  state.epoch = epoch_.fetch_add(1, std::memory_order_acq_rel) + 1;
  return *state.searcher;
}

void IndexPool::ReopenThisThread() {
  t_states.erase(index_dir_);
}

}  // namespace cstd::searchd
