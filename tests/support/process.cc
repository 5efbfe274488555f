#include "tests/support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace cstd::testing {

namespace {

std::vector<char*> Argv(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

void ReadAll(int fd, std::string* out) {
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0) out->append(buffer, static_cast<size_t>(n));
}

int ExitCode(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::string ProgramPath(const std::string& name) {
  return std::string(CSTD_BIN_DIR) + "/" + name;
}

RunResult RunCommand(const std::vector<std::string>& args) {
  int out_pipe[2], err_pipe[2];
  if (::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    auto argv = Argv(args);
    ::execv(argv[0], argv.data());
    std::_Exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  RunResult result;
  // Drain both pipes without deadlocking on a full one.
  std::thread err_reader([&] { ReadAll(err_pipe[0], &result.err); });
  ReadAll(out_pipe[0], &result.out);
  err_reader.join();
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = ExitCode(status);
  return result;
}

RunResult BuildIndex(const std::string& index_dir, const std::string& source) {
  return RunCommand({ProgramPath("cstd-indexer"), "build", "--index", index_dir, source});
}

ServerProcess::ServerProcess(const std::string& index_dir, const std::vector<std::string>& extra) {
  int out_pipe[2];
  if (::pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> args = {ProgramPath("cstd-searchd"), "--no-log"};
  if (std::find(extra.begin(), extra.end(), "--listen") == extra.end()) args.insert(args.end(), {"--listen", "127.0.0.1:0"});
  if (!index_dir.empty()) args.insert(args.end(), {"--index", index_dir});
  args.insert(args.end(), extra.begin(), extra.end());
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::close(out_pipe[0]);
    auto argv = Argv(args);
    ::execv(argv[0], argv.data());
    std::_Exit(127);
  }
  ::close(out_pipe[1]);
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{out_pipe[0], POLLIN, 0};
    if (::poll(&p, 1, 200) <= 0) continue;
    char c;
    if (::read(out_pipe[0], &c, 1) != 1) break;
    line.push_back(c);
  }
  ::close(out_pipe[0]);
  const std::string prefix = "listening on http://";
  const size_t at = line.find(prefix);
  const size_t colon = line.rfind(':');
  if (at == std::string::npos || colon == std::string::npos || colon < at + prefix.size()) {
    Terminate(2);
    throw std::runtime_error("cstd-searchd did not start: '" + line + "'");
  }
  host_ = line.substr(at + prefix.size(), colon - at - prefix.size());
  port_ = line.substr(colon + 1, line.find('\n') - colon - 1);
}

ServerProcess::~ServerProcess() {
  Terminate();
}

int ServerProcess::Terminate(int timeout_seconds) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return ExitCode(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return -1;
}

ChildProcess::ChildProcess(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  // The environment is made before fork: after it, only exec is safe.
  std::vector<std::string> entries;
  for (char** e = environ; *e; ++e) entries.emplace_back(*e);
  entries.insert(entries.end(), env.begin(), env.end());
  auto envp = Argv(entries);
  auto argv = Argv(args);
  pid_ = ::fork();
  if (pid_ == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    ::execve(argv[0], argv.data(), envp.data());
    std::_Exit(127);
  }
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

void ChildProcess::Kill(int signal) {
  if (pid_ > 0) ::kill(pid_, signal);
}

int ChildProcess::Wait() {
  if (pid_ <= 0) return ended_;
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFSIGNALED(status) ? -WTERMSIG(status) : ExitCode(status);
}

bool ChildProcess::WaitUntilStopped() {
  if (pid_ <= 0) return false;
  int status = 0;
  while (::waitpid(pid_, &status, WUNTRACED) < 0) {
    if (errno != EINTR) return false;
  }
  if (WIFSTOPPED(status)) return true;
  pid_ = -1;
  ended_ = WIFSIGNALED(status) ? -WTERMSIG(status) : ExitCode(status);
  return false;
}

}  // namespace cstd::testing
