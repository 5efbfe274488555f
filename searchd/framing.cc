#include "searchd/framing.h"

namespace cstd::searchd {

namespace http = boost::beast::http;

std::optional<std::string> FramingProblem(const http::request_header<>& header, bool chunked) {
  const size_t lengths = header.count(http::field::content_length);
  const size_t encodings = header.count(http::field::transfer_encoding);
  // "Content-Length: 3, 3" is the same thing in one field.
  if (lengths > 1 || (lengths == 1 && header[http::field::content_length].find(',') != std::string_view::npos)) {
    return "Content-Length given more than once";
  }
  if (encodings > 0 && lengths > 0) return "both Transfer-Encoding and Content-Length";
  if (encodings > 0 && !chunked) return "Transfer-Encoding does not end in chunked";
  return std::nullopt;
}

}  // namespace cstd::searchd
