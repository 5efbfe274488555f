// Writes a whole new generation of an index beside the live one, using every
// core, and makes it live only once it is complete and checked (--rebuild,
// and the first build of an index).

#ifndef CSTD_INDEXER_GENERATION_BUILDER_H_
#define CSTD_INDEXER_GENERATION_BUILDER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "indexer/catalogue.h"
#include "indexer/progress.h"
#include "model/document.h"

namespace cstd::indexer {

/// A file a build was asked to index.
struct SourceFile {
  std::string path;      // as found (becomes the document's `source`)
  std::string relative;  // relative to its SOURCE root (gives the doc id)
  std::string key;       // absolute path: what the index remembers it by
  SourceRecord record;   // root, size and mtime (hash filled once read)
};

/// What writing a generation did.
struct GenerationReport {
  std::string generation;  // "gen-000002"
  size_t files = 0;
  size_t passages = 0;
  uint64_t bytes = 0;                                        // bytes of the files indexed
  std::vector<std::pair<std::string, std::string>> skipped;  // path, reason
  size_t files_with_row = 0;
  std::vector<std::string> files_without_row;
  std::vector<std::string> files_losing_text;  // paths whose body text did not all reach a paragraph
  uint64_t record_bytes = 0;         // stored records, raw
  uint64_t record_bytes_stored = 0;  // compressed with the dictionary
  uint64_t record_bytes_plain = 0;   // compressed by plain zstd, for comparison
  size_t dictionary_bytes = 0;
  double compact_seconds = 0;
  double check_seconds = 0;
  std::vector<std::string> old_generations_kept;  // still held by a reader
};

/// Builds generation NextGenerationName(index_dir) from `files` in
/// INDEX/gen-N.tmp: extraction and writing on `threads` threads, each into
/// its own shard; ids (documents, speakers) assigned in file order so that
/// they do not depend on thread timing; a zstd dictionary trained on a
/// sample of the files; then the shards compacted into one database, checked
/// (Xapian::Database::check and the schema version), renamed into place and
/// made live by an atomic switch of CURRENT. Older generations are deleted
/// once no reader holds them (waiting up to kReaderGraceSeconds).
///
/// `catalogue_hash` is recorded (schema::kMetaCatalogueHash) for the next
/// incremental build. The caller holds the BuildLock. A file that cannot be read is skipped and
/// reported. Throws IndexError when the generation cannot be written or
/// fails its check: the live generation is then untouched, and the debris is
/// removed by the next build.
GenerationReport BuildGeneration(const std::string& index_dir, const std::vector<SourceFile>& files,
                                 Catalogue* catalogue, unsigned threads, Progress& progress,
                                 const std::string& catalogue_hash);

/// How long a switch waits for readers (cstd-searchd reopens within 2 s) to
/// leave the previous generation before leaving it for the next build.
inline constexpr double kReaderGraceSeconds = 5;

/// Files sampled to train the dictionary: spread over the whole list, and
/// enough for zstd's 100x rule on a dictionary of RecordCodec's size.
inline constexpr size_t kDictionarySampleFiles = 400;

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_GENERATION_BUILDER_H_
