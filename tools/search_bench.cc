// cstd-search-bench: in-process search latency over a fixed query set.
//
//   build/bin/cstd-search-bench --index DIR [--queries tools/bench/queries/search.tsv] [--runs N]
//
// Each query is parsed exactly as cstd-searchd parses /v1/search parameters,
// run a few times to warm the caches, then --runs times; the report gives
// p50, p99 and max by query class, and the hit count of each query.

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>

#include "model/errors.h"
#include "model/index_layout.h"
#include "model/program.h"
#include "query/searcher.h"
#include "searchd/handler.h"

namespace {

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  return v[i];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Measures in-process search latency over a fixed query set.", "cstd-search-bench"};
  std::string index, queries = "tools/bench/queries/search.tsv";
  int runs = 50;
  constexpr int kWarmup = 3;
  app.add_option("--index", index, "Index folder")->required();
  app.add_option("--queries", queries, "Query set (class TAB parameters)")->capture_default_str();
  app.add_option("--runs", runs, "Timed runs of each query")->check(CLI::Range(1, 100000))->capture_default_str();
  return cstd::RunProgram(app, argc, argv, [&]() {
    std::ifstream in(queries);
    if (!in) throw cstd::UsageError("--queries", queries + ": cannot read");
    const cstd::query::Searcher searcher(cstd::OpenIndex(index));
    std::map<std::string, std::vector<double>> by_class;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      const size_t tab = line.find('\t');
      if (tab == std::string::npos) throw cstd::UsageError("--queries", queries + ": no tab in '" + line + "'");
      const std::string query_class = line.substr(0, tab);
      cstd::searchd::Params params;
      cstd::searchd::ParseTarget("/v1/search?" + line.substr(tab + 1), &params);
      const cstd::query::SearchRequest request = cstd::searchd::ParseSearchParams(params);
      size_t total = 0;
      for (int i = 0; i < kWarmup; ++i) total = searcher.Search(request).total;
      std::vector<double> times;
      for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const auto result = searcher.Search(request);
        // Serialising is part of the cost a client sees.
        const std::string json = cstd::query::SearchResultToJson(result);
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      }
      by_class[query_class].insert(by_class[query_class].end(), times.begin(), times.end());
      std::cout << query_class << "\t" << line.substr(tab + 1) << "\thits " << total << "\tp50 "
                << Percentile(times, 0.5) << " ms\n";
    }
    std::cout << "\nclass\tp50_ms\tp99_ms\tmax_ms\n";
    for (const auto& [name, times] : by_class) {
      std::cout << name << "\t" << Percentile(times, 0.5) << "\t" << Percentile(times, 0.99) << "\t"
                << *std::max_element(times.begin(), times.end()) << "\n";
    }
    return cstd::kExitOk;
  });
}
