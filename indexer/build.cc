#include "indexer/build.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <sstream>

#include "indexer/catalogue.h"
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
  std::optional<Catalogue> catalogue;
  if (!options.metadata_path.empty()) {
    catalogue = Catalogue::Load(options.metadata_path);
    for (const auto& warning : catalogue->warnings()) progress << "warning: " << warning << "\n";
    summary.catalogue = options.metadata_path;
    summary.catalogue_rows = catalogue->size();
    summary.catalogue_warnings = catalogue->warnings().size();
  }
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
      if (catalogue) {
        if (catalogue->Apply(file.relative, doc)) {
          ++summary.files_with_row;
        } else {
          summary.files_without_row.push_back(file.path);
        }
      }
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
  if (catalogue) {
    for (const auto& row : catalogue->Unmatched()) summary.unmatched_rows.push_back(row.ToString(catalogue->name()));
    summary.matched_by_name = catalogue->matched_by_name();
  }
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
  if (s.catalogue.empty()) return out.str();
  out << "catalogue " << s.catalogue << ": " << s.catalogue_rows << " rows, " << s.catalogue_warnings
      << " warnings; " << s.files_with_row << " files matched a row\n";
  const auto list = [&](const std::vector<std::string>& items, const char* what, const char* each) {
    out << items.size() << " " << what << "\n";
    for (size_t i = 0; i < items.size() && i < kSummaryListLimit; ++i) out << "  " << each << items[i] << "\n";
    if (items.size() > kSummaryListLimit) out << "  ... and " << items.size() - kSummaryListLimit << " more\n";
  };
  if (!s.matched_by_name.empty()) {
    list(s.matched_by_name, "catalogue rows matched by Country name (their ISO Code is no country code)", "");
  }
  list(s.unmatched_rows, "catalogue rows matched no file", "no file for ");
  list(s.files_without_row, "files had no catalogue row", "no row for ");
  return out.str();
}

}  // namespace cstd::indexer
