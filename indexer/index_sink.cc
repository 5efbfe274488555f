#include "indexer/index_sink.h"

#include "model/document_json.h"
#include "model/schema.h"

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

void WriteIndexStamp(Xapian::WritableDatabase& db, const IndexStamp& stamp) {
  db.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kVersion));
  db.set_metadata(std::string(schema::kMetaGeneration), stamp.generation);
  if (stamp.dictionary) db.set_metadata(std::string(schema::kMetaDictionary), *stamp.dictionary);
  if (stamp.catalogue_hash) db.set_metadata(std::string(schema::kMetaCatalogueHash), *stamp.catalogue_hash);
}

}  // namespace cstd::indexer
