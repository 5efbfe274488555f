// Fuzz target: the query string of GET /v1/search (the bytes after '?'),
// through ParseTarget and ParseSearchParams, and, when they accept it, the
// search itself over a real index of data/sample.
//
// Contract under test: a malformed or out-of-range parameter is a
// UsageError (HTTP 400); an accepted request searches without any other
// exception (DatabaseModifiedError cannot happen: nothing writes the index).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz/fuzz_index.h"
#include "model/errors.h"
#include "model/index_layout.h"
#include "query/api_json.h"
#include "query/searcher.h"
#include "searchd/handler.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto searcher = std::make_unique<cstd::query::Searcher>(cstd::OpenIndex(cstd::fuzz::SampleIndex()));
  const std::string target = "/v1/search?" + std::string(reinterpret_cast<const char*>(data), size);
  try {
    cstd::searchd::Params params;
    cstd::searchd::ParseTarget(target, &params);
    const cstd::query::SearchRequest request = cstd::searchd::ParseSearchParams(params);
    (void)cstd::query::SearchResultToJson(searcher->Search(request));
  } catch (const cstd::UsageError&) {
    // A 400 naming the parameter: the expected refusal.
  }
  return 0;
}
