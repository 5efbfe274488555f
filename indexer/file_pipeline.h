// One indexing pipeline for every writer of passages: the incremental build
// (build.cc), a new generation (generation_builder.cc) and cstd-bench-export
// (tools/bench_export.cc) prepare a file with the functions here and write
// it with one sink (index_sink.h), so a rule about what a file becomes in
// the index is written once.
//
// Preparing a file has two steps, because the second depends on file order
// and the first does not:
//   1. PrepareFile (any thread, no shared state): is the format supported,
//      the file's content hash, extraction;
//   2. FileOrder::Settle (one file at a time, in the order of the file list):
//      the --metadata catalogue applied, a document id no earlier file has,
//      the speakers resolved to their index-wide ids. Ids depend on who comes
//      first, so the same archive gives the same ids on one thread or many.

#ifndef CSTD_INDEXER_FILE_PIPELINE_H_
#define CSTD_INDEXER_FILE_PIPELINE_H_

#include <optional>
#include <string>
#include <unordered_set>

#include "extract/catalogue.h"
#include "indexer/build_summary.h"
#include "indexer/passage_indexer.h"
#include "indexer/progress.h"
#include "indexer/speaker_registry.h"
#include "model/archive_file.h"
#include "model/document.h"

namespace cstd::indexer {

/// A file a build was asked to index.
struct SourceFile {
  std::string path;      // as found (becomes the document's `source`)
  std::string relative;  // relative to its SOURCE root (gives the doc id)
  std::string key;       // absolute path: what the index remembers it by
  SourceRecord record;   // root, size and mtime (hash filled once read)
};

/// A file on its way into the index.
struct PreparedFile {
  std::optional<ExtractedDocument> doc;  // nullopt: skipped, see `skipped`
  std::string skipped;                   // why not indexed ("unsupported format", InputError::reason())
  std::string hash;                      // ContentHash of the file's bytes; empty if they were not read
  // Filled by FileOrder::Settle:
  bool catalogue_row = false;  // a catalogue row matched the file
  ResolvedSpeakers speakers;
};

/// Step 1: reads and extracts `file` (extract::ExtractFile) and hashes its bytes,
/// unless `known_hash` gives the hash already (the incremental build hashes
/// first to find unchanged files). A file in an unsupported format, or one
/// that cannot be read or extracted (InputError), comes back with `doc`
/// unset and the reason in `skipped`: one bad file never stops a build.
/// Thread-safe. Throws only what is not the file's fault (std::bad_alloc).
PreparedFile PrepareFile(const SourceFile& file, std::optional<std::string> known_hash = std::nullopt);

/// Applies `catalogue` (may be null) to `file`'s document, matched by the
/// file's path relative to its SOURCE root, and sets file.catalogue_row.
/// Does nothing to a skipped file. The incremental build calls it alone (the
/// index gives ids and speakers there, IndexWriter::Replace); FileOrder
/// calls it first.
void ApplyCatalogue(extract::Catalogue* catalogue, PreparedFile& file, const SourceFile& source);

/// Counts `file` (prepared from `source`, the catalogue applied) in
/// `summary` and warns on `progress` of what went wrong with it: skipped
/// (with why), text lost (extract::TextLostWarning), no catalogue row (when
/// `with_catalogue`); the bytes of an indexed file. Whether it was added or
/// replaced is the caller's to count. Both builds count a file here, so
/// their summaries and warnings read alike. Throws only std::bad_alloc.
void CountPreparedFile(const PreparedFile& file, const SourceFile& source, bool with_catalogue,
                       BuildSummary& summary, Progress& progress);

/// Step 2, in file order.
class FileOrder {
 public:
  /// `catalogue` (may be null) and `registry` must outlive this.
  FileOrder(extract::Catalogue* catalogue, SpeakerRegistry& registry) : catalogue_(catalogue), registry_(registry) {}

  /// Applies the catalogue (ApplyCatalogue), gives `file`'s document an id no file settled before it has (two files
  /// may share a name in different folders: the later one gets its id with
  /// "-" and the first 8 hex digits of its source's hash appended), and
  /// resolves its speakers. Does nothing to a skipped file.
  void Settle(PreparedFile& file, const SourceFile& source);

 private:
  extract::Catalogue* catalogue_;
  SpeakerRegistry& registry_;
  std::unordered_set<std::string> ids_;
};

/// The id a document gets when another file already has `doc_id`: the id,
/// "-", and 8 hex digits of the ContentHash of its `source` path. The one
/// rule for a new generation (FileOrder) and an incremental build
/// (IndexWriter::Replace).
std::string DisambiguatedId(const std::string& doc_id, const std::string& source);

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_FILE_PIPELINE_H_
