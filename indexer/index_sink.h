// The one sink of the indexing pipeline (file_pipeline.h): what a prepared
// document leaves in a Xapian database -- its passages and its records --
// and the stamp that says what the database is. The incremental build
// (IndexWriter), a new generation's shards (generation_builder.cc) and a
// snapshot import (snapshot.cc) all write through here, so the layout of
// model/schema.h is written in one place.

#ifndef CSTD_INDEXER_INDEX_SINK_H_
#define CSTD_INDEXER_INDEX_SINK_H_

#include <xapian.h>

#include <map>
#include <optional>
#include <string>

#include "indexer/passage_indexer.h"
#include "model/archive_file.h"
#include "model/document.h"

namespace cstd::indexer {

/// How passages go into the database.
enum class PassageWrite {
  kAdd,      // a fresh database (a new generation's shard): added as they are
  kReplace,  // a live database updated in place: replacing any passage of the same id
};

/// Writes `doc` (its speakers `speakers`, ResolveSpeakers) into `db`: its
/// passages (indexed by `indexer`), its document record
/// (schema::kMetaDocumentPrefix), `record` with the doc id filled in under
/// `key` (kMetaSourcePrefix) and `key` as the document's file
/// (kMetaFilePrefix). `key` is the file's absolute path. Returns the number
/// of passages written. Throws what Xapian throws; the caller turns it into
/// an IndexError naming its folder.
size_t WritePreparedDocument(Xapian::WritableDatabase& db, PassageIndexer& indexer, const ExtractedDocument& doc,
                             const ResolvedSpeakers& speakers, const std::string& key, SourceRecord record,
                             PassageWrite how);

/// When each file of a build was added (SourceRecord::added): bytes the
/// index already held keep the time they were first indexed, through
/// incremental builds and rebuilds alike; new or changed bytes get the time
/// of this build. So a feed's `updated` moves only for what is new.
class AddedTimes {
 public:
  /// `now`: this build's time (UtcTimestamp). `previous`: the source records
  /// of the index as it was before this build, by key (none for a first
  /// build).
  AddedTimes(std::string now, std::map<std::string, SourceRecord> previous)
      : now_(std::move(now)), previous_(std::move(previous)) {}

  /// The added time of file `key` with bytes of ContentHash `hash`.
  const std::string& For(const std::string& key, const std::string& hash) const;

 private:
  std::string now_;
  std::map<std::string, SourceRecord> previous_;
};

/// The source records of the live generation of `index_dir`, for a rebuild
/// to carry their added times over; empty when there is no live generation
/// or it cannot be read (a rebuild is how a damaged index is mended).
/// Read whatever the generation's schema version: a rebuild after a schema
/// change keeps the times, since source records have kept their form.
std::map<std::string, SourceRecord> LiveSourceRecords(const std::string& index_dir);

/// What a database says of itself (schema.h's kMeta keys).
struct IndexStamp {
  std::string generation;                     // "gen-000002"
  std::optional<std::string> dictionary;      // the record codec's dictionary; unset: left as it is
  std::optional<std::string> catalogue_hash;  // CatalogueHash of --metadata; unset: left as it is
};

/// Writes `stamp` and the schema version this program writes
/// (schema::kVersion) into `db`. Throws what Xapian throws.
void WriteIndexStamp(Xapian::WritableDatabase& db, const IndexStamp& stamp);

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_INDEX_SINK_H_
