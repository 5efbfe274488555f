// One Searcher per server thread, each over its own Xapian::Database (a
// Database is not safe to share between threads), following the live index
// generation.
//
// Leases: a thread's Searcher comes with a ReaderLease on its generation
// (model/index_layout.h), so no build deletes the folder under it. A thread
// that serves no request keeps its Searcher, and so its lease, until its
// next request; after a rebuild at a quiet hour that would hold the old
// generation on disk indefinitely. So the pool runs a janitor: every
// kGenerationCheckMillis it reads CURRENT and drops the Searcher and lease
// of every thread that is between requests and still on an older
// generation. The build that switched generations deletes the old folder
// once the last lease is gone (it waits kReaderGraceSeconds), or the next
// build does.

#ifndef CSTD_SEARCHD_INDEX_POOL_H_
#define CSTD_SEARCHD_INDEX_POOL_H_

#include <xapian.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "model/errors.h"
#include "model/index_layout.h"
#include "query/searcher.h"
#include "searchd/shard_set.h"

namespace cstd::searchd {

class IndexPool {
 public:
  /// Opens `index_dir` once to check it; throws IndexError when it cannot be
  /// served (missing, unreadable, other schema version). Starts the janitor.
  /// Every Searcher it opens applies `limits`.
  explicit IndexPool(std::string index_dir, query::SearchLimits limits = {});
  /// Serves `shards` as one index (cstd-searchd --shards): each thread's
  /// Searcher is ShardSet::Open's, opened afresh every kShardViewMillis and
  /// after a read met a shard's new generation or a broken connection.
  /// Opens the shards and asks each shard's searchd once, to check them;
  /// throws ShardUnavailableError naming one that cannot be served or is
  /// not the shard its place in the lists says. Leases and the janitor are a local
  /// index's: a shard's own searchd holds its generation.
  IndexPool(std::shared_ptr<const ShardSet> shards, query::SearchLimits limits = {});
  /// Stops the janitor. Destroy the pool only after every thread using it
  /// has finished its requests.
  ~IndexPool();

  IndexPool(const IndexPool&) = delete;
  IndexPool& operator=(const IndexPool&) = delete;

  /// The calling thread's Searcher. When the index folder's CURRENT names a
  /// new generation, or the live generation has a newer commit, the thread
  /// opens it first: it looks every kGenerationCheckMillis, and at once when
  /// another thread has found a change (so requests handled after one that
  /// saw a change see it too, whichever thread handles them). The reference
  /// is valid until the thread's next call, or, inside a Request scope,
  /// until the scope ends. Thread-safe; throws IndexError when the index
  /// cannot be opened, ShardUnavailableError (naming it) when a shard does
  /// not answer -- also when shards are served partially: an answer that
  /// does not say which shards it leaves out must not leave any out.
  const query::Searcher& ForThisThread();

  /// The shards served (null for one index).
  const ShardSet* shard_set() const { return shards_.get(); }

  /// As ForThisThread, but over shards served partially (ShardService::
  /// kPartial) the Searcher may leave out shards that do not answer
  /// (Searcher::missing_shards): for an answer that names them. Throws as
  /// ForThisThread, ShardUnavailableError only when no shard answers.
  const query::Searcher& PartialForThisThread();

  /// A view of the live index of its own, for a read that outlives its
  /// request and moves between threads (a streamed export): its own
  /// Searcher, with the pool's limits, and a lease on its generation, so no
  /// build deletes the folder while it reads. The janitor never touches it;
  /// it goes when the last reference does. Use it from one thread at a
  /// time. Throws IndexError when the index cannot be opened,
  /// ShardUnavailableError as ForThisThread.
  struct OwnView {
    std::unique_ptr<ReaderLease> lease;  // declared first: outlives the searcher
    std::unique_ptr<query::Searcher> searcher;
  };
  std::shared_ptr<OwnView> OpenOwnView() const;

  /// Drops the calling thread's Searcher so the next ForThisThread() opens the
  /// live generation afresh (after Xapian::DatabaseModifiedError).
  void ReopenThisThread();

  /// Runs `read`, which reads the index through ForThisThread(), and
  /// returns what it returns. A read that meets a generation replaced under
  /// it (Xapian::DatabaseModifiedError: a build committed or compacted the
  /// revision it was reading) is run again, whole, on a fresh view
  /// (ReopenThisThread), up to kReadAttempts times in all; the last
  /// attempt's error propagates, as does anything else `read` throws. The
  /// one place the lifecycle of a view is handled: callers (the HTTP
  /// handler) stay free of it.
  template <typename Read>
  auto WithRetry(Read&& read) -> decltype(read()) {
    for (int attempt = 1;; ++attempt) {
      try {
        return read();
      } catch (const Xapian::DatabaseModifiedError&) {
        ReopenThisThread();
        if (attempt >= kReadAttempts) throw;
      } catch (const Xapian::NetworkError&) {
        // A shard's ranking connection broke (its xapian-tcpsrv restarted,
        // or is gone): a fresh view connects again, or says which shard
        // cannot be reached.
        ReopenThisThread();
        if (attempt >= kReadAttempts) throw;
      } catch (const ShardUnavailableError&) {
        // Served partially, a shard that stopped answering after the view
        // was opened: a fresh view leaves it out (ShardSet::Open). Served
        // whole, the error is the answer.
        if (!shards_ || shards_->service() != ShardService::kPartial) throw;
        ReopenThisThread();
        if (attempt >= kReadAttempts) throw;
      }
    }
  }

  /// A read may meet a replaced generation this many times before its
  /// error is served: a build switches a generation once per run, so a
  /// third fresh view meeting another switch means something is wrong.
  static constexpr int kReadAttempts = 3;

  /// Marks the calling thread as serving one request for as long as it
  /// lives: the janitor leaves its Searcher alone meanwhile, and may drop it
  /// once the scope ends. Threads that call ForThisThread() outside such a
  /// scope are never touched by the janitor (their Searcher may be in use
  /// at any time). Scopes do not nest.
  class Request {
   public:
    explicit Request(IndexPool& pool);
    ~Request();
    Request(const Request&) = delete;
    Request& operator=(const Request&) = delete;

   private:
    IndexPool& pool_;
  };

  /// What the janitor does on each tick, for tests: drops the Searcher and
  /// lease of every thread between requests whose generation is not the one
  /// CURRENT names. Returns how many it dropped. Never throws (an unreadable
  /// CURRENT drops nothing).
  size_t ReleaseIdle();

  const std::string& index_dir() const { return index_dir_; }

  struct Slot;

 private:
  Slot& SlotOfThisThread();
  // The calling thread's Searcher, as it is (see ForThisThread).
  const query::Searcher& Current();
  void Janitor();

  std::string index_dir_;
  std::shared_ptr<const ShardSet> shards_;  // set when serving shards; index_dir_ is then empty
  query::SearchLimits limits_;
  // Tells this pool's thread-local slots from those of an earlier pool that
  // lived at the same address.
  const uint64_t serial_;
  // Raised by a thread that opened a changed index; a thread whose view is
  // older than the epoch looks at the index before its next request.
  std::atomic<uint64_t> epoch_{0};
  std::mutex slots_mutex_;
  // Every thread's slot; a thread's slot dies with the thread.
  std::vector<std::weak_ptr<Slot>> slots_;
  std::mutex stop_mutex_;
  std::condition_variable stop_cv_;
  bool stop_ = false;
  std::thread janitor_;
};

/// How often each thread looks for a new generation or commit, and how
/// often the janitor looks for threads to release. The contract promises
/// changes are served within 2 seconds of a build's end; checking every
/// half second costs a small file read and an index open per thread per
/// interval, and leaves an old generation held at most about this long
/// after its last request.
inline constexpr int kGenerationCheckMillis = 500;

}  // namespace cstd::searchd

#endif  // CSTD_SEARCHD_INDEX_POOL_H_
