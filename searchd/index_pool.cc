#include "searchd/index_pool.h"

#include <chrono>
#include <optional>
#include <unordered_map>

#include "model/errors.h"
#include "model/index_layout.h"

namespace cstd::searchd {

// One thread's view of the index. `mutex` is held by the owning thread
// while it uses the view (a Request scope, or one ForThisThread call made
// outside a scope) and by the janitor while it looks at it.
struct IndexPool::Slot {
  std::mutex mutex;
  // Declared before the searcher, destroyed after it: the lease outlives
  // the searcher reading its generation.
  std::unique_ptr<ReaderLease> lease;
  std::unique_ptr<query::Searcher> searcher;
  std::string generation;  // the folder `searcher` reads
  // Serving shards: when the searcher's connections were opened.
  std::chrono::steady_clock::time_point opened;
  // The pool's epoch when this thread last looked at the index.
  uint64_t epoch = 0;
  std::chrono::steady_clock::time_point checked;
  // Whether the owner uses its searcher only inside Request scopes, so the
  // janitor may drop it between them.
  bool releasable = false;

  void Drop() {
    searcher.reset();
    lease.reset();
    generation.clear();
  }
};

namespace {

struct ThreadSlot {
  uint64_t serial = 0;
  std::shared_ptr<IndexPool::Slot> slot;
  bool in_request = false;
};

// Keyed by pool address; `serial` tells a pool from an earlier one there.
thread_local std::unordered_map<const IndexPool*, ThreadSlot> t_slots;

std::atomic<uint64_t> g_next_serial{1};

// Whether `a` and `b` are the same commit of the same database. Each
// generation is its own Xapian database with its own UUID; within one, an
// incremental build's commit raises the revision.
bool SameView(const Xapian::Database& a, const Xapian::Database& b) {
  return a.get_revision() == b.get_revision() && a.get_uuid() == b.get_uuid();
}

}  // namespace

IndexPool::IndexPool(std::string index_dir, query::SearchLimits limits)
    : index_dir_(std::move(index_dir)), limits_(limits), serial_(g_next_serial++) {
  OpenIndex(index_dir_);
  janitor_ = std::thread([this] { Janitor(); });
}

IndexPool::IndexPool(std::shared_ptr<const ShardSet> shards, query::SearchLimits limits)
    : shards_(std::move(shards)), limits_(limits), serial_(g_next_serial++) {
  // A count of nothing asks every shard's searchd, which must answer for
  // the shard its place names: a list out of order is refused here.
  query::SearchRequest nothing;
  nothing.facets.clear();
  shards_->Open(limits_)->Count(nothing);
  janitor_ = std::thread([this] { Janitor(); });
}

IndexPool::~IndexPool() {
  {
    const std::lock_guard lock(stop_mutex_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  janitor_.join();
  // Threads outlive the pool (tests make several): let go of the index now
  // rather than when each thread ends.
  const std::lock_guard lock(slots_mutex_);
  for (const auto& weak : slots_) {
    if (const auto slot = weak.lock()) {
      const std::lock_guard hold(slot->mutex);
      slot->Drop();
    }
  }
}

IndexPool::Slot& IndexPool::SlotOfThisThread() {
  ThreadSlot& mine = t_slots[this];
  if (!mine.slot || mine.serial != serial_) {
    mine = ThreadSlot{serial_, std::make_shared<Slot>(), false};
    const std::lock_guard lock(slots_mutex_);
    std::erase_if(slots_, [](const std::weak_ptr<Slot>& s) { return s.expired(); });
    slots_.push_back(mine.slot);
  }
  return *mine.slot;
}

IndexPool::Request::Request(IndexPool& pool) : pool_(pool) {
  Slot& slot = pool_.SlotOfThisThread();
  slot.mutex.lock();
  t_slots[&pool_].in_request = true;
}

IndexPool::Request::~Request() {
  ThreadSlot& mine = t_slots[&pool_];
  mine.in_request = false;
  mine.slot->mutex.unlock();
}

namespace {

// `searcher`, unless it leaves out shards; then ShardUnavailableError
// naming the first.
const query::Searcher& Whole(const query::Searcher& searcher) {
  if (!searcher.missing_shards().empty()) throw ShardUnavailableError(searcher.missing_shards().front().reason);
  return searcher;
}

}  // namespace

const query::Searcher& IndexPool::ForThisThread() { return Whole(Current()); }

const query::Searcher& IndexPool::PartialForThisThread() { return Current(); }

const query::Searcher& IndexPool::Current() {
  Slot& state = SlotOfThisThread();
  const bool in_request = t_slots[this].in_request;
  std::unique_lock<std::mutex> hold(state.mutex, std::defer_lock);
  if (!in_request) hold.lock();  // inside a Request the scope holds it
  state.releasable = in_request;
  const auto now = std::chrono::steady_clock::now();
  if (shards_) {
    if (!state.searcher || now - state.opened >= std::chrono::milliseconds(kShardViewMillis)) {
      // Opened before the old view goes, so that what the two share (the
      // speaker directory, query/revision_cache.h) is not built again.
      state.searcher = shards_->Open(limits_);
      state.opened = now;
    }
    return *state.searcher;
  }
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
  // A second handle for the searcher's counting thread (query/searcher.h).
  Xapian::Database counting = OpenGeneration(index_dir_, latest.generation);
  state.searcher = std::make_unique<query::Searcher>(std::move(latest.db), limits_, std::move(counting));
  state.lease = std::move(latest.lease);  // the previous generation's lease goes now
  state.generation = std::move(latest.generation);
  // Tell the other threads to look now rather than at their next interval:
  // otherwise one client's consecutive requests, landing on different
  // threads, could see a document appear, vanish and appear again.
  state.epoch = epoch_.fetch_add(1, std::memory_order_acq_rel) + 1;
  return *state.searcher;
}

std::shared_ptr<IndexPool::OwnView> IndexPool::OpenOwnView() const {
  if (shards_) {
    auto view = std::make_shared<OwnView>();
    view->searcher = shards_->Open(limits_);
    Whole(*view->searcher);
    return view;
  }
  LeasedIndex latest = OpenIndexLeased(index_dir_);
  auto view = std::make_shared<OwnView>();
  view->lease = std::move(latest.lease);
  view->searcher = std::make_unique<query::Searcher>(std::move(latest.db), limits_);
  return view;
}

void IndexPool::ReopenThisThread() {
  Slot& state = SlotOfThisThread();
  std::unique_lock<std::mutex> hold(state.mutex, std::defer_lock);
  if (!t_slots[this].in_request) hold.lock();
  state.Drop();
}

size_t IndexPool::ReleaseIdle() {
  if (shards_) return 0;  // no local generation to let go of
  std::optional<std::string> live;
  try {
    live = ReadCurrentGeneration(index_dir_);
  } catch (const Error&) {
    return 0;  // mid-switch or damaged: the threads find out on their next request
  }
  if (!live) return 0;
  std::vector<std::shared_ptr<Slot>> slots;
  {
    const std::lock_guard lock(slots_mutex_);
    for (const auto& weak : slots_) {
      if (auto slot = weak.lock()) slots.push_back(std::move(slot));
    }
  }
  size_t released = 0;
  for (const auto& slot : slots) {
    // A thread inside a request holds its slot: skip it, the next tick
    // comes soon enough.
    std::unique_lock<std::mutex> hold(slot->mutex, std::try_to_lock);
    if (!hold.owns_lock() || !slot->releasable || !slot->searcher || slot->generation == *live) continue;
    slot->Drop();
    ++released;
  }
  return released;
}

void IndexPool::Janitor() {
  std::unique_lock lock(stop_mutex_);
  while (!stop_cv_.wait_for(lock, std::chrono::milliseconds(kGenerationCheckMillis), [this] { return stop_; })) {
    lock.unlock();
    ReleaseIdle();
    lock.lock();
  }
}

}  // namespace cstd::searchd
