// Fuzz target: the query language (the q parameter, as cstd-query and
// /v1/search take it): phrases, AND/OR/NOT, -word, prefix*, and the fields
// country:, speaker:, session:, year:, action:, type:, title:, searched over
// a real index of data/sample, with facets counted and a spelling
// suggestion when few hits match. The first byte picks the sort and
// grouping so those paths are covered too.
//
// Contract under test: a query either searches or is a UsageError naming q
// (or the limit it passes); no other exception, no crash, no hang.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz/fuzz_index.h"
#include "model/errors.h"
#include "model/index_layout.h"
#include "query/api_json.h"
#include "query/searcher.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto searcher = std::make_unique<cstd::query::Searcher>(cstd::OpenIndex(cstd::fuzz::SampleIndex()));
  if (size == 0) return -1;
  cstd::query::SearchRequest request;
  request.sort = static_cast<cstd::query::Sort>(data[0] % 3);
  request.group_by_document = (data[0] & 4) != 0;
  request.q.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    (void)cstd::query::SearchResultToJson(searcher->Search(request));
  } catch (const cstd::UsageError&) {
    // The query does not parse or passes a limit: a 400.
  }
  return 0;
}
