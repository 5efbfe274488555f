#include "searchd/server.h"

#include <xapian.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <iomanip>
#include <iostream>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "searchd/framing.h"
#include "searchd/handler.h"

namespace cstd::searchd {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

// How far ahead of the request being answered we look for pipelined ones:
// enough for max_pipelined ordinary requests (a few hundred bytes each);
// a client sending bigger ones is held back by TCP flow control instead,
// since we read no further until we have answered.
constexpr size_t kPipelineLookaheadBytes = 64 * 1024;

// After answering with "Connection: close" we stop sending and read (and
// discard) what the client still sends, for at most this long, before
// closing. Closing a socket with unread input makes the kernel send a reset,
// which can destroy the response we just wrote before the client reads it --
// a 429 to a pipelining client would be lost exactly that way.
constexpr std::chrono::seconds kLingerTimeout{1};

}  // namespace

class Session;

struct Server::State {
  asio::io_context& io;
  asio::thread_pool::executor_type workers;
  tcp::acceptor acceptor;
  IndexPool& index;
  ServerLimits limits;
  Metrics metrics{EndpointLabels()};
  std::atomic<size_t> connections{0};
  // Requests admitted (queued for a worker or running); at most
  // limits.max_inflight.
  std::atomic<size_t> inflight{0};
  std::atomic<bool> stopping{false};
  std::mutex sessions_mutex;
  std::vector<std::weak_ptr<Session>> sessions;

  State(asio::io_context& io_, asio::thread_pool::executor_type workers_, IndexPool& index_, ServerLimits limits_)
      : io(io_), workers(workers_), acceptor(asio::make_strand(io_)), index(index_), limits(limits_) {}
};

// One connection: read a request, answer it, repeat while keep-alive.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, std::shared_ptr<Server::State> state)
      : stream_(std::move(socket)), state_(std::move(state)) {
    state_->metrics.ConnectionOpened();
  }

  ~Session() {
    --state_->connections;
    state_->metrics.ConnectionClosed();
  }

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
      self->Answer(self->Overloaded(11, "too many connections; retry shortly"), kOtherEndpoint, "overloaded",
                   Clock::now(), /*keep_alive=*/false);
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
    const auto start = Clock::now();
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset) {
      return Close();
    }
    if (ec == http::error::header_limit) {
      return Fail(http::status::request_header_fields_too_large, "header_too_large",
                  "request headers exceed " + std::to_string(state_->limits.header_limit) + " bytes", start);
    }
    if (ec == http::error::body_limit) {
      return Fail(http::status::payload_too_large, "body_too_large",
                  "request body exceeds " + std::to_string(state_->limits.body_limit) + " bytes", start);
    }
    if (ec) return Fail(http::status::bad_request, "bad_request", "malformed HTTP request: " + ec.message(), start);

    ++received_;
    const Request& request = parser_->get();
    // Smuggling shapes the parser let through: refused, and the connection
    // closed unread, so whatever the client hid behind is never parsed.
    if (const auto problem = FramingProblem(request.base(), parser_->chunked())) {
      return Fail(http::status::bad_request, "bad_request", "malformed HTTP request: " + *problem, start);
    }
    const std::string_view target(request.target().data(), request.target().size());
    const std::string_view endpoint = EndpointOf(target);
    const unsigned version = request.version();
    const bool keep_alive = request.keep_alive();

    if (target.size() > state_->limits.target_limit) {
      return Answer(ErrorResponse(http::status::uri_too_long, "uri_too_long",
                                  "request target exceeds " + std::to_string(state_->limits.target_limit) + " bytes",
                                  version, keep_alive),
                    endpoint, "uri_too_long", start, keep_alive);
    }
    if (OverPipelined()) {
      Response r = ErrorResponse(http::status::too_many_requests, "too_many_requests",
                                 "more than " + std::to_string(state_->limits.max_pipelined) +
                                     " requests pipelined on one connection; read the responses before sending more",
                                 version, false);
      r.set(http::field::retry_after, std::to_string(state_->limits.retry_after_seconds));
      return Answer(std::move(r), endpoint, "too_many_requests", start, false);
    }
    // Admission: one atomic increment on the I/O thread, so refusing costs
    // next to nothing when the workers are saturated.
    if (state_->inflight.fetch_add(1) >= state_->limits.max_inflight) {
      --state_->inflight;
      return Answer(Overloaded(version, "the server is busy; retry shortly"), endpoint, "overloaded", start,
                    keep_alive);
    }
    state_->metrics.RequestStarted();
    // The work guard keeps io.run() from returning (during a drain) while
    // the request is with a worker and no I/O is pending for this session.
    asio::post(state_->workers, [self = shared_from_this(), start, work = asio::make_work_guard(state_->io)] {
      RequestInfo info;
      std::shared_ptr<Reply> reply;
      {
        // While the request runs the index pool's janitor leaves this
        // worker's generation alone; between requests it may release it.
        const IndexPool::Request in_request(self->state_->index);
        reply = std::make_shared<Reply>(
            HandleStreaming(self->parser_->get(), self->state_->index, self->state_->metrics, &info));
      }
      // A streamed body is made later, a chunk at a time, from a view of
      // the index of its own (IndexPool::OpenOwnView): the request leaves
      // the admission count now, as any other once answered.
      --self->state_->inflight;
      self->state_->metrics.RequestFinished();
      asio::post(self->stream_.get_executor(), [self, reply, info, start] {
        const bool wants_keep_alive = reply->response.keep_alive();
        self->Answer(std::move(reply->response), info.endpoint, info.error_code, start, wants_keep_alive, info.detail,
                     std::move(reply->stream));
      });
    });
  }

  // Whether this request is past the connection's pipelining bound. Pulls
  // what the client has already sent (up to kPipelineLookaheadBytes) into
  // our buffer and counts the request heads waiting behind this one.
  bool OverPipelined() {
    auto& socket = stream_.socket();
    beast::error_code ec;
    const size_t available = socket.available(ec);
    if (!ec && available > 0 && buffer_.size() < kPipelineLookaheadBytes) {
      const size_t want = std::min(available, kPipelineLookaheadBytes - buffer_.size());
      // Data is waiting, so this read returns at once.
      const size_t got = socket.read_some(buffer_.prepare(want), ec);
      if (!ec) buffer_.commit(got);
    }
    size_t waiting = 0;
    std::string_view data(static_cast<const char*>(buffer_.data().data()), buffer_.size());
    for (size_t at = data.find("\r\n\r\n"); at != std::string_view::npos; at = data.find("\r\n\r\n", at + 4)) {
      ++waiting;
    }
    // This request and `waiting` more are outstanding: the client may be
    // served up to max_pipelined of them, counted from this one.
    if (waiting >= state_->limits.max_pipelined) {
      refuse_from_ = std::min(refuse_from_, received_ + state_->limits.max_pipelined);
    }
    return received_ >= refuse_from_;
  }

  Response Overloaded(unsigned version, std::string_view message) const {
    Response r = ErrorResponse(http::status::service_unavailable, "overloaded", message, version, true);
    r.set(http::field::retry_after, std::to_string(state_->limits.retry_after_seconds));
    return r;
  }

  void Fail(http::status status, std::string_view code, const std::string& message, Clock::time_point start) {
    Answer(ErrorResponse(status, code, message, 11, false), kOtherEndpoint, code, start, false);
  }

  // Records, logs and writes `response`; the connection is kept open only
  // when `keep_alive` and the limits allow. `detail`, why a 5xx happened,
  // goes to the log even without request logging: an operator needs it, and
  // the answer does not carry it (see RequestInfo).
  //
  // With `body`, `response` is the head of a chunked body that `body` makes
  // (WriteStream); the latency recorded is the time to the head.
  void Answer(Response&& response, std::string_view endpoint, std::string_view error_code, Clock::time_point start,
              bool keep_alive, std::string_view detail = {}, std::unique_ptr<BodyStream> body = nullptr) {
    ++served_;
    if (!keep_alive || served_ >= state_->limits.max_requests_per_connection || closing_ || state_->stopping) {
      keep_alive = false;
    }
    response.keep_alive(keep_alive);
    const auto elapsed = Clock::now() - start;
    state_->metrics.RecordRequest(endpoint, response.result_int(), elapsed);
    if (!error_code.empty()) state_->metrics.RecordError(error_code);
    if (state_->limits.log_requests) {
      const double ms = std::chrono::duration<double, std::milli>(elapsed).count();
      std::ostringstream line;
      if (parser_ && parser_->is_header_done()) {
        line << parser_->get().method_string() << ' ' << parser_->get().target();
      } else {
        line << "- -";
      }
      line << ' ' << response.result_int() << ' ' << std::fixed << std::setprecision(2) << ms << "ms\n";
      std::cerr << line.str();
    }
    if (!detail.empty()) {
      std::cerr << "error: " + std::to_string(response.result_int()) + ": " + std::string(detail) + "\n";
    }
    if (body) return WriteStream(std::move(response), std::move(body));
    Write(std::move(response));
  }

  void Write(Response&& response) {
    auto shared = std::make_shared<Response>(std::move(response));
    const bool keep_alive = shared->keep_alive();
    stream_.expires_after(state_->limits.read_timeout);
    http::async_write(stream_, *shared, [self = shared_from_this(), shared, keep_alive](beast::error_code ec, size_t) {
      if (ec) return self->Close();
      if (!keep_alive) return self->Linger();
      self->Read();
    });
  }

  // Writes the head, then each piece of `body` as a chunk: a piece is made
  // on a worker (reading and formatting rows is work like a search, kept off
  // the I/O thread), written, and only then is the next one made, so one
  // piece at a time is in memory however slowly the client reads. Each write
  // has read_timeout to finish, so a client that stops reading is
  // disconnected. A piece that fails to be made ends the response without
  // its last chunk (the client sees it incomplete) and the connection.
  void WriteStream(Response&& head, std::unique_ptr<BodyStream> body) {
    auto shared = std::make_shared<Response>(std::move(head));
    auto serializer = std::make_shared<http::response_serializer<http::string_body>>(*shared);
    std::shared_ptr<BodyStream> source(std::move(body));
    const bool keep_alive = shared->keep_alive();
    stream_.expires_after(state_->limits.read_timeout);
    http::async_write_header(
        stream_, *serializer,
        [self = shared_from_this(), shared, serializer, source, keep_alive](beast::error_code ec, size_t) {
          if (ec) return self->Close();
          self->NextChunk(source, keep_alive);
        });
  }

  void NextChunk(std::shared_ptr<BodyStream> source, bool keep_alive) {
    asio::post(
        state_->workers, [self = shared_from_this(), source, keep_alive, work = asio::make_work_guard(state_->io)] {
          std::optional<std::string> piece;
          std::string failure;
          try {
            piece = source->Next();
          } catch (const Xapian::Error& e) {
            failure = "index error: " + e.get_description();
          } catch (const std::exception& e) {
            failure = e.what();
          }
          asio::post(self->stream_.get_executor(), [self, source, keep_alive, piece = std::move(piece), failure] {
            if (!failure.empty()) {
              std::cerr << "error: a streamed body ended early: " + failure + "\n";
              self->state_->metrics.RecordError("internal");
              return self->Close();
            }
            if (!piece) return self->EndChunks(keep_alive);
            auto data = std::make_shared<std::string>(std::move(*piece));
            self->stream_.expires_after(self->state_->limits.read_timeout);
            asio::async_write(self->stream_, http::make_chunk(asio::buffer(*data)),
                              [self, data, source, keep_alive](beast::error_code ec, size_t) {
                                if (ec) return self->Close();
                                self->NextChunk(source, keep_alive);
                              });
          });
        });
  }

  void EndChunks(bool keep_alive) {
    stream_.expires_after(state_->limits.read_timeout);
    asio::async_write(stream_, http::make_chunk_last(),
                      [self = shared_from_this(), keep_alive](beast::error_code ec, size_t) {
                        if (ec) return self->Close();
                        if (!keep_alive) return self->Linger();
                        self->Read();
                      });
  }

  // Half-closes and discards input until the client closes or
  // kLingerTimeout passes, then closes (see kLingerTimeout).
  void Linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    if (!lingering_) {
      lingering_ = true;
      stream_.expires_after(kLingerTimeout);
    }
    buffer_.consume(buffer_.size());
    stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code read_ec, size_t) {
      if (read_ec) return self->Close();
      self->Linger();
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
  size_t received_ = 0;  // requests read on this connection
  size_t served_ = 0;    // responses written (or being written)
  // The first request (counted as received_) answered 429 for pipelining.
  size_t refuse_from_ = std::numeric_limits<size_t>::max();
  bool idle_ = false;
  bool closing_ = false;
  bool lingering_ = false;
};

namespace {

void Accept(const std::shared_ptr<Server::State>& state) {
  state->acceptor.async_accept(asio::make_strand(state->io), [state](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !state->acceptor.is_open()) return;
    if (!ec) {
      // Responses go out whole in one write; Nagle's algorithm would only
      // hold a pipelined response back waiting for the client's delayed ACK.
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
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

Server::Server(asio::io_context& io, const tcp::endpoint& endpoint, IndexPool& index, ServerLimits limits) {
  if (limits.threads == 0) throw std::invalid_argument("ServerLimits::threads must be at least 1");
  if (limits.max_inflight == 0) throw std::invalid_argument("ServerLimits::max_inflight must be at least 1");
  if (limits.max_pipelined == 0) throw std::invalid_argument("ServerLimits::max_pipelined must be at least 1");
  workers_ = std::make_unique<asio::thread_pool>(limits.threads);
  state_ = std::make_shared<State>(io, workers_->get_executor(), index, limits);
  auto& acceptor = state_->acceptor;
  acceptor.open(endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  beast::error_code ec;
  acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    // The OS says only "bind: Address already in use"; the operator needs
    // to know which address.
    std::ostringstream where;
    where << endpoint;
    throw boost::system::system_error(ec, "cannot listen on " + where.str());
  }
}

Server::~Server() {
  // Workers may still be finishing a task (releasing its last reference to
  // a session); wait for them before the state they use goes away.
  workers_->join();
}

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

const Metrics& Server::metrics() const {
  return state_->metrics;
}

}  // namespace cstd::searchd
