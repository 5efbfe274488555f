// A malformed archive: hundreds of bad files (truncated and encrypted PDFs,
// PDFs whose object streams are huge or loop, deeply nested or broken
// HTML, invalid UTF-8, NUL bytes, empty files, one line larger than the
// file size limit, symlink loops, unreadable files) beside good ones, and
// the check of what a build made of it: every bad file skipped with its
// reason, every good one indexed, peak memory within a bound, nothing
// stuck past the per-file time limit.
//
// Used by tests/malformed_archive_test.cc (a small archive, in CI) and
// cstd-malformed-archive (tools/malformed-archive: 200+ bad files and a
// 200 MB line).

#ifndef CSTD_TESTS_MALFORMED_ARCHIVE_H_
#define CSTD_TESTS_MALFORMED_ARCHIVE_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cstd::testing {

struct MalformedOptions {
  /// Each kind of bad file is written this many times, each copy varied by
  /// its number (where the damage falls, how deep the nesting goes).
  int copies = 1;
  /// The size of the file that is one line of text, in MB: past the
  /// indexer's 64 MB file limit, so refused before it is read.
  int huge_line_mb = 65;
  /// Files no one may read (mode 000); the build must then run as a user
  /// the mode binds (RunMalformedBuild drops root).
  bool unreadable = true;
};

/// One file of the archive and what a build must make of it.
struct ExpectedFile {
  std::string path;  // absolute
  std::string kind;  // "pdf-truncated", "good-text", ...
  bool good = false;
  /// For a bad file: the skip reason must contain one of these.
  std::vector<std::string> reasons;
  /// For a good file: a word only it holds, to find it in the index.
  std::string unique_word;
};

/// Writes the archive into `folder` (created) and returns every file in it
/// with what is expected of it.
std::vector<ExpectedFile> WriteMalformedArchive(const std::filesystem::path& folder, const MalformedOptions& options);

struct MalformedReport {
  int exit_code = -1;
  size_t bad = 0, bad_reported = 0;
  size_t good = 0, good_indexed = 0;
  size_t timed_out = 0;               // files skipped for the per-file time limit
  long peak_memory_mb = -1;           // as the build's summary gives it
  double seconds = 0;                 // the whole build
  std::vector<std::string> failures;  // one line per file not as expected
  std::string build_output;           // the build's stderr
  /// "N bad files, all reported (K kinds: ...); G good, all indexed; ..."
  std::string Summary() const;
};

/// Runs `cstd-indexer build --rebuild --index INDEX ARCHIVE` over an archive
/// WriteMalformedArchive wrote (as the unprivileged user nobody when run as
/// root, so that unreadable files are unreadable; the folders are then
/// handed to nobody), and checks the summary and the index against
/// `expected`. `extra` goes to the build's command line.
MalformedReport RunMalformedBuild(const std::filesystem::path& archive, const std::filesystem::path& index,
                                  const std::vector<ExpectedFile>& expected,
                                  const std::vector<std::string>& extra = {});

}  // namespace cstd::testing

#endif  // CSTD_TESTS_MALFORMED_ARCHIVE_H_
