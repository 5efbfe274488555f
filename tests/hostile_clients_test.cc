// Clients that attack the server rather than use it, against a real
// cstd-searchd on loopback: connections that send half a request and wait
// (slowloris), request smuggling shapes, and an address already taken.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/raw_http.h"

namespace cstd::testing {
namespace {

// A TCP connection to 127.0.0.1:`port`, or -1.
int Connect(const std::string& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(std::stoi(port)));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Waits until the server has closed each of `fds` (a read returns 0 or an
// error), at most `seconds` in all; returns how many it closed.
size_t WaitForServerToClose(const std::vector<int>& fds, int seconds) {
  std::vector<pollfd> open;
  for (int fd : fds) open.push_back({fd, POLLIN, 0});
  size_t closed = 0;
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (!open.empty()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    if (::poll(open.data(), open.size(), static_cast<int>(left.count())) <= 0) continue;
    std::vector<pollfd> still;
    for (const pollfd& p : open) {
      if (p.revents == 0) {
        still.push_back({p.fd, POLLIN, 0});
        continue;
      }
      char buffer[4096];
      const ssize_t n = ::recv(p.fd, buffer, sizeof buffer, 0);
      if (n <= 0) {
        ++closed;  // end of stream or reset: the server closed it
      } else {
        still.push_back({p.fd, POLLIN, 0});  // a response (408?) before the close
      }
    }
    open = std::move(still);
  }
  return closed;
}

TEST(HostileClientsTest, HalfRequestsAreClosedByTheReadDeadlineWhileOthersAreServed) {
  TempDir temp;
  const std::string index = temp.path() + "/index";
  ASSERT_EQ(BuildIndex(index, SampleArchive()).exit_code, 0);
  // A short deadline keeps the test short; the default is 15 s.
  ServerProcess server(index, {"--read-timeout", "2", "--max-connections", "600", "--no-log"});
  constexpr int kSlow = 500;
  std::vector<int> slow;
  for (int i = 0; i < kSlow; ++i) {
    const int fd = Connect(server.port());
    ASSERT_GE(fd, 0) << "connection " << i << ": " << std::strerror(errno);
    const std::string half = "GET /v1/search?q=data HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Ag";
    ASSERT_EQ(::send(fd, half.data(), half.size(), MSG_NOSIGNAL), static_cast<ssize_t>(half.size()));
    slow.push_back(fd);
  }
  // While the 500 hang on, everyone else is served.
  for (int i = 0; i < 20; ++i) {
    const HttpResponse r = Get(server.host(), server.port(), "/v1/search?q=internet");
    EXPECT_EQ(r.status, 200) << r.body;
  }
  // The deadline closes every one of them (the bound only guards a hang).
  EXPECT_EQ(WaitForServerToClose(slow, 120), static_cast<size_t>(kSlow));
  for (int fd : slow) ::close(fd);
  const HttpResponse after = Get(server.host(), server.port(), "/v1/health");
  EXPECT_EQ(after.status, 200) << after.body;
}

// Each shape hides a second request behind an ambiguous body: it must get
// one 400 and a closed connection, the hidden request never answered.
TEST(HostileClientsTest, RequestSmugglingShapesAreRefusedAndTheConnectionClosed) {
  TempDir temp;
  const std::string index = temp.path() + "/index";
  ASSERT_EQ(BuildIndex(index, SampleArchive()).exit_code, 0);
  ServerProcess server(index, {"--no-log"});
  const std::string hidden = "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
  struct Shape {
    const char* name;
    std::string head;  // the smuggling request's header fields
    std::string body;
  };
  const std::vector<Shape> shapes = {
      {"Content-Length, then Transfer-Encoding", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"},
      {"Transfer-Encoding, then Content-Length", "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", "0\r\n\r\n"},
      {"two equal Content-Lengths", "Content-Length: 3\r\nContent-Length: 3\r\n", "abc"},
      {"two different Content-Lengths", "Content-Length: 3\r\nContent-Length: 30\r\n", "abc"},
      {"Content-Length as a list", "Content-Length: 3, 3\r\n", "abc"},
      {"Transfer-Encoding gzip", "Transfer-Encoding: gzip\r\n", ""},
      {"Transfer-Encoding chunked, gzip", "Transfer-Encoding: chunked, gzip\r\n", ""},
      {"Transfer-Encoding identity", "Transfer-Encoding: identity\r\n", ""},
  };
  for (const Shape& shape : shapes) {
    const std::string raw = "POST /v1/search HTTP/1.1\r\nHost: x\r\n" + shape.head + "\r\n" + shape.body + hidden;
    const std::vector<HttpResponse> responses = SendRawUntilClosed(server.host(), server.port(), raw);
    ASSERT_EQ(responses.size(), 1u) << shape.name;
    EXPECT_EQ(responses[0].status, 400) << shape.name << ": " << responses[0].body;
    EXPECT_EQ(responses[0].Header("connection"), "close") << shape.name;
  }
  // The control: a sound request with the same follower gets both answered.
  const std::vector<HttpResponse> sound =
      SendRawUntilClosed(server.host(), server.port(),
                         "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/health HTTP/1.1\r\nHost: x\r\n"
                         "Connection: close\r\n\r\n");
  ASSERT_EQ(sound.size(), 2u);
  EXPECT_EQ(sound[0].status, 200);
  EXPECT_EQ(sound[1].status, 200);
}

TEST(HostileClientsTest, AnAddressAlreadyInUseIsNamed) {
  TempDir temp;
  const std::string index = temp.path() + "/index";
  ASSERT_EQ(BuildIndex(index, SampleArchive()).exit_code, 0);
  ServerProcess first(index, {"--no-log"});
  const std::string address = first.host() + ":" + first.port();
  const RunResult second = RunCommand({ProgramPath("cstd-searchd"), "--index", index, "--listen", address});
  EXPECT_EQ(second.exit_code, 1) << second.err;
  EXPECT_NE(second.err.find("cannot listen on " + address + ": Address already in use"), std::string::npos)
      << second.err;
}

}  // namespace
}  // namespace cstd::testing
