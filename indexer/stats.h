// The `stats` command: what an index holds and what it costs on disk.

#ifndef CSTD_INDEXER_STATS_H_
#define CSTD_INDEXER_STATS_H_

#include <string>

namespace cstd::indexer {

/// JSON describing the live generation of `index_dir`: documents, passages,
/// distinct speakers and countries, what the speaker registry merged
/// ("speaker_review": the counts of SpeakerReview), bytes on disk per table and in all, the
/// stored records' compression ratios (against raw text and against plain
/// zstd), the size of the index against the source text, the generation and
/// its build report. Throws IndexError when there is no readable index.
std::string IndexStatsJson(const std::string& index_dir);

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_STATS_H_
