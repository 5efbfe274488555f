#include "indexer/index_writer.h"

#include <filesystem>

#include "indexer/file_pipeline.h"
#include "indexer/index_sink.h"
#include "model/archive_file.h"
#include "model/document_json.h"
#include "model/errors.h"
#include "model/index_layout.h"
#include "model/schema.h"
#include "model/synonyms.h"
#include "model/stored_records.h"

namespace cstd::indexer {

namespace fs = std::filesystem;

IndexWriter::IndexWriter(const std::string& index_dir) : index_dir_(index_dir) {
  std::error_code ec;
  fs::create_directories(index_dir, ec);
  if (ec) throw IndexError(index_dir + ": cannot create index folder: " + ec.message());
  const auto current = ReadCurrentGeneration(index_dir);
  generation_ = current.value_or(FirstGenerationName());
  const std::string path = (fs::path(index_dir) / generation_).string();
  try {
    db_ = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    if (current) {
      CheckSchemaVersion(db_, path);
    } else {
      WriteIndexStamp(db_, {generation_, std::nullopt, std::nullopt});
      AddSynonyms(db_);
      db_.commit();
      WriteCurrentGeneration(index_dir, generation_);
    }
    codec_ = std::make_unique<RecordCodec>(db_.get_metadata(std::string(schema::kMetaDictionary)));
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError(index_dir + ": another build holds this index; wait for it to finish");
  } catch (const Xapian::Error& e) {
    throw IndexError(path + ": cannot open index for writing: " + e.get_msg());
  }
  speakers_ = std::make_unique<SpeakerRegistry>(db_);
  // Spelling data feeds "did you mean"; a handful of files is cheap to add
  // word by word.
  indexer_ = std::make_unique<PassageIndexer>(*codec_, &db_);
}

size_t IndexWriter::RemoveDocument(const std::string& doc_id) {
  const std::string term = schema::Term(schema::kPrefixDocId, doc_id);
  const size_t passages = db_.get_termfreq(term);
  if (passages > 0) db_.delete_document(term);
  db_.set_metadata(std::string(schema::kMetaDocumentPrefix) + doc_id, "");
  db_.set_metadata(std::string(schema::kMetaFilePrefix) + doc_id, "");
  return passages;
}

void IndexWriter::AddSpeakerAnchors(const std::vector<extract::SpeakerAnchor>& anchors) {
  speakers_->AddAnchors(anchors);
  try {
    speakers_->WriteChanged(db_);
  } catch (const Xapian::Error& e) {
    throw IndexError(index_dir_ + ": writing speakers: " + e.get_msg());
  }
}

std::optional<SourceRecord> IndexWriter::Source(const std::string& source) const {
  const std::string record = db_.get_metadata(std::string(schema::kMetaSourcePrefix) + source);
  if (record.empty()) return std::nullopt;
  return DecodeSourceRecord(record);
}

std::map<std::string, SourceRecord> IndexWriter::Sources() const {
  return SourceRecords(db_);
}

void IndexWriter::UpdateSource(const std::string& source, const SourceRecord& record) {
  db_.set_metadata(std::string(schema::kMetaSourcePrefix) + source, EncodeSourceRecord(record));
}

void IndexWriter::EnsureFileRecord(const std::string& doc_id, const std::string& source) {
  const std::string key = std::string(schema::kMetaFilePrefix) + doc_id;
  if (db_.get_metadata(key) != source) db_.set_metadata(key, source);
}

size_t IndexWriter::RemoveSource(const std::string& source) {
  try {
    const auto record = Source(source);
    if (!record) return 0;
    const size_t removed = RemoveDocument(record->doc_id);
    db_.set_metadata(std::string(schema::kMetaSourcePrefix) + source, "");
    return removed;
  } catch (const Xapian::Error& e) {
    throw IndexError(index_dir_ + ": removing " + source + ": " + e.get_msg());
  }
}

size_t IndexWriter::Replace(ExtractedDocument& extracted, std::string key, SourceRecord source) {
  Document& doc = extracted.document;
  if (key.empty()) key = doc.source;
  try {
    // The file may have been indexed before under another id.
    if (const auto previous = Source(key)) RemoveDocument(previous->doc_id);
    // Two files may share a name in different folders: keep both.
    const std::string owner = db_.get_metadata(std::string(schema::kMetaDocumentPrefix) + doc.id);
    if (!owner.empty() && DecodeDocument(codec_->Decompress(owner, doc.id)).source != doc.source) {
      doc.id = DisambiguatedId(doc.id, doc.source);
    }
    RemoveDocument(doc.id);

    const ResolvedSpeakers speakers = ResolveSpeakers(extracted, *speakers_);
    speakers_->WriteChanged(db_);
    return WritePreparedDocument(db_, *indexer_, extracted, speakers, key, std::move(source), PassageWrite::kReplace);
  } catch (const Xapian::Error& e) {
    throw IndexError(index_dir_ + ": writing " + doc.source + ": " + e.get_msg());
  }
}

void IndexWriter::Commit() {
  try {
    db_.commit();
  } catch (const Xapian::Error& e) {
    throw IndexError(index_dir_ + ": commit failed, the index keeps its last committed state: " + e.get_msg());
  }
}

}  // namespace cstd::indexer
