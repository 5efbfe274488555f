#include "model/stored_records.h"

#include "model/schema.h"

namespace cstd {

std::map<std::string, SourceRecord> SourceRecords(const Xapian::Database& db) {
  std::map<std::string, SourceRecord> out;
  const std::string prefix(schema::kMetaSourcePrefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    out.emplace((*it).substr(prefix.size()), DecodeSourceRecord(db.get_metadata(*it)));
  }
  return out;
}

StoredRecords::StoredRecords(const Xapian::Database& db)
    : db_(db), codec_(db.get_metadata(std::string(schema::kMetaDictionary))) {}

Passage StoredRecords::PassageOf(const Xapian::Document& doc) const {
  return DecodePassage(codec_.Decompress(doc.get_data(), "passage #" + std::to_string(doc.get_docid())));
}

std::optional<Document> StoredRecords::DocumentOf(const std::string& doc_id) const {
  const std::string record = db_.get_metadata(std::string(schema::kMetaDocumentPrefix) + doc_id);
  if (record.empty()) return std::nullopt;
  return DecodeDocument(codec_.Decompress(record, "document " + doc_id));
}

std::optional<IndexedFile> StoredRecords::FileOf(const std::string& doc_id) const {
  IndexedFile file;
  file.path = db_.get_metadata(std::string(schema::kMetaFilePrefix) + doc_id);
  if (file.path.empty()) return std::nullopt;
  const std::string record = db_.get_metadata(std::string(schema::kMetaSourcePrefix) + file.path);
  if (record.empty()) return std::nullopt;
  file.record = DecodeSourceRecord(record);
  return file;
}

}  // namespace cstd
