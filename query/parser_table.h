// What the query parser of a searcher over shards reads synonyms and
// spellings from. The parser reads both from one database, and Xapian's
// remote backend serves neither (with a remote database among its
// databases Xapian refuses to list synonyms at all), so they are written
// into a local one: our synonym table (model/synonyms.h) and the shards'
// spelling tables summed (query/shard_spellings.h).

#ifndef CSTD_QUERY_PARSER_TABLE_H_
#define CSTD_QUERY_PARSER_TABLE_H_

#include <string>
#include <vector>

#include "query/shard_spellings.h"

namespace cstd::query {

/// A glass database in a temporary folder of its own, holding the synonyms
/// and `spellings`; the folder goes with the object. Each thread opens it
/// for itself (a Xapian::Database is one thread's at a time), so the object
/// is shared (const) by the searchers of all threads that read the same
/// shards' generations, and outlives them.
class ParserTable {
 public:
  /// Writes the table. Throws std::runtime_error when no folder can be
  /// made, and what Xapian throws when the database cannot be written.
  explicit ParserTable(const std::vector<SpellingWord>& spellings);
  ~ParserTable();
  ParserTable(const ParserTable&) = delete;
  ParserTable& operator=(const ParserTable&) = delete;

  /// The database's folder, to open with Xapian::Database.
  const std::string& path() const { return path_; }

  /// How many spelling words it holds.
  size_t spelling_count() const { return spelling_count_; }

 private:
  std::string path_;
  size_t spelling_count_;
};

}  // namespace cstd::query

#endif  // CSTD_QUERY_PARSER_TABLE_H_
