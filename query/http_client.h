// A minimal blocking HTTP/1.1 GET client (Boost.Beast), for cstd-query
// --server and the API tests. Inside cstd-searchd only for a searchd over
// shards asking each shard's searchd for its counts (searchd/shard_set.h),
// from a thread of its own per shard, never from the socket thread.

#ifndef CSTD_QUERY_HTTP_CLIENT_H_
#define CSTD_QUERY_HTTP_CLIENT_H_

#include <ostream>
#include <string>
#include <string_view>

namespace cstd::query {

struct HttpResult {
  int status = 0;
  std::string content_type;
  std::string body;
};

/// Splits "http://host:port" (a trailing '/' allowed) into host and port.
/// Throws UsageError naming `parameter` for anything else (https is not
/// spoken: searchd serves plain HTTP on a trusted network).
void ParseServerUrl(std::string_view parameter, std::string_view url, std::string* host, std::string* port);

/// GETs `target` ("/v1/search?q=...") from host:port with a 10 s deadline.
/// Throws cstd::Error naming the server when it cannot be reached.
HttpResult HttpGet(const std::string& host, const std::string& port, const std::string& target);

/// GETs `target` from host:port like HttpGet, but a 200's body goes to
/// `out` as it arrives, never whole in memory (an export). Returns the
/// status and content type, and the body of any other status. Each read
/// has the 10 s deadline. Throws cstd::Error naming the server when it
/// cannot be reached or the body breaks off.
HttpResult HttpGetTo(const std::string& host, const std::string& port, const std::string& target, std::ostream& out);

/// Percent-encodes `s` for a query-string value.
std::string UrlEncode(std::string_view s);

}  // namespace cstd::query

#endif  // CSTD_QUERY_HTTP_CLIENT_H_
