// The edge of every program: where typed errors become exit codes and one
// line on stderr, as the contract requires (0 success, 1 runtime failure,
// 2 usage error; no stack traces, no raw exception names).

#ifndef CSTD_MODEL_PROGRAM_H_
#define CSTD_MODEL_PROGRAM_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace cstd {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

/// The version string all three programs print for --version.
std::string VersionString(const std::string& program);

/// Adds --version to `app`, printing VersionString(program).
void AddVersionFlag(CLI::App& app, const std::string& program);

/// Parses the command line into `app` and runs `body`, converting what it
/// throws: CLI11 parse errors and UsageError exit 2, any other error exits 1,
/// each with one line "PROGRAM: message" on stderr. --help and --version
/// exit 0.
int RunProgram(CLI::App& app, int argc, char** argv, const std::function<int()>& body);

}  // namespace cstd

#endif  // CSTD_MODEL_PROGRAM_H_
