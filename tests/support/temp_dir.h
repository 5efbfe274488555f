// Temporary folders and files for tests: every test that needs a folder on
// disk takes one from here, so a name never collides between tests, test
// binaries or concurrent ctest runs, and nothing is left behind. For tests
// only.

#ifndef CSTD_TESTS_SUPPORT_TEMP_DIR_H_
#define CSTD_TESTS_SUPPORT_TEMP_DIR_H_

#include <string>
#include <string_view>

namespace cstd::test_support {

/// A fresh, empty temporary folder, removed with all it holds on
/// destruction. Its name joins `tag` (for a human reading /tmp after a
/// crash), the process id and a random number, so two tests, two test
/// binaries or two ctest runs never share one. Throws
/// std::filesystem::filesystem_error when it cannot be made.
class TempDir {
 public:
  explicit TempDir(std::string_view tag = "test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// The folder's absolute path.
  const std::string& path() const { return path_; }

  /// `name` (a relative path) inside the folder.
  std::string Path(std::string_view name) const;

  /// Writes `bytes` to `name` inside the folder (replacing it, making its
  /// folders) and returns its path; throws std::runtime_error when it
  /// cannot.
  std::string Write(std::string_view name, std::string_view bytes) const;

 private:
  std::string path_;
};

/// Writes `bytes` to `path` (replacing it), creating its folders; throws
/// std::runtime_error when it cannot.
void WriteFile(const std::string& path, std::string_view bytes);

/// A whole file's bytes ("" when it cannot be read).
std::string ReadFileBytes(const std::string& path);

}  // namespace cstd::test_support

#endif  // CSTD_TESTS_SUPPORT_TEMP_DIR_H_
