// Serving while the index changes: client threads query a real cstd-searchd
// continuously while `cstd-indexer build` adds and replaces documents in the
// same index folder, several builds in a row, two of them rebuilds that
// switch to a new generation and delete the old one. Every request must succeed
// (200 with valid JSON), and what a build adds must be searchable within
// 2 seconds of the build's end, as the contract promises.

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "tests/support/process.h"
#include "tests/support/raw_http.h"

namespace cstd::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

uint64_t Total(const HttpResponse& r) {
  rapidjson::Document d;
  d.Parse(r.body.c_str());
  if (r.status != 200 || d.HasParseError() || !d.IsObject() || !d.HasMember("total")) return 0;
  return d["total"].GetUint64();
}

TEST(IndexChangeTest, ServesWithoutFailureWhileBuildsAddAndReplaceDocuments) {
  TempDir temp;
  const fs::path source = fs::path(temp.path()) / "archive";
  const std::string index = temp.path() + "/index";
  fs::create_directories(source);
  std::vector<fs::path> corpus;
  for (const auto& entry : fs::directory_iterator(SharedCorpus())) corpus.push_back(entry.path());
  std::sort(corpus.begin(), corpus.end());
  ASSERT_GE(corpus.size(), 3u);
  // Start from two of the corpus documents; the first is never touched.
  fs::copy_file(corpus[0], source / corpus[0].filename());
  fs::copy_file(corpus[1], source / corpus[1].filename());
  ASSERT_EQ(BuildIndex(index, source.string()).exit_code, 0);
  const std::string stable_doc = corpus[0].stem().string();
  ServerProcess server(index, {"--threads", "2"});

  // Clients: every endpoint, with searches heavy enough to overlap a commit.
  const std::vector<std::string> targets = {"/v1/search?q=development",
                                            "/v1/search?q=&per_page=50",
                                            "/v1/search?q=internet+governance&group=document",
                                            "/v1/health",
                                            "/v1/facets/country",
                                            "/v1/facets/speaker?prefix=a",
                                            "/v1/documents/" + stable_doc,
                                            "/v1/search?q=zqxmarker&sort=date_desc"};
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> requests{0};
  std::mutex failures_mutex;
  std::vector<std::string> failures;
  std::vector<std::thread> clients;
  // Stops and joins the clients however the test ends (a failed ASSERT
  // returns early; joinable threads would terminate the process).
  struct Joiner {
    std::atomic<bool>& stop;
    std::vector<std::thread>& threads;
    ~Joiner() {
      stop = true;
      for (auto& t : threads) {
        if (t.joinable()) t.join();
      }
    }
  } joiner{stop, clients};
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&, c] {
      for (size_t i = static_cast<size_t>(c); !stop; ++i) {
        const std::string& target = targets[i % targets.size()];
        std::string failure;
        try {
          const HttpResponse r = Get(server.host(), server.port(), target);
          rapidjson::Document d;
          d.Parse(r.body.c_str());
          if (r.status != 200) {
            failure = target + ": status " + std::to_string(r.status) + " " + r.body;
          } else if (d.HasParseError() || !d.IsObject()) {
            failure = target + ": invalid JSON: " + r.body.substr(0, 200);
          }
        } catch (const std::exception& e) {
          failure = e.what();
        }
        ++requests;
        if (!failure.empty()) {
          std::lock_guard lock(failures_mutex);
          failures.push_back(std::move(failure));
        }
      }
    });
  }

  // Builds: each adds a new document and replaces one, with marker words
  // found nowhere else.
  const char* kRounds[] = {"alpha", "bravo", "charlie", "delta", "echo"};
  const std::string original = ReadFile(corpus[1]);
  std::vector<double> visible_after;
  for (size_t round = 0; round < std::size(kRounds); ++round) {
    const std::string added = std::string("zqxadded") + kRounds[round];
    const std::string replaced = std::string("zqxreplaced") + kRounds[round];
    WriteFile(source / ("new-" + std::string(kRounds[round]) + ".txt"),
              ReadFile(corpus[2 + round % (corpus.size() - 2)]) + "\n\n99. The zqxmarker " + added + " paragraph.\n");
    WriteFile(source / corpus[1].filename(), original + "\n\n98. The zqxmarker " + replaced + " paragraph.\n");
    // Rounds 2 and 4 rebuild: a new generation, switched in while the
    // clients run, and the old folder deleted once searchd has left it.
    const bool rebuild = round % 2 == 1;
    const RunResult build =
        rebuild ? RunCommand({ProgramPath("cstd-indexer"), "build", "--rebuild", "--index", index, source.string()})
                : BuildIndex(index, source.string());
    ASSERT_EQ(build.exit_code, 0) << build.err;
    if (rebuild) {
      EXPECT_NE(build.err.find("new generation gen-00000" + std::to_string(2 + round / 2)), std::string::npos)
          << build.err;
      EXPECT_EQ(build.err.find("kept gen-"), std::string::npos) << "searchd still held the old generation\n"
                                                                << build.err;
    }
    const auto built = Clock::now();
    // Both changes must show within 2 s; the previous round's replaced
    // marker must be gone with them.
    bool seen = false;
    while (Clock::now() - built < std::chrono::seconds(3)) {
      const bool has_added = Total(Get(server.host(), server.port(), "/v1/search?q=" + added)) > 0;
      const bool has_replaced = Total(Get(server.host(), server.port(), "/v1/search?q=" + replaced)) > 0;
      if (has_added && has_replaced) {
        seen = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - built).count();
    ASSERT_TRUE(seen) << "round " << kRounds[round] << ": changes not visible after " << seconds << " s";
    EXPECT_LT(seconds, 2.0) << "round " << kRounds[round];
    visible_after.push_back(seconds);
    if (round > 0) {
      const std::string previous = std::string("zqxreplaced") + kRounds[round - 1];
      EXPECT_EQ(Total(Get(server.host(), server.port(), "/v1/search?q=" + previous)), 0u) << previous;
    }
  }
  // Keep querying a little after the last build, then stop.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  stop = true;
  for (auto& t : clients) t.join();

  std::ostringstream report;
  report << requests << " requests during " << std::size(kRounds) << " builds, " << failures.size()
         << " failed; changes visible after";
  for (double s : visible_after) report << ' ' << s << " s";
  std::cout << report.str() << "\n";
  EXPECT_GT(requests, 100u);
  EXPECT_TRUE(failures.empty()) << report.str() << "; first: " << failures.front();
  const HttpResponse health = Get(server.host(), server.port(), "/v1/health");
  rapidjson::Document d;
  d.Parse(health.body.c_str());
  EXPECT_EQ(d["index"]["documents"].GetUint64(), 2u + std::size(kRounds));
}

}  // namespace
}  // namespace cstd::testing
