#include "searchd/original.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "model/errors.h"
#include "model/text.h"
#include "query/http_client.h"

namespace cstd::searchd {

namespace {

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// How messages about the original of `doc_id`, named `file_name`, name it.
std::string WhichOriginal(const std::string& doc_id, const std::string& file_name) {
  return "the original of document '" + doc_id + "' (" + file_name + ")";
}

}  // namespace

Original DescribeOriginal(const std::string& doc_id, const IndexedFile& file) {
  Original original;
  original.file_name = std::filesystem::path(file.path).filename().string();
  const auto format = FormatOfPath(file.path);
  if (!format) throw NotFoundError(WhichOriginal(doc_id, original.file_name) + " is not in a format the indexer reads");
  original.format = *format;
  return original;
}

Original ReadOriginal(const std::string& doc_id, const IndexedFile& file) {
  Original original = DescribeOriginal(doc_id, file);
  const std::string which = WhichOriginal(doc_id, original.file_name);

  const FileDescriptor fd(::open(file.path.c_str(), O_RDONLY | O_CLOEXEC));
  const auto unreadable = [&](int error) {
    if (error == ENOENT || error == ENOTDIR) return NotFoundError(which + " is gone from disk since it was indexed");
    return NotFoundError(which + " cannot be read on the server: " + std::strerror(error));
  };
  if (fd.get() < 0) throw unreadable(errno);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) throw unreadable(errno);
  if (!S_ISREG(st.st_mode)) throw NotFoundError(which + " is no longer a file");
  const auto size = static_cast<uint64_t>(st.st_size);
  const std::string changed =
      which + " changed on disk since it was indexed; the next build of the index takes the new file";
  if (size != file.record.size) throw ConflictError(changed);
  // The indexer read no file past this size, so no indexed file is larger;
  // the check keeps a damaged record from making us read one.
  if (size > kMaxFileBytes) throw NotFoundError(which + " is larger than any file the indexer reads");

  original.bytes.resize(size);
  size_t got = 0;
  while (got < size) {
    const ssize_t n = ::read(fd.get(), original.bytes.data() + got, size - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw unreadable(errno);
    if (n == 0) break;  // shrunk while we read: the hash below refuses it
    got += static_cast<size_t>(n);
  }
  original.bytes.resize(got);
  if (ContentHash(original.bytes) != file.record.hash) throw ConflictError(changed);
  return original;
}

std::string InlineDisposition(std::string_view file_name) {
  std::string ascii;
  ascii.reserve(file_name.size());
  for (const char c : file_name) {
    const auto u = static_cast<unsigned char>(c);
    ascii.push_back(u < 0x20 || u >= 0x7f || c == '"' || c == '\\' ? '_' : c);
  }
  std::string out = "inline; filename=\"" + ascii + "\"";
  // A name that is not UTF-8 has no filename* form; the ASCII one stands.
  if (ascii != file_name && !text::FindInvalidUtf8(file_name)) {
    out += "; filename*=UTF-8''" + query::UrlEncode(file_name);
  }
  return out;
}

std::string OriginalEtag(const SourceRecord& record) {
  return "\"" + record.hash + "\"";
}

}  // namespace cstd::searchd
