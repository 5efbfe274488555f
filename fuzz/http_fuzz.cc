// Fuzz target: raw bytes from a client, as cstd-searchd's session reads
// them: Boost.Beast's request parser under the server's limits (header,
// body, target), the framing checks against request smuggling, then the
// handler (every route: search, documents, originals, facets, health,
// metrics, the search page) over a real index of data/sample. Pipelined
// requests in one input are parsed and answered in turn, as on a
// keep-alive connection.
//
// Contract under test: whatever arrives is parsed or refused; a parsed
// request gets a response with a status; HandleRequest never throws;
// nothing crashes, leaks or hangs.

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "fuzz/fuzz_index.h"
#include "searchd/framing.h"
#include "searchd/handler.h"
#include "searchd/index_pool.h"
#include "searchd/metrics.h"
#include "searchd/server.h"

namespace http = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto pool = std::make_unique<cstd::searchd::IndexPool>(cstd::fuzz::SampleIndex());
  static const auto metrics = std::make_unique<cstd::searchd::Metrics>(cstd::searchd::EndpointLabels());
  static const cstd::searchd::ServerLimits limits;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // At most max_pipelined requests per connection are answered.
  for (size_t served = 0; !input.empty() && served < limits.max_pipelined; ++served) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(limits.header_limit);
    parser.body_limit(limits.body_limit);
    parser.eager(true);
    boost::beast::error_code ec;
    size_t used = 0;
    // Feed what has arrived; a message cut short is a request still being
    // read (the deadline closes it), not one to answer.
    while (!parser.is_done()) {
      // Everything that arrived is fed: the rest of the message (a body
      // shorter than its Content-Length) has not come, and the read
      // deadline closes the connection.
      if (used >= input.size()) return 0;
      const size_t n = parser.put(boost::asio::buffer(input.data() + used, input.size() - used), ec);
      used += n;
      if (ec == http::error::need_more) {
        // Beast wants a whole header in one buffer and was given all there
        // is: the client stopped here.
        if (n == 0) return 0;
        ec = {};
        continue;
      }
      if (ec) return 0;  // 400, 413 or 431 and the connection closes
      if (n == 0) return 0;  // no progress on bytes that are there: nothing more will come of them
    }
    input.remove_prefix(used);
    if (cstd::searchd::FramingProblem(parser.get().base(), parser.chunked())) return 0;  // 400 and close
    const auto& request = parser.get();
    if (request.target().size() > limits.target_limit) return 0;  // 414
    cstd::searchd::RequestInfo info;
    const cstd::searchd::Response response = cstd::searchd::HandleRequest(request, *pool, *metrics, &info);
    if (response.result_int() < 100 || response.result_int() > 599) __builtin_trap();
    if (!response.keep_alive()) return 0;
  }
  return 0;
}
