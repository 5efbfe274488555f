// Document-level metadata read from the head of a document: symbol, title,
// type, the document's own session and its year, date, author, body.

#ifndef CSTD_EXTRACT_METADATA_H_
#define CSTD_EXTRACT_METADATA_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/cover_lines.h"
#include "extract/dates.h"
#include "extract/structure.h"
#include "model/document.h"

namespace cstd::extract {

/// Fills the document metadata from the parsed structure. `file_stem` gives
/// a last-resort title. Leaves fields it cannot find empty.
void ExtractMetadata(const Structure& structure, std::string_view file_stem, Document& doc);

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_METADATA_H_
