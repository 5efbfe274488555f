#include "searchd/metrics.h"

#include <algorithm>
#include <cstdio>

namespace cstd::searchd {

namespace {

// Statuses are counted in a fixed array indexed by status - kFirstStatus:
// every valid HTTP status has its slot, so recording needs no lock and no
// allocation, and the label set cannot grow past 500 per endpoint.
constexpr unsigned kFirstStatus = 100;
constexpr unsigned kLastStatus = 599;
constexpr size_t kStatusSlots = kLastStatus - kFirstStatus + 1;

// Prometheus label values escape backslash, double quote and newline.
std::string EscapeLabel(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string Seconds(uint64_t nanoseconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", static_cast<double>(nanoseconds) / 1e9);
  return buffer;
}

void Header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

}  // namespace

struct Metrics::Endpoint {
  std::string label;
  std::array<std::atomic<uint64_t>, kStatusSlots> statuses{};
  // Per bucket, not cumulative (each observation touches one slot); the
  // last slot is +Inf. Rendering accumulates.
  std::array<std::atomic<uint64_t>, kLatencyBuckets.size() + 1> buckets{};
  std::atomic<uint64_t> sum_nanoseconds{0};

  explicit Endpoint(std::string_view l) : label(l) {}
};

Metrics::Metrics(const std::vector<std::string_view>& endpoints) {
  for (std::string_view e : endpoints) {
    if (EndpointIndex(e) == endpoints_.size()) endpoints_.push_back(std::make_unique<Endpoint>(e));
  }
  if (EndpointIndex(kOtherEndpoint) == endpoints_.size()) {
    endpoints_.push_back(std::make_unique<Endpoint>(kOtherEndpoint));
  }
}

Metrics::~Metrics() = default;

// Returns endpoints_.size() when `endpoint` is unknown. A linear scan: the
// route table has a handful of entries, fewer than a hash would pay off for.
size_t Metrics::EndpointIndex(std::string_view endpoint) const {
  for (size_t i = 0; i < endpoints_.size(); ++i) {
    if (endpoints_[i]->label == endpoint) return i;
  }
  return endpoints_.size();
}

void Metrics::RecordRequest(std::string_view endpoint, unsigned status, std::chrono::nanoseconds duration) {
  size_t index = EndpointIndex(endpoint);
  if (index == endpoints_.size()) index = EndpointIndex(kOtherEndpoint);
  Endpoint& e = *endpoints_[index];
  status = std::clamp(status, kFirstStatus, kLastStatus);
  e.statuses[status - kFirstStatus].fetch_add(1, std::memory_order_relaxed);

  const double seconds = std::chrono::duration<double>(duration).count();
  const auto bucket = std::lower_bound(kLatencyBuckets.begin(), kLatencyBuckets.end(), seconds);
  e.buckets[static_cast<size_t>(bucket - kLatencyBuckets.begin())].fetch_add(1, std::memory_order_relaxed);
  e.sum_nanoseconds.fetch_add(static_cast<uint64_t>(std::max<int64_t>(0, duration.count())), std::memory_order_relaxed);
}

void Metrics::RecordError(std::string_view code) {
  const auto it = std::find(kErrorCodes.begin(), kErrorCodes.end(), code);
  const size_t index = it == kErrorCodes.end() ? kErrorCodes.size() - 1 : static_cast<size_t>(it - kErrorCodes.begin());
  errors_[index].fetch_add(1, std::memory_order_relaxed);
}

uint64_t Metrics::RequestCount(std::string_view endpoint, unsigned status) const {
  const size_t index = EndpointIndex(endpoint);
  if (index == endpoints_.size() || status < kFirstStatus || status > kLastStatus) return 0;
  return endpoints_[index]->statuses[status - kFirstStatus].load(std::memory_order_relaxed);
}

std::string Metrics::Render(const IndexSnapshot& index) const {
  std::string out;
  out.reserve(4096);

  Header(out, "cstd_http_requests_total", "counter", "HTTP requests answered, by route pattern and status.");
  for (const auto& e : endpoints_) {
    for (size_t s = 0; s < kStatusSlots; ++s) {
      const uint64_t n = e->statuses[s].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out.append("cstd_http_requests_total{endpoint=\"").append(EscapeLabel(e->label)).append("\",status=\"");
      out.append(std::to_string(kFirstStatus + s)).append("\"} ").append(std::to_string(n)).append("\n");
    }
  }

  Header(out, "cstd_http_request_duration_seconds", "histogram",
         "Time from a request's arrival to its response being ready, queueing included, by route pattern.");
  for (const auto& e : endpoints_) {
    // Read each bucket once so the cumulative counts, +Inf and _count agree
    // even while other threads record.
    std::array<uint64_t, kLatencyBuckets.size() + 1> counts;
    uint64_t total = 0;
    for (size_t b = 0; b < counts.size(); ++b) {
      counts[b] = e->buckets[b].load(std::memory_order_relaxed);
      total += counts[b];
    }
    if (total == 0) continue;
    const std::string label = "endpoint=\"" + EscapeLabel(e->label) + "\"";
    uint64_t cumulative = 0;
    for (size_t b = 0; b < counts.size(); ++b) {
      cumulative += counts[b];
      const std::string_view le = b < kLatencyBucketLabels.size() ? kLatencyBucketLabels[b] : "+Inf";
      out.append("cstd_http_request_duration_seconds_bucket{").append(label).append(",le=\"").append(le);
      out.append("\"} ").append(std::to_string(cumulative)).append("\n");
    }
    out.append("cstd_http_request_duration_seconds_sum{").append(label).append("} ");
    out.append(Seconds(e->sum_nanoseconds.load(std::memory_order_relaxed))).append("\n");
    out.append("cstd_http_request_duration_seconds_count{").append(label).append("} ");
    out.append(std::to_string(total)).append("\n");
  }

  Header(out, "cstd_http_errors_total", "counter", "Error responses, by the code of their JSON error body.");
  for (size_t i = 0; i < kErrorCodes.size(); ++i) {
    const uint64_t n = errors_[i].load(std::memory_order_relaxed);
    if (n == 0) continue;
    out.append("cstd_http_errors_total{code=\"").append(kErrorCodes[i]).append("\"} ");
    out.append(std::to_string(n)).append("\n");
  }

  Header(out, "cstd_connections_open", "gauge", "Open client connections.");
  out.append("cstd_connections_open ")
      .append(std::to_string(connections_open_.load(std::memory_order_relaxed)))
      .append("\n");
  Header(out, "cstd_http_requests_in_flight", "gauge", "Requests admitted and not yet answered (queued or running).");
  out.append("cstd_http_requests_in_flight ")
      .append(std::to_string(requests_in_flight_.load(std::memory_order_relaxed)))
      .append("\n");

  Header(out, "cstd_index_generation_info", "gauge", "The index generation being served (always 1).");
  out.append("cstd_index_generation_info{generation=\"").append(EscapeLabel(index.generation)).append("\"} 1\n");
  Header(out, "cstd_index_documents", "gauge", "Documents in the index being served.");
  out.append("cstd_index_documents ").append(std::to_string(index.documents)).append("\n");
  Header(out, "cstd_index_passages", "gauge", "Passages (paragraphs) in the index being served.");
  out.append("cstd_index_passages ").append(std::to_string(index.passages)).append("\n");
  return out;
}

}  // namespace cstd::searchd
