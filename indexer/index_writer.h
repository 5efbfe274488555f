// Writes extracted documents into the live generation of an index folder:
// one Xapian document per passage, with stored text, boolean filter terms and
// sort values as model/schema.h lays them out.

#ifndef CSTD_INDEXER_INDEX_WRITER_H_
#define CSTD_INDEXER_INDEX_WRITER_H_

#include <xapian.h>

#include <memory>
#include <string>

#include "indexer/speaker_registry.h"
#include "model/document.h"

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

  /// Replaces whatever the index holds for `doc.document.id` (and for its
  /// source path) with `doc`. If another source already owns the id, the new
  /// document gets the id with a hash of its source appended, and `doc`'s id
  /// is updated to match. Returns the number of passages written.
  size_t Replace(ExtractedDocument& doc);

  /// Commits everything written so far. Readers see all of it or none of it.
  /// Throws IndexError on failure (a full disk, say); the live index then
  /// stays as it was at the last commit.
  void Commit();

  /// The generation being written ("gen-000001").
  const std::string& generation() const { return generation_; }

 private:
  void RemoveDocument(const std::string& doc_id);
  // Adds the acronym's terms to a passage that spells an acronym out.
  void AddAcronymTerms(const std::string& text, Xapian::Document& xdoc) const;

  std::string index_dir_;
  std::string generation_;
  Xapian::WritableDatabase db_;
  Xapian::Stem stemmer_{"english"};
  Xapian::TermGenerator term_generator_;
  std::unique_ptr<SpeakerRegistry> speakers_;
};

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_INDEX_WRITER_H_
