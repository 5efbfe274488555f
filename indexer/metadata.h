// Document-level metadata read from the head of a document: symbol, title,
// type, the document's own session and its year, date, author, body.

#ifndef CSTD_INDEXER_METADATA_H_
#define CSTD_INDEXER_METADATA_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/cover_lines.h"
#include "indexer/dates.h"
#include "indexer/structure.h"
#include "model/document.h"

namespace cstd::indexer {

/// Fills the document metadata from the parsed structure. `file_stem` gives
/// a last-resort title. Leaves fields it cannot find empty.
void ExtractMetadata(const Structure& structure, std::string_view file_stem, Document& doc);

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_METADATA_H_
