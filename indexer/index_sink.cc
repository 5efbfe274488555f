#include "indexer/index_sink.h"

#include <filesystem>

#include "model/document_json.h"
#include "model/errors.h"
#include "model/index_layout.h"
#include "model/schema.h"
#include "model/stored_records.h"

namespace cstd::indexer {

size_t WritePreparedDocument(Xapian::WritableDatabase& db, PassageIndexer& indexer, const ExtractedDocument& doc,
                             const ResolvedSpeakers& speakers, const std::string& key, SourceRecord record,
                             PassageWrite how) {
  const std::string& doc_id = doc.document.id;
  const auto passages = indexer.Index(doc, speakers);
  for (const auto& p : passages) {
    if (how == PassageWrite::kReplace) {
      db.replace_document(schema::Term(schema::kPrefixPassageId, p.passage_id), p.document);
    } else {
      db.add_document(p.document);
    }
  }
  db.set_metadata(std::string(schema::kMetaDocumentPrefix) + doc_id, indexer.DocumentRecord(doc.document));
  record.doc_id = doc_id;
  db.set_metadata(std::string(schema::kMetaSourcePrefix) + key, EncodeSourceRecord(record));
  db.set_metadata(std::string(schema::kMetaFilePrefix) + doc_id, key);
  return passages.size();
}

const std::string& AddedTimes::For(const std::string& key, const std::string& hash) const {
  const auto old = previous_.find(key);
  if (old != previous_.end() && old->second.hash == hash && !old->second.added.empty()) return old->second.added;
  return now_;
}

std::map<std::string, SourceRecord> LiveSourceRecords(const std::string& index_dir) {
  try {
    const auto live = ReadCurrentGeneration(index_dir);
    if (!live) return {};
    return SourceRecords(Xapian::Database((std::filesystem::path(index_dir) / *live).string()));
  } catch (const Error&) {
    return {};
  } catch (const Xapian::Error&) {
    return {};
  }
}

void WriteIndexStamp(Xapian::WritableDatabase& db, const IndexStamp& stamp) {
  db.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kVersion));
  db.set_metadata(std::string(schema::kMetaGeneration), stamp.generation);
  if (stamp.dictionary) db.set_metadata(std::string(schema::kMetaDictionary), *stamp.dictionary);
  if (stamp.catalogue_hash) db.set_metadata(std::string(schema::kMetaCatalogueHash), *stamp.catalogue_hash);
}

}  // namespace cstd::indexer
