// Points in time as the index and the API write them: RFC 3339 in UTC.

#ifndef CSTD_MODEL_TIMESTAMP_H_
#define CSTD_MODEL_TIMESTAMP_H_

#include <chrono>
#include <string>

namespace cstd {

/// `t` in UTC to the second, as RFC 3339 writes it: "2024-03-04T10:00:00Z".
/// Throws nothing but std::bad_alloc.
std::string UtcTimestamp(std::chrono::system_clock::time_point t);

}  // namespace cstd

#endif  // CSTD_MODEL_TIMESTAMP_H_
