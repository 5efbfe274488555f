// Request framing the parser accepts but a server must refuse: the shapes
// of HTTP request smuggling (RFC 9112 section 6). Boost.Beast already
// refuses Content-Length beside Transfer-Encoding: chunked (either order)
// and two different Content-Lengths; what it lets through is checked here,
// once the header is read.

#ifndef CSTD_SEARCHD_FRAMING_H_
#define CSTD_SEARCHD_FRAMING_H_

#include <boost/beast/http.hpp>
#include <optional>
#include <string>

namespace cstd::searchd {

/// Why a request whose header `header` was parsed (`chunked`: the parser
/// found Transfer-Encoding ending in chunked) must be refused with 400 and
/// its connection closed, or nullopt when its framing is sound:
/// - a Transfer-Encoding whose last coding is not chunked: the body's end
///   cannot be known (RFC 9112 6.3), and a proxy in front may read it
///   otherwise than we do;
/// - Transfer-Encoding together with Content-Length, in any order;
/// - Content-Length given more than once, even with equal values, in two
///   fields or as a list in one ("3, 3") (RFC 9112
///   allows merging equal ones; a proxy in front may not, and the API takes
///   no bodies, so nothing is lost by refusing).
/// Never throws.
std::optional<std::string> FramingProblem(const boost::beast::http::request_header<>& header, bool chunked);

}  // namespace cstd::searchd

#endif  // CSTD_SEARCHD_FRAMING_H_
