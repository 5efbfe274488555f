#include "query/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>

#include "model/errors.h"

namespace cstd::query {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;

void ParseServerUrl(std::string_view parameter, std::string_view url, std::string* host, std::string* port) {
  std::string_view rest = url;
  if (rest.rfind("http://", 0) != 0) {
    throw UsageError(std::string(parameter),
                     std::string(parameter) + "=" + std::string(url) + ": expected http://HOST:PORT");
  }
  rest.remove_prefix(7);
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  const size_t colon = rest.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == rest.size()) {
    throw UsageError(std::string(parameter),
                     std::string(parameter) + "=" + std::string(url) + ": expected http://HOST:PORT");
  }
  *host = std::string(rest.substr(0, colon));
  *port = std::string(rest.substr(colon + 1));
}

HttpResult HttpGet(const std::string& host, const std::string& port, const std::string& target) {
  try {
    asio::io_context io;
    asio::ip::tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(10));
    stream.connect(resolver.resolve(host, port));
    http::request<http::empty_body> request{http::verb::get, target, 11};
    request.set(http::field::host, host);
    request.set(http::field::user_agent, "cstd-query");
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64u << 20);
    http::read(stream, buffer, parser);
    auto& response = parser.get();
    beast::error_code ec;
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    return {static_cast<int>(response.result_int()), std::string(response[http::field::content_type]),
            std::move(response.body())};
  } catch (const boost::system::system_error& e) {
    throw Error("http://" + host + ":" + port + target + ": " + e.code().message());
  }
}

std::string UrlEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace cstd::query
