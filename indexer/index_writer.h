// Writes extracted documents into the live generation of an index folder, in
// place: the incremental build. (A whole new generation is written by
// GenerationBuilder, generation_builder.h.)

#ifndef CSTD_INDEXER_INDEX_WRITER_H_
#define CSTD_INDEXER_INDEX_WRITER_H_

#include <xapian.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "indexer/passage_indexer.h"
#include "indexer/speaker_registry.h"
#include "model/document.h"
#include "model/record_codec.h"

namespace cstd::indexer {

class IndexWriter {
 public:
  /// Opens the live generation of `index_dir` for writing, creating the
  /// folder and a first generation when there is none. Throws IndexError when
  /// the folder cannot be created or written, when another writer holds the
  /// index (Xapian's lock), or when the index has another schema version.
  explicit IndexWriter(const std::string& index_dir);

  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  /// Replaces whatever the index holds for `doc.document.id` (and for the
  /// file `key` names) with `doc`, records `source` under `key` (its doc id
  /// filled in) and `key` as the document's file (schema::kMetaFilePrefix).
  /// `key` is the file's absolute path; empty: doc.source.
  /// If another file already owns the id, the new document gets the id with
  /// a hash of its source appended, and `doc`'s id is updated to match.
  /// Returns the number of passages written.
  size_t Replace(ExtractedDocument& doc, std::string key = {}, SourceRecord source = {});

  /// Resolves a catalogue's speakers in the index's registry before the
  /// files that name them (SpeakerRegistry::AddAnchors).
  void AddSpeakerAnchors(const std::vector<extract::SpeakerAnchor>& anchors);

  /// The record of the file `source` (a key given to Replace()), if any.
  std::optional<SourceRecord> Source(const std::string& source) const;

  /// Every source record, by source path.
  std::map<std::string, SourceRecord> Sources() const;

  /// Records `record` for `source` without touching its passages (an
  /// unchanged file whose mtime moved).
  void UpdateSource(const std::string& source, const SourceRecord& record);

  /// Records `source` as the file of document `doc_id` unless it already
  /// is: an unchanged file of an index built before file records existed
  /// gets one without being read.
  void EnsureFileRecord(const std::string& doc_id, const std::string& source);

  /// Removes the document built from `source` and its record. Returns the
  /// number of passages removed.
  size_t RemoveSource(const std::string& source);

  /// The index's metadata under `key` (schema.h); empty if none.
  std::string Metadata(std::string_view key) const { return db_.get_metadata(std::string(key)); }
  void SetMetadata(std::string_view key, const std::string& value) { db_.set_metadata(std::string(key), value); }

  /// Commits everything written so far. Readers see all of it or none of it.
  /// Throws IndexError on failure (a full disk, say); the live index then
  /// stays as it was at the last commit.
  void Commit();

  /// The generation being written ("gen-000001").
  const std::string& generation() const { return generation_; }

 private:
  size_t RemoveDocument(const std::string& doc_id);

  std::string index_dir_;
  std::string generation_;
  Xapian::WritableDatabase db_;
  std::unique_ptr<RecordCodec> codec_;
  std::unique_ptr<PassageIndexer> indexer_;
  std::unique_ptr<SpeakerRegistry> speakers_;
};

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_INDEX_WRITER_H_
