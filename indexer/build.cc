#include "indexer/build.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <sstream>

#include "indexer/extract.h"
#include "indexer/index_writer.h"
#include "indexer/reader.h"
#include "model/errors.h"

namespace cstd::indexer {

namespace fs = std::filesystem;

namespace {

struct SourceFile {
  std::string path;      // as found
  std::string relative;  // relative to its SOURCE root
};

std::vector<SourceFile> ListFiles(const std::vector<std::string>& sources) {
  std::vector<SourceFile> files;
  for (const auto& source : sources) {
    std::error_code ec;
    const auto status = fs::status(source, ec);
    if (ec || !fs::exists(status)) throw UsageError("SOURCE", source + ": no such file or folder");
    if (fs::is_directory(status)) {
      std::vector<SourceFile> found;
      for (auto it = fs::recursive_directory_iterator(source, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) {
          found.push_back({it->path().string(), fs::relative(it->path(), source, ec).string()});
        }
      }
      if (ec) throw UsageError("SOURCE", source + ": cannot walk folder: " + ec.message());
      // Directory order is arbitrary; a sorted walk makes builds repeatable.
      std::sort(found.begin(), found.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back({source, fs::path(source).filename().string()});
    }
  }
  return files;
}

}  // namespace

BuildSummary Build(const BuildOptions& options, std::ostream& progress) {
  const auto start = std::chrono::steady_clock::now();
  BuildSummary summary;
  const std::vector<SourceFile> files = ListFiles(options.sources);
  IndexWriter writer(options.index_dir);

  size_t done = 0;
  for (const auto& file : files) {
    ++done;
    if (!IsSupported(file.path)) {
      summary.skipped.emplace_back(file.path, "unsupported format");
      progress << "warning: " << file.path << ": skipped, unsupported format\n";
      continue;
    }
    try {
      ExtractedDocument doc = ExtractFile(file.path, file.relative);
      summary.passages += writer.Replace(doc);
      ++summary.files_indexed;
      std::error_code ec;
      summary.bytes += fs::file_size(file.path, ec);
    } catch (const InputError& e) {
      summary.skipped.emplace_back(file.path, e.reason());
      progress << "warning: " << e.what() << ", skipped\n";
    }
    if (done % 500 == 0) progress << "progress: " << done << "/" << files.size() << " files\n";
  }
  writer.Commit();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

std::string FormatSummary(const BuildSummary& s) {
  std::ostringstream out;
  const double mb = static_cast<double>(s.bytes) / 1e6;
  out.setf(std::ios::fixed);
  out.precision(2);
  out << "indexed " << s.files_indexed << " files (" << s.passages << " passages, " << mb << " MB) in " << s.seconds
      << " s";
  if (s.seconds > 0) out << " (" << mb / s.seconds << " MB/s)";
  out << "; skipped " << s.skipped.size() << "\n";
  for (const auto& [path, reason] : s.skipped) {
    out << "  skipped " << path << ": " << reason << "\n";
  }
  return out.str();
}

}  // namespace cstd::indexer
