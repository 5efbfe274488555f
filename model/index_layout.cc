#include "model/index_layout.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "model/errors.h"
#include "model/pause_point.h"
#include "model/schema.h"
#include "model/text.h"

namespace cstd {

namespace fs = std::filesystem;

std::optional<std::string> ReadCurrentGeneration(const std::string& index_dir) {
  const fs::path current = fs::path(index_dir) / kCurrentFile;
  std::error_code ec;
  if (!fs::exists(current, ec)) return std::nullopt;
  std::ifstream in(current);
  std::string generation;
  if (!in || !std::getline(in, generation)) {
    throw IndexError(current.string() + ": cannot read the index pointer");
  }
  generation = std::string(text::Trim(generation));
  if (generation.empty() || generation.find('/') != std::string::npos) {
    throw IndexError(current.string() + ": malformed index pointer '" + generation + "'");
  }
  if (!fs::is_directory(fs::path(index_dir) / generation, ec)) {
    throw IndexError(current.string() + ": names generation '" + generation + "', which is missing");
  }
  return generation;
}

namespace {

[[noreturn]] void ThrowErrno(const std::string& what) {
  throw IndexError(what + ": " + std::strerror(errno));
}

void FsyncPath(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) ThrowErrno(path);
  if (::fsync(fd) != 0) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    ThrowErrno(path + ": fsync");
  }
  ::close(fd);
}

}  // namespace

namespace {

// Replaces `index_dir`/`name` by `line` atomically (temp file, fsync,
// rename, fsync of the folder).
void ReplaceLineFile(const std::string& index_dir, const char* name, const std::string& line) {
  const std::string final_path = (fs::path(index_dir) / name).string();
  const std::string temp_path = final_path + kTempSuffix;
  {
    std::ofstream out(temp_path, std::ios::trunc);
    out << line << '\n';
    out.flush();
    if (!out) ThrowErrno(temp_path);
  }
  FsyncPath(temp_path, O_RDONLY);
  if (std::rename(temp_path.c_str(), final_path.c_str()) != 0) ThrowErrno(final_path + ": rename");
  FsyncPath(index_dir, O_RDONLY | O_DIRECTORY);
}

}  // namespace

void WriteCurrentGeneration(const std::string& index_dir, const std::string& generation) {
  ReplaceLineFile(index_dir, kCurrentFile, generation);
  // After CURRENT, which is the truth: a stub ahead of it would name a
  // generation that may never go live. A path relative to the stub's folder.
  try {
    ReplaceLineFile(index_dir, kXapianStubFile, "auto " + generation);
  } catch (const IndexError& e) {
    throw IndexError(std::string(e.what()) + " (CURRENT already names " + generation + ")");
  }
}

std::string GenerationName(unsigned number) {
  char name[32];
  std::snprintf(name, sizeof name, "gen-%06u", number);
  return name;
}

std::optional<unsigned> GenerationNumber(const std::string& name) {
  constexpr std::string_view kPrefix = "gen-";
  if (name.size() < kPrefix.size() + 6 || name.compare(0, kPrefix.size(), kPrefix) != 0) return std::nullopt;
  const auto number = text::ParseInt(std::string_view(name).substr(kPrefix.size()));
  if (!number || *number <= 0) return std::nullopt;
  return static_cast<unsigned>(*number);
}

std::string NextGenerationName(const std::string& index_dir) {
  unsigned last = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(index_dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.size() > std::strlen(kTempSuffix) && name.ends_with(kTempSuffix)) {
      name.resize(name.size() - std::strlen(kTempSuffix));
    }
    if (const auto n = GenerationNumber(name)) last = std::max(last, *n);
  }
  return GenerationName(last + 1);
}

std::string CreateWorkspace(const std::string& index_dir, const std::string& generation) {
  const fs::path work = fs::path(index_dir) / (generation + kTempSuffix);
  std::error_code ec;
  fs::remove_all(work, ec);
  fs::create_directories(work, ec);
  if (ec) throw IndexError(work.string() + ": cannot create: " + ec.message());
  return work.string();
}

BuildLock::BuildLock(const std::string& index_dir) {
  std::error_code ec;
  fs::create_directories(index_dir, ec);
  if (ec) throw IndexError(index_dir + ": cannot create index folder: " + ec.message());
  const std::string path = (fs::path(index_dir) / kBuildLockFile).string();
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) ThrowErrno(path + ": cannot create the build lock");
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int saved = errno;
    char pid[32] = {};
    const ssize_t n = ::pread(fd_, pid, sizeof pid - 1, 0);
    ::close(fd_);
    if (saved != EWOULDBLOCK) {
      errno = saved;
      ThrowErrno(path + ": cannot lock");
    }
    const std::string holder = n > 0 ? " (pid " + std::string(text::Trim(std::string_view(pid, n))) + ")" : "";
    throw IndexError(index_dir + ": another build" + holder + " holds this index; wait for it to finish");
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    // The pid is a courtesy for the message above; the lock is what counts.
  }
}

BuildLock::~BuildLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the flock
}

ReaderLease::ReaderLease(const std::string& index_dir, const std::string& generation) {
  const std::string path = (fs::path(index_dir) / generation / kReadersLockFile).string();
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ >= 0 && ::flock(fd_, LOCK_SH) != 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

ReaderLease::~ReaderLease() {
  if (fd_ >= 0) ::close(fd_);
}

std::vector<std::string> RemoveUnusedGenerations(const std::string& index_dir) {
  const auto live = ReadCurrentGeneration(index_dir);
  std::vector<std::string> held;
  std::vector<fs::path> entries;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(index_dir, ec)) entries.push_back(entry.path());
  std::sort(entries.begin(), entries.end());
  for (const fs::path& path : entries) {
    const std::string name = path.filename().string();
    if (name == live) continue;
    if (name.ends_with(kTempSuffix)) {
      fs::remove_all(path, ec);  // a half-built generation or pointer: debris
      continue;
    }
    if (!GenerationNumber(name) || !fs::is_directory(path, ec)) continue;
    const std::string lock = (path / kReadersLockFile).string();
    const int fd = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd);
      held.push_back(name);
      continue;
    }
    fs::remove_all(path, ec);
    if (fd >= 0) ::close(fd);
  }
  return held;
}

void CheckDatabase(const std::string& path) {
  try {
    const size_t errors = Xapian::Database::check(path, 0, nullptr);
    if (errors > 0) throw IndexError(path + ": " + std::to_string(errors) + " errors in the database");
    CheckSchemaVersion(Xapian::Database(path), path);
  } catch (const Xapian::Error& e) {
    throw IndexError(path + ": the database fails its check: " + e.get_msg());
  }
}

namespace {

void FsyncFolder(const fs::path& folder) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_regular_file(ec)) FsyncPath(entry.path().string(), O_RDONLY);
  }
  FsyncPath(folder.string(), O_RDONLY | O_DIRECTORY);
}

}  // namespace

std::vector<std::string> PublishGeneration(const std::string& index_dir, const std::string& ready,
                                           const std::string& name, double grace_seconds) {
  // Readers take a shared lock on this file; a build deletes an old
  // generation only once it can lock it exclusively.
  const fs::path lock = fs::path(ready) / kReadersLockFile;
  if (!fs::exists(lock)) std::ofstream(lock).flush();
  FsyncFolder(ready);
  const fs::path final_path = fs::path(index_dir) / name;
  std::error_code ec;
  fs::rename(ready, final_path, ec);
  if (ec) throw IndexError(final_path.string() + ": cannot move the new generation into place: " + ec.message());
  FsyncPath(index_dir, O_RDONLY | O_DIRECTORY);
  PausePoint("publish");
  // The switch. A crash before this rename leaves the old generation live
  // and the new folder for the next build to delete.
  WriteCurrentGeneration(index_dir, name);
  PausePoint("switched");
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(grace_seconds);
  for (;;) {
    std::vector<std::string> held = RemoveUnusedGenerations(index_dir);
    if (held.empty() || std::chrono::steady_clock::now() > end) return held;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

void CheckSchemaVersion(const Xapian::Database& db, const std::string& where) {
  const std::string stored = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  if (stored != std::to_string(schema::kVersion)) {
    throw IndexError(where + ": index schema version " + (stored.empty() ? "(none)" : stored) +
                     ", this program reads version " + std::to_string(schema::kVersion) +
                     "; rebuild the index with cstd-indexer build --rebuild");
  }
}

Xapian::Database OpenGeneration(const std::string& index_dir, const std::string& generation) {
  const std::string path = (fs::path(index_dir) / generation).string();
  try {
    Xapian::Database db(path);
    CheckSchemaVersion(db, path);
    return db;
  } catch (const Xapian::Error& e) {
    throw IndexError(path + ": cannot open index: " + e.get_msg());
  }
}

namespace {

std::string LiveGeneration(const std::string& index_dir) {
  const auto generation = ReadCurrentGeneration(index_dir);
  if (!generation)
    throw IndexError(index_dir + ": no index here (no " + kCurrentFile + " file); build one with cstd-indexer build");
  return *generation;
}

}  // namespace

Xapian::Database OpenIndex(const std::string& index_dir) {
  return OpenGeneration(index_dir, LiveGeneration(index_dir));
}

LeasedIndex OpenIndexLeased(const std::string& index_dir) {
  // A build may switch CURRENT and delete the generation we read between
  // reading its name and taking the lease: then the name is stale, and a
  // second look finds the new one.
  for (int attempt = 0;; ++attempt) {
    LeasedIndex out;
    out.generation = LiveGeneration(index_dir);
    out.lease = std::make_unique<ReaderLease>(index_dir, out.generation);
    if (attempt < 3 && ReadCurrentGeneration(index_dir) != out.generation) continue;
    out.db = OpenGeneration(index_dir, out.generation);
    return out;
  }
}

}  // namespace cstd
