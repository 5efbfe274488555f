// One Searcher per server thread, each over its own Xapian::Database (a
// Database is not safe to share between threads), following the live index
// generation.

#ifndef CSTD_SEARCHD_INDEX_POOL_H_
#define CSTD_SEARCHD_INDEX_POOL_H_

#include <atomic>
#include <cstdint>
#include <string>

#include "query/searcher.h"

namespace cstd::searchd {

class IndexPool {
 public:
  /// Opens `index_dir` once to check it; throws IndexError when it cannot be
  /// served (missing, unreadable, other schema version).
  /// Every Searcher it opens applies `limits`.
  explicit IndexPool(std::string index_dir, query::SearchLimits limits = {});

  /// The calling thread's Searcher. When the index folder's CURRENT names a
  /// new generation, or the live generation has a newer commit, the thread
  /// opens it first: it looks every kGenerationCheckMillis, and at once when
  /// another thread has found a change (so requests handled after one that
  /// saw a change see it too, whichever thread handles them). Thread-safe;
  /// throws IndexError when the index cannot be opened.
  const query::Searcher& ForThisThread();

  /// Drops the calling thread's Searcher so the next ForThisThread() opens the
  /// live generation afresh (after Xapian::DatabaseModifiedError).
  void ReopenThisThread();

  const std::string& index_dir() const { return index_dir_; }

 private:
  std::string index_dir_;
  query::SearchLimits limits_;
  // Raised by a thread that opened a changed index; a thread whose view is
  // older than the epoch looks at the index before its next request.
  std::atomic<uint64_t> epoch_{0};
};

/// How often each thread looks for a new generation or commit. The contract
/// promises changes are served within 2 seconds of a build's end; checking
/// every half second costs a small file read and an index open per thread
/// per interval.
inline constexpr int kGenerationCheckMillis = 500;

}  // namespace cstd::searchd

#endif  // CSTD_SEARCHD_INDEX_POOL_H_
