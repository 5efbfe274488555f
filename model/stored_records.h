// Reading the records an index stores: passages (Xapian document data) and
// document metadata (kMetaDocumentPrefix keys), both compressed by the
// index's RecordCodec.

#ifndef CSTD_MODEL_STORED_RECORDS_H_
#define CSTD_MODEL_STORED_RECORDS_H_

#include <xapian.h>

#include <map>
#include <optional>
#include <string>

#include "model/document.h"
#include "model/document_json.h"
#include "model/record_codec.h"

namespace cstd {

/// The file a document was read from, as the index recorded it.
struct IndexedFile {
  std::string path;     // absolute, on the machine that built the index
  SourceRecord record;  // its size, mtime and content hash when indexed
};

/// Every source record of `db` (schema::kMetaSourcePrefix), by the file's
/// key (its absolute path). Throws IndexError if one does not decode, and
/// what Xapian throws.
std::map<std::string, SourceRecord> SourceRecords(const Xapian::Database& db);

class StoredRecords {
 public:
  /// Reads `db` with the dictionary stored in it. Throws DataError if that
  /// is not a zstd dictionary. `db` must outlive this.
  explicit StoredRecords(const Xapian::Database& db);

  /// The passage stored in `doc`. Throws DataError if it does not decode.
  Passage PassageOf(const Xapian::Document& doc) const;

  /// The metadata of document `doc_id`, or nullopt if the index has none.
  std::optional<Document> DocumentOf(const std::string& doc_id) const;

  /// The file document `doc_id` was read from (schema::kMetaFilePrefix and
  /// the kMetaSourcePrefix record it names), or nullopt if the index records
  /// none. Throws IndexError if the source record does not decode.
  std::optional<IndexedFile> FileOf(const std::string& doc_id) const;

  const RecordCodec& codec() const { return codec_; }

 private:
  const Xapian::Database& db_;
  RecordCodec codec_;
};

}  // namespace cstd

#endif  // CSTD_MODEL_STORED_RECORDS_H_
