// One immutable object per revision of an index, shared by every thread
// that reads that revision: what searchd threads derive from the index once
// (facet columns, the speaker directory) is built once per generation, not
// once per thread.

#ifndef CSTD_QUERY_REVISION_CACHE_H_
#define CSTD_QUERY_REVISION_CACHE_H_

#include <xapian.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

namespace cstd::query {

/// The T built from `db` (by `T(db)`) at its current revision, made once and
/// shared by every caller holding the same revision of the same database.
/// Keyed by the database's identity and revision: an incremental build's
/// commit makes a new revision, and its readers need a new T. Entries hold
/// weak pointers, so a generation's T goes when its last reader does.
/// Throws whatever T's constructor throws.
template <typename T>
std::shared_ptr<const T> SharedForRevision(const Xapian::Database& db) {
  using Key = std::tuple<std::string, Xapian::rev>;
  static std::mutex mutex;
  static std::map<Key, std::weak_ptr<const T>> cache;
  // A shard read through Xapian's remote backend tells no revision; it is
  // never committed to in place (a shard is always built as a new
  // generation, a new database with its own UUID), so its UUID is enough.
  Xapian::rev revision = 0;
  try {
    revision = db.get_revision();
  } catch (const Xapian::UnimplementedError&) {
  }
  const Key key{db.get_uuid(), revision};
  if (std::get<0>(key).empty()) return std::make_shared<const T>(db);  // no identity to share by
  {
    const std::lock_guard lock(mutex);
    std::erase_if(cache, [](const auto& entry) { return entry.second.expired(); });
    if (auto found = cache[key].lock()) return found;
  }
  // Built outside the lock: a rebuild must not stall threads still serving
  // the previous revision. Two threads may build the same T once; the first
  // to finish is kept.
  auto built = std::make_shared<const T>(db);
  const std::lock_guard lock(mutex);
  if (auto found = cache[key].lock()) return found;
  cache[key] = built;
  return built;
}

}  // namespace cstd::query

#endif  // CSTD_QUERY_REVISION_CACHE_H_
