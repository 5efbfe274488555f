// One Searcher per server thread, each over its own Xapian::Database (a
// Database is not safe to share between threads), following the live index
// generation.

#ifndef CSTD_SEARCHD_INDEX_POOL_H_
#define CSTD_SEARCHD_INDEX_POOL_H_

#include <string>

#include "query/searcher.h"

namespace cstd::searchd {

class IndexPool {
 public:
  /// Opens `index_dir` once to check it; throws IndexError when it cannot be
  /// served (missing, unreadable, other schema version).
  explicit IndexPool(std::string index_dir);

  /// The calling thread's Searcher. When the index folder's CURRENT names a
  /// new generation (checked at most every kGenerationCheckInterval), the
  /// thread opens the new generation first.
  const query::Searcher& ForThisThread();

  /// Drops the calling thread's Searcher so the next ForThisThread() opens the
  /// live generation afresh (after Xapian::DatabaseModifiedError).
  void ReopenThisThread();

  const std::string& index_dir() const { return index_dir_; }

 private:
  std::string index_dir_;
};

/// How often each thread looks for a new generation. The contract promises
/// a new generation is served within 2 seconds of the switch; checking every
/// half second costs one small file read per thread per interval.
inline constexpr int kGenerationCheckMillis = 500;

}  // namespace cstd::searchd

#endif  // CSTD_SEARCHD_INDEX_POOL_H_
