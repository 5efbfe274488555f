#include "query/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdint>
#include <limits>

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

namespace {

// How long one step (connect, send, each read) may take.
constexpr std::chrono::seconds kStepDeadline{10};

// Connects to host:port and sends GET `target`.
void SendGet(asio::io_context& io, beast::tcp_stream& stream, const std::string& host, const std::string& port,
             const std::string& target) {
  asio::ip::tcp::resolver resolver(io);
  stream.expires_after(kStepDeadline);
  stream.connect(resolver.resolve(host, port));
  http::request<http::empty_body> request{http::verb::get, target, 11};
  request.set(http::field::host, host + ":" + port);
  request.set(http::field::user_agent, "cstd-query");
  http::write(stream, request);
}

}  // namespace

HttpResult HttpGetTo(const std::string& host, const std::string& port, const std::string& target, std::ostream& out) {
  try {
    asio::io_context io;
    beast::tcp_stream stream(io);
    SendGet(io, stream, host, port, target);
    beast::flat_buffer buffer;
    http::response_parser<http::buffer_body> parser;
    // The server bounds an export (--max-export). Not boost::none: Boost
    // 1.74 compares a Content-Length against an empty limit as too big.
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    stream.expires_after(kStepDeadline);
    http::read_header(stream, buffer, parser);
    HttpResult result{
        static_cast<int>(parser.get().result_int()), std::string(parser.get()[http::field::content_type]), {}};
    char piece[64 * 1024];
    while (!parser.is_done()) {
      parser.get().body().data = piece;
      parser.get().body().size = sizeof piece;
      beast::error_code ec;
      stream.expires_after(kStepDeadline);
      http::read(stream, buffer, parser, ec);
      if (ec == http::error::need_buffer) ec = {};
      if (ec) throw beast::system_error(ec);
      const size_t got = sizeof piece - parser.get().body().size;
      if (result.status == 200) {
        out.write(piece, static_cast<std::streamsize>(got));
      } else {
        result.body.append(piece, got);
      }
    }
    beast::error_code ec;
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    return result;
  } catch (const boost::system::system_error& e) {
    throw Error("http://" + host + ":" + port + target + ": " + e.code().message());
  }
}

HttpResult HttpGet(const std::string& host, const std::string& port, const std::string& target) {
  try {
    asio::io_context io;
    beast::tcp_stream stream(io);
    SendGet(io, stream, host, port, target);
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
