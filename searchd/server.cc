#include "searchd/server.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "searchd/handler.h"

namespace cstd::searchd {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

class Session;

struct Server::State {
  asio::io_context& io;
  tcp::acceptor acceptor;
  IndexPool& index;
  ServerLimits limits;
  std::atomic<size_t> connections{0};
  std::atomic<bool> stopping{false};
  std::mutex sessions_mutex;
  std::vector<std::weak_ptr<Session>> sessions;

  State(asio::io_context& io_, IndexPool& index_, ServerLimits limits_)
      : io(io_), acceptor(asio::make_strand(io_)), index(index_), limits(limits_) {}
};

// One connection: read a request, answer it, repeat while keep-alive.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, std::shared_ptr<Server::State> state)
      : stream_(std::move(socket)), state_(std::move(state)) {}

  ~Session() { --state_->connections; }

  void Run() { asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::Read, shared_from_this())); }

  // Called from Stop(): close now if waiting for a request, else after the
  // response in flight.
  void Shutdown() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      self->closing_ = true;
      if (self->idle_) self->Close();
    });
  }

  // Refuses the connection with 503 (too many connections).
  void Refuse() {
    auto self = shared_from_this();
    asio::dispatch(stream_.get_executor(), [self] {
      Response r = ErrorResponse(http::status::service_unavailable, "overloaded", "too many connections; retry shortly",
                                 11, false);
      r.set(http::field::retry_after, "1");
      self->Write(std::move(r));
    });
  }

 private:
  void Read() {
    if (closing_ || state_->stopping) return Close();
    parser_.emplace();
    parser_->header_limit(state_->limits.header_limit);
    parser_->body_limit(state_->limits.body_limit);
    idle_ = true;
    stream_.expires_after(state_->limits.read_timeout);
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code ec, size_t) {
    idle_ = false;
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset) {
      return Close();
    }
    if (ec == http::error::header_limit) {
      return Fail(http::status::request_header_fields_too_large, "header_too_large",
                  "request headers exceed " + std::to_string(state_->limits.header_limit) + " bytes");
    }
    if (ec == http::error::body_limit) {
      return Fail(http::status::payload_too_large, "body_too_large",
                  "request body exceeds " + std::to_string(state_->limits.body_limit) + " bytes");
    }
    if (ec) return Fail(http::status::bad_request, "bad_request", "malformed HTTP request: " + ec.message());

    const Request& request = parser_->get();
    const auto start = std::chrono::steady_clock::now();
    Response response;
    if (request.target().size() > state_->limits.target_limit) {
      response = ErrorResponse(http::status::uri_too_long, "uri_too_long",
                               "request target exceeds " + std::to_string(state_->limits.target_limit) + " bytes",
                               request.version(), request.keep_alive());
    } else {
      response = HandleRequest(request, state_->index);
    }
    ++served_;
    if (served_ >= state_->limits.max_requests_per_connection || closing_ || state_->stopping) {
      response.keep_alive(false);
    }
    if (state_->limits.log_requests) {
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      std::ostringstream line;
      line << request.method_string() << ' ' << request.target() << ' ' << response.result_int() << ' ' << std::fixed
           << std::setprecision(2) << ms << "ms\n";
      std::cerr << line.str();
    }
    Write(std::move(response));
  }

  void Fail(http::status status, std::string_view code, const std::string& message) {
    Response r = ErrorResponse(status, code, message, 11, false);
    Write(std::move(r));
  }

  void Write(Response&& response) {
    auto shared = std::make_shared<Response>(std::move(response));
    const bool keep_alive = shared->keep_alive();
    stream_.expires_after(state_->limits.read_timeout);
    http::async_write(stream_, *shared, [self = shared_from_this(), shared, keep_alive](beast::error_code ec, size_t) {
      if (ec || !keep_alive) return self->Close();
      self->Read();
    });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<Server::State> state_;
  size_t served_ = 0;
  bool idle_ = false;
  bool closing_ = false;
};

namespace {

void Accept(const std::shared_ptr<Server::State>& state) {
  state->acceptor.async_accept(asio::make_strand(state->io), [state](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !state->acceptor.is_open()) return;
    if (!ec) {
      const size_t open = ++state->connections;
      auto session = std::make_shared<Session>(std::move(socket), state);
      if (open > state->limits.max_connections) {
        session->Refuse();
      } else {
        {
          std::lock_guard lock(state->sessions_mutex);
          // Forget sessions that have ended, so the list stays bounded.
          std::erase_if(state->sessions, [](const std::weak_ptr<Session>& s) { return s.expired(); });
          state->sessions.push_back(session);
        }
        session->Run();
      }
    }
    Accept(state);
  });
}

}  // namespace

Server::Server(asio::io_context& io, const tcp::endpoint& endpoint, IndexPool& index, ServerLimits limits)
    : state_(std::make_shared<State>(io, index, limits)) {
  auto& acceptor = state_->acceptor;
  acceptor.open(endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
}

Server::~Server() = default;

void Server::Start() {
  asio::dispatch(state_->acceptor.get_executor(), [state = state_] { Accept(state); });
}

void Server::Stop() {
  state_->stopping = true;
  asio::dispatch(state_->acceptor.get_executor(), [state = state_] {
    beast::error_code ec;
    state->acceptor.close(ec);
  });
  std::lock_guard lock(state_->sessions_mutex);
  for (auto& weak : state_->sessions) {
    if (auto session = weak.lock()) session->Shutdown();
  }
}

tcp::endpoint Server::local_endpoint() const {
  return state_->acceptor.local_endpoint();
}

}  // namespace cstd::searchd
