#include "model/index_layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "model/errors.h"
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

void WriteCurrentGeneration(const std::string& index_dir, const std::string& generation) {
  const std::string final_path = (fs::path(index_dir) / kCurrentFile).string();
  const std::string temp_path = final_path + ".tmp";
  {
    std::ofstream out(temp_path, std::ios::trunc);
    out << generation << '\n';
    out.flush();
    if (!out) ThrowErrno(temp_path);
  }
  FsyncPath(temp_path, O_RDONLY);
  if (std::rename(temp_path.c_str(), final_path.c_str()) != 0) ThrowErrno(final_path + ": rename");
  FsyncPath(index_dir, O_RDONLY | O_DIRECTORY);
}

void CheckSchemaVersion(const Xapian::Database& db, const std::string& where) {
  const std::string stored = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  if (stored != std::to_string(schema::kVersion)) {
    throw IndexError(where + ": index schema version " + (stored.empty() ? "(none)" : stored) +
                     ", this program reads version " + std::to_string(schema::kVersion) +
                     "; rebuild the index with cstd-indexer build --rebuild");
  }
}

Xapian::Database OpenIndex(const std::string& index_dir) {
  const auto generation = ReadCurrentGeneration(index_dir);
  if (!generation)
    throw IndexError(index_dir + ": no index here (no " + kCurrentFile + " file); build one with cstd-indexer build");
  const std::string path = (fs::path(index_dir) / *generation).string();
  try {
    Xapian::Database db(path);
    CheckSchemaVersion(db, path);
    return db;
  } catch (const Xapian::Error& e) {
    throw IndexError(path + ": cannot open index: " + e.get_msg());
  }
}

}  // namespace cstd
