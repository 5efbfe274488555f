// cstd-search-bench: in-process search latency over a fixed query set.
//
//   build/bin/cstd-search-bench --index DIR [--queries tools/bench/queries/search.tsv] [--runs N]
//                               [--warmup N] [--facet-budget-ms MS] [--json]
//
// Each query is parsed exactly as cstd-searchd parses /v1/search parameters,
// run a few times to warm the caches, then --runs times; the report gives
// p50, p99 and max by query class, and the hit count of each query. With
// --json the report is one JSON object instead (tools/bench/run reads it):
// {"queries": [{"class", "params", "hits", "times_ms": [...], "p50_ms",
// "p99_ms", "max_ms", "facets": {"country": {"BRA": 12, ...}, ...}}, ...],
// "classes": {"faceted": {"p50_ms", "p99_ms", "max_ms"}, ...}}.

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>

#include "model/errors.h"
#include "model/index_layout.h"
#include "model/program.h"
#include "query/api_json.h"
#include "query/searcher.h"
#include "searchd/handler.h"

namespace {

using cstd::json::Member;

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  return v[i];
}

// Starts an object and writes p50_ms, p99_ms and max_ms of `times` into it.
void WriteStats(cstd::JsonWriter& w, const std::vector<double>& times) {
  w.StartObject();
  Member(w, "p50_ms", Percentile(times, 0.5));
  Member(w, "p99_ms", Percentile(times, 0.99));
  Member(w, "max_ms", times.empty() ? 0 : *std::max_element(times.begin(), times.end()));
}

void WriteQuery(cstd::JsonWriter& w, const std::string& query_class, const std::string& params,
                const cstd::query::SearchResult& result, const std::vector<double>& times) {
  WriteStats(w, times);
  Member(w, "class", query_class);
  Member(w, "params", params);
  Member(w, "hits", result.total);
  w.Key("times_ms");
  w.StartArray();
  for (double t : times) w.Double(t);
  w.EndArray();
  w.Key("facets");
  w.StartObject();
  for (const auto& facet : result.facets) {
    w.Key(std::string(cstd::query::FacetName(facet.field)).c_str());
    w.StartObject();
    for (const auto& v : facet.values) {
      w.Key(v.value.c_str());
      w.Uint64(v.count);
    }
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Measures in-process search latency over a fixed query set.", "cstd-search-bench"};
  std::string index, queries = "tools/bench/queries/search.tsv";
  int runs = 50;
  int warmup = 3;
  bool as_json = false;
  bool one_thread = false;
  cstd::query::SearchLimits limits;
  app.add_option("--index", index, "Index folder")->required();
  app.add_option("--queries", queries, "Query set (class TAB parameters)")->capture_default_str();
  app.add_option("--runs", runs, "Timed runs of each query")->check(CLI::Range(1, 100000))->capture_default_str();
  app.add_option("--warmup", warmup, "Untimed runs of each query first (at least one)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--facet-budget-ms", limits.facet_budget_ms, "As cstd-searchd --facet-budget-ms")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_flag("--one-thread", one_thread,
               "Count facets on the searching thread always (no counting thread, as cstd-searchd under load)");
  app.add_flag("--json", as_json, "Print one JSON object (times of every run, hits, facet counts)");
  return cstd::RunProgram(app, argc, argv, [&]() {
    std::ifstream in(queries);
    if (!in) throw cstd::UsageError("--queries", queries + ": cannot read");
    // As cstd-searchd opens it: a second handle for the counting thread.
    std::optional<Xapian::Database> counting;
    if (!one_thread) counting = cstd::OpenIndex(index);
    const cstd::query::Searcher searcher(cstd::OpenIndex(index), limits, std::move(counting));
    std::map<std::string, std::vector<double>> by_class;
    rapidjson::StringBuffer buffer;
    cstd::JsonWriter w(buffer);
    w.StartObject();
    w.Key("queries");
    w.StartArray();
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      const size_t tab = line.find('\t');
      if (tab == std::string::npos) throw cstd::UsageError("--queries", queries + ": no tab in '" + line + "'");
      const std::string query_class = line.substr(0, tab);
      cstd::searchd::Params params;
      cstd::searchd::ParseTarget("/v1/search?" + line.substr(tab + 1), &params);
      const cstd::query::SearchRequest request = cstd::searchd::ParseSearchParams(params);
      cstd::query::SearchResult last = searcher.Search(request);
      for (int i = 1; i < warmup; ++i) last = searcher.Search(request);
      std::vector<double> times;
      for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const auto result = searcher.Search(request);
        // Serialising is part of the cost a client sees.
        const std::string json = cstd::query::SearchResultToJson(result);
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      }
      by_class[query_class].insert(by_class[query_class].end(), times.begin(), times.end());
      if (as_json) {
        WriteQuery(w, query_class, line.substr(tab + 1), last, times);
      } else {
        std::cout << query_class << "\t" << line.substr(tab + 1) << "\thits " << last.total << "\tp50 "
                  << Percentile(times, 0.5) << " ms\n";
      }
    }
    if (as_json) {
      w.EndArray();
      w.Key("classes");
      w.StartObject();
      for (const auto& [name, times] : by_class) {
        w.Key(name.c_str());
        WriteStats(w, times);
        w.EndObject();
      }
      w.EndObject();
      w.EndObject();
      std::cout << buffer.GetString() << "\n";
      return cstd::kExitOk;
    }
    std::cout << "\nclass\tp50_ms\tp99_ms\tmax_ms\n";
    for (const auto& [name, times] : by_class) {
      std::cout << name << "\t" << Percentile(times, 0.5) << "\t" << Percentile(times, 0.99) << "\t"
                << *std::max_element(times.begin(), times.end()) << "\n";
    }
    return cstd::kExitOk;
  });
}
