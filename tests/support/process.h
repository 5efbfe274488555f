// Running the real programs from tests: a child process with captured
// stdout and stderr, and a server process that is stopped on destruction.

#ifndef CSTD_TESTS_SUPPORT_PROCESS_H_
#define CSTD_TESTS_SUPPORT_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace cstd::testing {

struct RunResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

/// Runs `argv` to completion and captures its output.
RunResult RunCommand(const std::vector<std::string>& argv);

/// The path of a built program ("cstd-indexer") in build/bin.
std::string ProgramPath(const std::string& name);

/// Runs `cstd-indexer build` of `source` into `index_dir`; returns its
/// result (exit code and output) for the caller to assert on.
RunResult BuildIndex(const std::string& index_dir, const std::string& source);

/// The project's sample archive and the shared CSTD corpus.
inline std::string SampleArchive() {
  return std::string(CSTD_SOURCE_DIR) + "/data/sample";
}
inline std::string SharedCorpus() {
  return std::string(CSTD_SHARED_DIR) + "/corpus/cstd";
}

/// A cstd-searchd running on a free loopback port.
class ServerProcess {
 public:
  /// Starts `cstd-searchd --index DIR --listen 127.0.0.1:0 EXTRA...` (no
  /// --index when DIR is empty: EXTRA says what to serve, e.g. --shards; no
  /// --listen 127.0.0.1:0 when EXTRA gives --listen, to serve on a port
  /// again after a restart) and waits (up to 20 s) for its "listening on http://HOST:PORT" line.
  explicit ServerProcess(const std::string& index_dir, const std::vector<std::string>& extra = {});
  ~ServerProcess();

  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  const std::string& host() const { return host_; }
  const std::string& port() const { return port_; }
  std::string url() const { return "http://" + host_ + ":" + port_; }

  /// Sends SIGTERM and waits up to `timeout_seconds`; returns the exit code,
  /// or -1 if it had to be killed.
  int Terminate(int timeout_seconds = 10);

 private:
  pid_t pid_ = -1;
  std::string host_;
  std::string port_;
};

/// What an API test suite serves: a temporary folder (its archive, and its
/// index at index()) and, once the suite has built the index and calls
/// Serve(), a cstd-searchd on a free loopback port over it. Made in a
/// suite's SetUpTestSuite and deleted in its TearDownTestSuite, which stops
/// the server and removes the folder.
class ServedIndex {
 public:
  ServedIndex() : temp_("api") {}
  ServedIndex(const ServedIndex&) = delete;
  ServedIndex& operator=(const ServedIndex&) = delete;

  /// The folder, and the index folder inside it.
  const std::string& path() const { return temp_.path(); }
  std::string index() const { return temp_.path() + "/index"; }

  /// Starts cstd-searchd over index() with the flags `extra` (see
  /// ServerProcess); throws what ServerProcess throws.
  void Serve(const std::vector<std::string>& extra = {}) { server_ = std::make_unique<ServerProcess>(index(), extra); }
  /// The server; Serve() must have been called.
  const ServerProcess& server() const { return *server_; }

 private:
  test_support::TempDir temp_;
  std::unique_ptr<ServerProcess> server_;  // destroyed first: stopped before the folder goes
};

/// A program running in the background with its output discarded, killed
/// (SIGKILL) on destruction if still running.
class ChildProcess {
 public:
  /// Starts `argv` with the environment of this process plus `env`
  /// ("NAME=value" each).
  explicit ChildProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  /// Sends `signal`.
  void Kill(int signal);
  /// Waits for the exit; returns the exit code, or -signal if a signal
  /// ended it.
  int Wait();
  /// Waits until the process stops itself (SIGSTOP, see
  /// model/pause_point.h) and returns true, or until it ends and returns
  /// false (Wait() then returns how it ended).
  bool WaitUntilStopped();

 private:
  pid_t pid_ = -1;
  int ended_ = 0;  // Wait()'s answer once WaitUntilStopped saw the end
};

/// Temporary folders and files: tests/support/temp_dir.h, shared with the
/// unit tests.
using test_support::ReadFileBytes;
using test_support::TempDir;
using test_support::WriteFile;

}  // namespace cstd::testing

#endif  // CSTD_TESTS_SUPPORT_PROCESS_H_
