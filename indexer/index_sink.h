// The one sink of the indexing pipeline (file_pipeline.h): what a prepared
// document leaves in a Xapian database -- its passages and its records --
// and the stamp that says what the database is. The incremental build
// (IndexWriter), a new generation's shards (generation_builder.cc) and a
// snapshot import (snapshot.cc) all write through here, so the layout of
// model/schema.h is written in one place.

#ifndef CSTD_INDEXER_INDEX_SINK_H_
#define CSTD_INDEXER_INDEX_SINK_H_

#include <xapian.h>

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
