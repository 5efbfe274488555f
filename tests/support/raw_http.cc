#include "tests/support/raw_http.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace cstd::testing {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr std::chrono::seconds kDeadline{20};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void Connect(asio::io_context& io, beast::tcp_stream& stream, const std::string& host, const std::string& port) {
  tcp::resolver resolver(io);
  stream.expires_after(kDeadline);
  stream.connect(resolver.resolve(host, port));
}

std::string RequestText(const std::string& host, const std::string& method, const std::string& target,
                        const std::vector<std::string>& headers, const std::string& body, bool close) {
  std::string text = method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
  for (const auto& h : headers) text += h + "\r\n";
  if (!body.empty()) text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  if (close) text += "Connection: close\r\n";
  return text + "\r\n" + body;
}

// Reads one response; false at a clean end of stream before it starts.
bool ReadResponse(beast::tcp_stream& stream, beast::flat_buffer& buffer, HttpResponse* out) {
  http::response_parser<http::string_body> parser;
  parser.body_limit(64u << 20);
  beast::error_code ec;
  stream.expires_after(kDeadline);
  http::read(stream, buffer, parser, ec);
  if (ec == http::error::end_of_stream || ec == asio::error::connection_reset || ec == asio::error::eof) return false;
  if (ec) throw beast::system_error(ec);
  const auto& message = parser.get();
  out->status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    out->headers[Lower(std::string(field.name_string()))] = std::string(field.value());
  }
  out->body = message.body();
  return true;
}

}  // namespace

std::string HttpResponse::Header(const std::string& name) const {
  const auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

HttpResponse Request(const std::string& host, const std::string& port, const std::string& method,
                     const std::string& target, const std::vector<std::string>& headers, const std::string& body) {
  const std::string what = method + " " + target.substr(0, 100);
  try {
    asio::io_context io;
    beast::tcp_stream stream(io);
    Connect(io, stream, host, port);
    asio::write(stream, asio::buffer(RequestText(host, method, target, headers, body, true)));
    beast::flat_buffer buffer;
    HttpResponse response;
    if (!ReadResponse(stream, buffer, &response)) throw std::runtime_error(what + ": connection closed, no response");
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    return response;
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error(what + ": " + e.code().message());
  }
}

std::vector<HttpResponse> Pipeline(const std::string& host, const std::string& port,
                                   const std::vector<std::string>& targets) {
  try {
    asio::io_context io;
    beast::tcp_stream stream(io);
    Connect(io, stream, host, port);
    std::string text;
    for (const auto& t : targets) text += RequestText(host, "GET", t, {}, "", false);
    asio::write(stream, asio::buffer(text));
    beast::flat_buffer buffer;
    std::vector<HttpResponse> responses;
    HttpResponse response;
    while (responses.size() < targets.size() && ReadResponse(stream, buffer, &response)) {
      responses.push_back(std::move(response));
      response = {};
    }
    return responses;
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error("pipelined GETs: " + e.code().message());
  }
}

std::vector<HttpResponse> SendRawUntilClosed(const std::string& host, const std::string& port, const std::string& raw) {
  try {
    asio::io_context io;
    beast::tcp_stream stream(io);
    Connect(io, stream, host, port);
    asio::write(stream, asio::buffer(raw));
    beast::flat_buffer buffer;
    std::vector<HttpResponse> responses;
    HttpResponse response;
    while (ReadResponse(stream, buffer, &response)) {
      responses.push_back(std::move(response));
      response = {};
    }
    return responses;
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error("raw request: " + e.code().message());
  }
}

std::vector<HttpResponse> PipelineInBatches(const std::string& host, const std::string& port, const std::string& target,
                                            int batches, int per_batch) {
  try {
    asio::io_context io;
    beast::tcp_stream stream(io);
    Connect(io, stream, host, port);
    beast::flat_buffer buffer;
    std::vector<HttpResponse> responses;
    for (int b = 0; b < batches; ++b) {
      std::string text;
      for (int i = 0; i < per_batch; ++i) text += RequestText(host, "GET", target, {}, "", false);
      asio::write(stream, asio::buffer(text));
      for (int i = 0; i < per_batch; ++i) {
        HttpResponse response;
        if (!ReadResponse(stream, buffer, &response)) return responses;
        responses.push_back(std::move(response));
      }
    }
    return responses;
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error("batches of pipelined GETs: " + e.code().message());
  }
}

std::vector<BurstResult> Burst(const std::string& host, const std::string& port, const std::string& target, int clients,
                               int min_per_client, double seconds,
                               const std::function<bool(const std::vector<BurstResult>&)>& done) {
  std::mutex mutex;
  std::vector<BurstResult> results;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      for (int mine = 0; std::chrono::steady_clock::now() < deadline; ++mine) {
        if (mine >= min_per_client) {
          std::lock_guard lock(mutex);
          if (done(results)) return;
        }
        BurstResult result;
        try {
          result.response = Get(host, port, target);
        } catch (const std::exception& e) {
          result.error = e.what();
        }
        std::lock_guard lock(mutex);
        results.push_back(std::move(result));
      }
    });
  }
  for (auto& t : threads) t.join();
  return results;
}

}  // namespace cstd::testing
