// Metrics: counting, the histogram's buckets, bounded labels, the text
// exposition format, and recording from many threads at once.

#include "searchd/metrics.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <thread>

namespace cstd::searchd {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;

bool Contains(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

TEST(MetricsTest, CountsRequestsByEndpointAndStatus) {
  Metrics m({"/v1/search", "/v1/health"});
  m.RecordRequest("/v1/search", 200, milliseconds(1));
  m.RecordRequest("/v1/search", 200, milliseconds(1));
  m.RecordRequest("/v1/search", 400, milliseconds(1));
  m.RecordRequest("/v1/health", 200, milliseconds(1));
  EXPECT_EQ(m.RequestCount("/v1/search", 200), 2u);
  EXPECT_EQ(m.RequestCount("/v1/search", 400), 1u);
  EXPECT_EQ(m.RequestCount("/v1/health", 503), 0u);
  const std::string text = m.Render({});
  EXPECT_TRUE(Contains(text, "cstd_http_requests_total{endpoint=\"/v1/search\",status=\"200\"} 2")) << text;
  EXPECT_TRUE(Contains(text, "cstd_http_requests_total{endpoint=\"/v1/search\",status=\"400\"} 1")) << text;
  EXPECT_TRUE(Contains(text, "cstd_http_requests_total{endpoint=\"/v1/health\",status=\"200\"} 1")) << text;
  EXPECT_EQ(text.find("status=\"503\""), std::string::npos) << "zero counts are left out";
}

// Unknown paths and odd statuses must not create new series: a scanner
// probing random URLs would otherwise grow the metrics without bound.
TEST(MetricsTest, UnknownEndpointsAndStatusesStayBounded) {
  Metrics m({"/v1/search"});
  for (int i = 0; i < 1000; ++i) m.RecordRequest("/probe/" + std::to_string(i), 404, microseconds(10));
  m.RecordRequest("/v1/search", 999, microseconds(10));
  m.RecordRequest("/v1/search", 7, microseconds(10));
  EXPECT_EQ(m.RequestCount(kOtherEndpoint, 404), 1000u);
  EXPECT_EQ(m.RequestCount("/v1/search", 599), 1u);
  EXPECT_EQ(m.RequestCount("/v1/search", 100), 1u);
  const std::string text = m.Render({});
  EXPECT_TRUE(Contains(text, "cstd_http_requests_total{endpoint=\"other\",status=\"404\"} 1000")) << text;
  EXPECT_EQ(text.find("/probe/"), std::string::npos);
}

TEST(MetricsTest, HistogramBucketsAreCumulativeWithSumAndCount) {
  Metrics m({"/v1/search"});
  m.RecordRequest("/v1/search", 200, microseconds(500));  // exactly on a bound: le is "<="
  m.RecordRequest("/v1/search", 200, microseconds(700));
  m.RecordRequest("/v1/search", 200, milliseconds(20));
  m.RecordRequest("/v1/search", 200, milliseconds(3000));  // past the last bound: +Inf only
  const std::string text = m.Render({});
  const std::string b = "cstd_http_request_duration_seconds_bucket{endpoint=\"/v1/search\",le=";
  EXPECT_TRUE(Contains(text, b + "\"0.0005\"} 1")) << text;
  EXPECT_TRUE(Contains(text, b + "\"0.001\"} 2")) << text;
  EXPECT_TRUE(Contains(text, b + "\"0.01\"} 2")) << text;
  EXPECT_TRUE(Contains(text, b + "\"0.025\"} 3")) << text;
  EXPECT_TRUE(Contains(text, b + "\"1\"} 3")) << text;
  EXPECT_TRUE(Contains(text, b + "\"+Inf\"} 4")) << text;
  EXPECT_TRUE(Contains(text, "cstd_http_request_duration_seconds_count{endpoint=\"/v1/search\"} 4")) << text;
  EXPECT_TRUE(Contains(text, "cstd_http_request_duration_seconds_sum{endpoint=\"/v1/search\"} 3.0212")) << text;
  // Endpoints without requests have no histogram series.
  EXPECT_EQ(text.find("duration_seconds_count{endpoint=\"other\"}"), std::string::npos) << text;
}

TEST(MetricsTest, BucketsAreSortedAndLabelledAlike) {
  for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    EXPECT_EQ(std::stod(std::string(kLatencyBucketLabels[i])), kLatencyBuckets[i]);
    if (i > 0) {
      EXPECT_LT(kLatencyBuckets[i - 1], kLatencyBuckets[i]);
    }
  }
  EXPECT_EQ(kLatencyBuckets.front(), 0.0005);
  EXPECT_EQ(kLatencyBuckets.back(), 1.0);
}

TEST(MetricsTest, ErrorsByCodeAndUnknownCodesAsOther) {
  Metrics m({});
  m.RecordError("overloaded");
  m.RecordError("overloaded");
  m.RecordError("bad_request");
  m.RecordError("something new");
  const std::string text = m.Render({});
  EXPECT_TRUE(Contains(text, "cstd_http_errors_total{code=\"overloaded\"} 2")) << text;
  EXPECT_TRUE(Contains(text, "cstd_http_errors_total{code=\"bad_request\"} 1")) << text;
  EXPECT_TRUE(Contains(text, "cstd_http_errors_total{code=\"other\"} 1")) << text;
}

TEST(MetricsTest, GaugesAndIndexInfo) {
  Metrics m({});
  m.ConnectionOpened();
  m.ConnectionOpened();
  m.ConnectionClosed();
  m.RequestStarted();
  const std::string text = m.Render({"gen-000007", 4, 321});
  EXPECT_TRUE(Contains(text, "cstd_connections_open 1")) << text;
  EXPECT_TRUE(Contains(text, "cstd_http_requests_in_flight 1")) << text;
  EXPECT_TRUE(Contains(text, "cstd_index_generation_info{generation=\"gen-000007\"} 1")) << text;
  EXPECT_TRUE(Contains(text, "cstd_index_documents 4")) << text;
  EXPECT_TRUE(Contains(text, "cstd_index_passages 321")) << text;
}

TEST(MetricsTest, LabelValuesAreEscaped) {
  Metrics m({});
  const std::string text = m.Render({"a\"b\\c\nd", 0, 0});
  EXPECT_TRUE(Contains(text, "cstd_index_generation_info{generation=\"a\\\"b\\\\c\\nd\"} 1")) << text;
}

// Every line is a comment (# HELP / # TYPE) or a sample `name{labels} value`,
// and each metric's # TYPE comes before its samples.
TEST(MetricsTest, RenderIsValidTextExposition) {
  Metrics m({"/v1/search", "/v1/documents/{doc_id}"});
  m.RecordRequest("/v1/documents/{doc_id}", 404, milliseconds(2));
  m.RecordRequest("/v1/search", 200, milliseconds(2));
  m.RecordError("not_found");
  const std::string text = m.Render({"gen-000001", 1, 2});
  const std::regex sample(R"re(([a-z_]+)(\{[a-z_]+="(?:[^"\\]|\\.)*"(?:,[a-z_]+="(?:[^"\\]|\\.)*")*\})? [0-9.e+-]+)re");
  const std::regex type(R"(# TYPE ([a-z_]+) (counter|gauge|histogram))");
  std::istringstream in(text);
  std::string line;
  std::vector<std::string> typed;
  while (std::getline(in, line)) {
    std::smatch match;
    if (line.rfind("# HELP ", 0) == 0) continue;
    if (std::regex_match(line, match, type)) {
      typed.push_back(match[1]);
      continue;
    }
    ASSERT_TRUE(std::regex_match(line, match, sample)) << line;
    ASSERT_FALSE(typed.empty()) << line;
    EXPECT_EQ(std::string(match[1]).rfind(typed.back(), 0), 0u) << line << " after # TYPE " << typed.back();
  }
  EXPECT_EQ(text.back(), '\n');
}

// Recording from many threads at once loses nothing, and scraping meanwhile
// is safe (run under ThreadSanitizer/ASan in CI's sanitizer build).
TEST(MetricsTest, ConcurrentRecordingIsExact) {
  Metrics m({"/v1/search"});
  constexpr int kThreads = 8;
  constexpr int kPerThread = 20000;
  std::atomic<bool> done{false};
  std::thread scraper([&] {
    while (!done) {
      const std::string text = m.Render({"gen-000001", 1, 1});
      ASSERT_FALSE(text.empty());
    }
  });
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&m] {
      for (int i = 0; i < kPerThread; ++i) {
        m.RecordRequest("/v1/search", 200, microseconds(100 + i % 5000));
        m.RecordError("overloaded");
        m.ConnectionOpened();
        m.ConnectionClosed();
      }
    });
  }
  for (auto& t : threads) t.join();
  done = true;
  scraper.join();
  EXPECT_EQ(m.RequestCount("/v1/search", 200), uint64_t{kThreads} * kPerThread);
  const std::string text = m.Render({});
  EXPECT_TRUE(Contains(text, "cstd_http_errors_total{code=\"overloaded\"} " + std::to_string(kThreads * kPerThread)));
  EXPECT_TRUE(Contains(text, "cstd_http_request_duration_seconds_count{endpoint=\"/v1/search\"} " +
                                 std::to_string(kThreads * kPerThread)));
  EXPECT_TRUE(Contains(text, "cstd_connections_open 0"));
}

}  // namespace
}  // namespace cstd::searchd
