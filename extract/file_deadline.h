// The per-file time limit of a build: reading and extracting one file may
// take at most FileTimeLimit() seconds; past it the file is skipped with
// that reason, as any file that cannot be read, and the build goes on. A
// hostile file (a PDF whose pages poppler takes ages over, HTML nested
// without end) costs the build at most this, never a hang.
//
// The limit is cooperative: the readers and extraction call
// CheckFileDeadline() between units of work (a PDF page, a few thousand
// HTML nodes or text lines), so a file is stopped at the first check past
// its deadline. One unit inside a library (poppler laying out one page) is
// not interrupted; it is bounded by the file's size (kMaxFileBytes).

#ifndef CSTD_EXTRACT_FILE_DEADLINE_H_
#define CSTD_EXTRACT_FILE_DEADLINE_H_

#include <string>

namespace cstd::extract {

/// The default limit: the largest real CSTD report (a few MB of PDF) is
/// read in a second or two, so a minute means a file that would never end.
inline constexpr double kDefaultFileTimeLimitSeconds = 60;

/// Sets the limit for every file read afterwards, process-wide
/// (cstd-indexer's --file-time-limit); 0 or less: no limit.
void SetFileTimeLimit(double seconds);
double FileTimeLimit();

/// Arms the calling thread's deadline for `path` for as long as it lives
/// (ExtractFile holds one per file). Nested scopes keep the outer deadline.
class FileDeadline {
 public:
  explicit FileDeadline(const std::string& path);
  ~FileDeadline();
  FileDeadline(const FileDeadline&) = delete;
  FileDeadline& operator=(const FileDeadline&) = delete;

 private:
  bool armed_ = false;
};

/// Throws InputError(path, "took longer than N s to read (the per-file time
/// limit, --file-time-limit)") when the calling thread's deadline has
/// passed; returns at once when none is armed.
void CheckFileDeadline();

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_FILE_DEADLINE_H_
