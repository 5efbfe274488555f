// cstd-crash-test: the crash rounds of tests/crash_rounds.h, as many as
// asked (tools/crash-test runs 200), with one line per round and a
// summary. Exits 0 only when every round landed where it was sent and left
// the live index whole and served.
//
//   cstd-crash-test [--rounds N] [--seed S] [--copies C] [--disk-full-every K] [--work DIR]

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

#include "tests/crash_rounds.h"
#include "tests/support/process.h"

int main(int argc, char** argv) {
  cstd::testing::CrashRoundsOptions options;
  options.rounds = 200;
  std::string work;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--rounds") {
      options.rounds = std::atoi(value.c_str());
    } else if (flag == "--seed") {
      options.seed = static_cast<uint32_t>(std::strtoul(value.c_str(), nullptr, 10));
    } else if (flag == "--copies") {
      options.copies = std::atoi(value.c_str());
    } else if (flag == "--disk-full-every") {
      options.disk_full_every = std::atoi(value.c_str());
    } else if (flag == "--work") {
      work = value;
    } else {
      std::cerr << "cstd-crash-test: unknown flag " << flag << "\n";
      return 2;
    }
  }
  if (argc % 2 == 0 || options.rounds <= 0) {
    std::cerr << "usage: cstd-crash-test [--rounds N] [--seed S] [--copies C] [--disk-full-every K] [--work DIR]\n";
    return 2;
  }
  options.on_round = [](const std::string& line) { std::cout << line << std::endl; };
  std::optional<cstd::testing::TempDir> temp;
  if (work.empty()) {
    temp.emplace();
    work = temp->path();
  }
  const auto r = cstd::testing::RunCrashRounds(work, options);
  std::cout << "\ncrash test: " << r.rounds << " rounds (seed " << options.seed << "): " << r.killed
            << " builds killed at their pause point, " << r.disk_full << " disk-full builds refused cleanly, "
            << r.not_reached << " points not reached; " << r.corrupt << " corrupt, " << r.unserved << " unserved; "
            << r.final_folders << " generation folder(s) left after the closing builds\nkills by stage:";
  for (const auto& [stage, n] : r.kills_by_stage) std::cout << " " << stage << " " << n;
  std::cout << "\n";
  for (const auto& f : r.failures) std::cout << "FAILED " << f << "\n";
  const bool ok = r.failures.empty() && r.killed + r.disk_full == r.rounds;
  std::cout << (ok ? r.rounds : r.rounds - static_cast<int>(r.failures.size())) << " passed, "
            << (ok ? 0 : static_cast<int>(r.failures.size())) << " failed\n";
  return ok ? 0 : 1;
}
