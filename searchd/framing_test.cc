// Request framing: the smuggling shapes Beast's parser lets through are
// found; sound requests pass. Each case is parsed by Beast as the server
// parses it.

#include "searchd/framing.h"

#include <gtest/gtest.h>

#include <boost/beast/http.hpp>
#include <string>

namespace cstd::searchd {
namespace {

namespace http = boost::beast::http;

struct Case {
  const char* name;
  const char* request;
  bool parses;          // whether Beast's parser accepts the header
  const char* problem;  // expected FramingProblem substring, or nullptr for none
};

TEST(FramingTest, SmugglingShapesAreFoundAndSoundRequestsPass) {
  const Case cases[] = {
      {"plain GET", "GET / HTTP/1.1\r\nHost: x\r\n\r\n", true, nullptr},
      {"one Content-Length", "POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc", true, nullptr},
      {"chunked", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", true, nullptr},
      {"gzip then chunked", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", true, nullptr},
      {"two equal Content-Lengths", "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc", true,
       "more than once"},
      {"a Content-Length list", "POST / HTTP/1.1\r\nContent-Length: 3,3\r\n\r\nabc", true, "more than once"},
      {"Transfer-Encoding gzip", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", true, "does not end in chunked"},
      {"chunked then gzip", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", true,
       "does not end in chunked"},
      {"gzip with a Content-Length", "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: gzip\r\n\r\n", false,
       nullptr},
      // Beast refuses these itself (the server answers 400 for its error).
      {"Content-Length then chunked", "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
       false, nullptr},
      {"chunked then Content-Length", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
       false, nullptr},
      {"two different Content-Lengths", "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", false,
       nullptr},
  };
  for (const Case& c : cases) {
    http::request_parser<http::string_body> parser;
    boost::beast::error_code ec;
    const std::string text = c.request;
    parser.put(boost::asio::buffer(text), ec);
    if (!c.parses) {
      EXPECT_TRUE(ec && ec != http::error::need_more) << c.name << ": " << ec.message();
      continue;
    }
    ASSERT_TRUE(!ec || ec == http::error::need_more) << c.name << ": " << ec.message();
    ASSERT_TRUE(parser.is_header_done()) << c.name;
    const auto problem = FramingProblem(parser.get().base(), parser.chunked());
    if (c.problem) {
      ASSERT_TRUE(problem.has_value()) << c.name;
      EXPECT_NE(problem->find(c.problem), std::string::npos) << c.name << ": " << *problem;
    } else {
      EXPECT_FALSE(problem.has_value()) << c.name << ": " << problem.value_or("");
    }
  }
}

}  // namespace
}  // namespace cstd::searchd
