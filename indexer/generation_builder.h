// Writes a whole new generation of an index beside the live one, using every
// core, and makes it live only once it is complete and checked (--rebuild,
// and the first build of an index).

#ifndef CSTD_INDEXER_GENERATION_BUILDER_H_
#define CSTD_INDEXER_GENERATION_BUILDER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extract/catalogue.h"
#include "indexer/build_summary.h"
#include "indexer/file_pipeline.h"
#include "indexer/index_sink.h"
#include "indexer/progress.h"
#include "model/document.h"
#include "model/shard_layout.h"

namespace cstd::indexer {

/// What writing a generation did besides what a BuildSummary counts.
struct GenerationReport {
  size_t dictionary_bytes = 0;
  double compact_seconds = 0;
  double check_seconds = 0;
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
/// Counts into `summary` (generation, files indexed and added, passages,
/// bytes, skipped files, catalogue matches, stored record sizes, old
/// generations kept), adding to what the caller put there.
///
/// With `index_shard`, every file is read and settled (ids are the archive's),
/// but only the documents the shard holds are written; the others count in
/// summary.files_other_shards. The shard is recorded (schema::kMetaShard),
/// and its layout if it has one (schema::kMetaShardLayout).
///
/// `catalogue_hash` is recorded (schema::kMetaCatalogueHash) for the next
/// incremental build; each file's source record gets its time from `added`. The caller holds the BuildLock. A file that
/// cannot be read is skipped and reported. Throws IndexError when the generation cannot be written or fails its check:
/// the live generation is then untouched, and the debris is removed by the next build.
GenerationReport BuildGeneration(const std::string& index_dir, const std::vector<SourceFile>& files,
                                 extract::Catalogue* catalogue, unsigned threads, Progress& progress,
                                 const std::string& catalogue_hash, const AddedTimes& added, BuildSummary& summary,
                                 const std::optional<IndexShard>& index_shard = std::nullopt);

/// How long a switch waits for readers (cstd-searchd reopens within 2 s) to
/// leave the previous generation before leaving it for the next build.
inline constexpr double kReaderGraceSeconds = 5;

/// Files sampled to train the dictionary: spread over the whole list, and
/// enough for zstd's 100x rule on a dictionary of RecordCodec's size.
inline constexpr size_t kDictionarySampleFiles = 400;

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_GENERATION_BUILDER_H_
