#include "tests/support/temp_dir.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace cstd::test_support {

namespace fs = std::filesystem;

TempDir::TempDir(std::string_view tag) {
  std::random_device random;
  path_ = (fs::temp_directory_path() /
           ("cstd-" + std::string(tag) + "-" + std::to_string(::getpid()) + "-" + std::to_string(random())))
              .string();
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::Path(std::string_view name) const {
  return (fs::path(path_) / name).string();
}

std::string TempDir::Write(std::string_view name, std::string_view bytes) const {
  const std::string path = Path(name);
  WriteFile(path, bytes);
  return path;
}

void WriteFile(const std::string& path, std::string_view bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) throw std::runtime_error(path + ": cannot write");
}

std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace cstd::test_support
