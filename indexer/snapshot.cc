#include "indexer/snapshot.h"

#include <archive.h>
#include <archive_entry.h>
#include <xapian.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <optional>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "indexer/index_sink.h"
#include "model/archive_file.h"
#include "model/errors.h"
#include "model/index_layout.h"
#include "model/schema.h"

namespace cstd::indexer {

namespace fs = std::filesystem;

namespace {

struct ArchiveFree {
  void operator()(archive* a) const {
    archive_read_free(a);  // both read_free and write_free accept either
  }
};

// zstd level for snapshots: they are written once and moved around; level
// 19 shrinks the (already dictionary-compressed) records little, the B-trees
// a lot.
constexpr const char* kZstdOptions = "zstd:compression-level=19";

// The last entry of a snapshot: each table file's name, size and
// ContentHash, one per line after a version line. Import checks every file
// against it before Xapian opens any: Xapian 1.4's Database::check reads
// past a buffer on some damaged tables (found by fuzz/snapshot), so a
// snapshot damaged in transit must be refused before it gets there. (The
// hash finds damage, not forgery: a snapshot is an operator's own export.)
constexpr std::string_view kManifestName = "MANIFEST";
constexpr std::string_view kManifestVersion = "cstd-snapshot 1";
// A manifest names at most kMaxSnapshotFiles files in a line each.
constexpr size_t kMaxManifestBytes = 64 * 1024;

struct FileSum {
  uint64_t size = 0;
  std::string hash;
  bool operator==(const FileSum&) const = default;
};

std::string WriteManifest(const std::map<std::string, FileSum>& files) {
  std::string out(kManifestVersion);
  out += '\n';
  for (const auto& [name, sum] : files) out += name + '\t' + std::to_string(sum.size) + '\t' + sum.hash + '\n';
  return out;
}

// The files a manifest lists, or nullopt when it is not one.
std::optional<std::map<std::string, FileSum>> ReadManifest(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line) || line != kManifestVersion) return std::nullopt;
  std::map<std::string, FileSum> files;
  while (std::getline(in, line)) {
    const size_t a = line.find('\t');
    const size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b == std::string::npos) return std::nullopt;
    const std::string size = line.substr(a + 1, b - a - 1);
    if (size.empty() || size.size() > 19 || size.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    if (!files.emplace(line.substr(0, a), FileSum{std::stoull(size), line.substr(b + 1)}).second) return std::nullopt;
  }
  return files;
}

}  // namespace

SnapshotReport ExportIndex(const std::string& index_dir, const std::string& archive_path) {
  SnapshotReport report;
  const auto generation = ReadCurrentGeneration(index_dir);
  if (!generation) throw IndexError(index_dir + ": no index here (no " + std::string(kCurrentFile) + " file)");
  report.generation = *generation;
  const ReaderLease lease(index_dir, *generation);  // no build deletes it under us
  const fs::path staging = archive_path + ".tmp.d";
  const std::string partial = archive_path + ".tmp";
  std::error_code ec;
  fs::remove_all(staging, ec);
  try {
    Xapian::Database db = OpenIndex(index_dir);
    db.compact(staging.string(), Xapian::Compactor::FULL);
  } catch (const Xapian::Error& e) {
    fs::remove_all(staging, ec);
    throw IndexError(index_dir + ": cannot compact the live generation: " + e.get_msg());
  }
  const fs::path info = fs::path(index_dir) / *generation / kBuildInfoFile;
  if (fs::exists(info)) fs::copy_file(info, staging / kBuildInfoFile, ec);

  std::unique_ptr<archive, ArchiveFree> out(archive_write_new());
  archive_write_set_format_pax_restricted(out.get());
  archive_write_add_filter_zstd(out.get());
  archive_write_set_options(out.get(), kZstdOptions);
  const auto fail = [&](const std::string& what) {
    const std::string reason = archive_error_string(out.get()) ? archive_error_string(out.get()) : "";
    out.reset();
    fs::remove_all(staging, ec);
    fs::remove(partial, ec);
    throw IndexError(archive_path + ": " + what + ": " + reason);
  };
  if (archive_write_open_filename(out.get(), partial.c_str()) != ARCHIVE_OK) fail("cannot create");
  std::map<std::string, FileSum> sums;
  for (const auto& entry : fs::directory_iterator(staging)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> header(archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname(header.get(), name.c_str());
    archive_entry_set_size(header.get(), static_cast<la_int64_t>(entry.file_size()));
    archive_entry_set_filetype(header.get(), AE_IFREG);
    archive_entry_set_perm(header.get(), 0644);
    if (archive_write_header(out.get(), header.get()) != ARCHIVE_OK) fail("cannot write " + name);
    std::ifstream in(entry.path(), std::ios::binary);
    std::vector<char> buffer(1 << 20);
    ContentHasher hasher;
    while (in) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      const auto n = in.gcount();
      if (n > 0 && archive_write_data(out.get(), buffer.data(), static_cast<size_t>(n)) != n)
        fail("cannot write " + name);
      hasher.Update(std::string_view(buffer.data(), static_cast<size_t>(n)));
    }
    sums[name] = FileSum{entry.file_size(), hasher.Hex()};
    ++report.files;
    report.bytes += entry.file_size();
  }
  {
    const std::string manifest = WriteManifest(sums);
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> header(archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname(header.get(), std::string(kManifestName).c_str());
    archive_entry_set_size(header.get(), static_cast<la_int64_t>(manifest.size()));
    archive_entry_set_filetype(header.get(), AE_IFREG);
    archive_entry_set_perm(header.get(), 0644);
    if (archive_write_header(out.get(), header.get()) != ARCHIVE_OK ||
        archive_write_data(out.get(), manifest.data(), manifest.size()) != static_cast<la_ssize_t>(manifest.size())) {
      fail("cannot write " + std::string(kManifestName));
    }
  }
  if (archive_write_close(out.get()) != ARCHIVE_OK) fail("cannot finish");
  out.reset();
  fs::remove_all(staging, ec);
  fs::rename(partial, archive_path, ec);
  if (ec) throw IndexError(archive_path + ": cannot rename " + partial + " into place: " + ec.message());
  report.archive_bytes = fs::file_size(archive_path, ec);
  return report;
}

SnapshotReport ImportIndex(const std::string& index_dir, const std::string& archive_path) {
  SnapshotReport report;
  if (!fs::is_regular_file(archive_path)) throw UsageError("ARCHIVE", archive_path + ": no such file");
  const BuildLock lock(index_dir);
  RemoveUnusedGenerations(index_dir);
  report.generation = NextGenerationName(index_dir);
  const fs::path work = CreateWorkspace(index_dir, report.generation);
  std::error_code ec;

  std::unique_ptr<archive, ArchiveFree> in(archive_read_new());
  archive_read_support_filter_zstd(in.get());
  archive_read_support_format_tar(in.get());
  const auto bad = [&](const std::string& why) {
    in.reset();
    fs::remove_all(work, ec);
    throw InputError(archive_path, why);
  };
  if (archive_read_open_filename(in.get(), archive_path.c_str(), 1 << 20) != ARCHIVE_OK) {
    bad(std::string("not a snapshot (.tar.zst): ") + archive_error_string(in.get()));
  }
  archive_entry* entry = nullptr;
  int rc;
  std::optional<std::string> manifest;
  std::map<std::string, FileSum> read;
  while ((rc = archive_read_next_header(in.get(), &entry)) == ARCHIVE_OK) {
    const std::string name = archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "";
    // Table files sit at the top of a snapshot: no folders, no way out.
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") {
      bad("entry '" + name + "' is not a file name of a snapshot");
    }
    if (archive_entry_filetype(entry) != AE_IFREG) bad("entry '" + name + "' is not a regular file");
    if (manifest) bad("entry '" + name + "' after the " + std::string(kManifestName));
    if (name == kManifestName) {
      // Read whole, bounded: it is a few lines.
      manifest.emplace();
      std::array<char, 4096> chunk;
      la_ssize_t n;
      while ((n = archive_read_data(in.get(), chunk.data(), chunk.size())) > 0) {
        if (manifest->size() + static_cast<size_t>(n) > kMaxManifestBytes) bad(std::string(kManifestName) + " too large");
        manifest->append(chunk.data(), static_cast<size_t>(n));
      }
      if (n < 0) bad("entry '" + name + "' is truncated: " + archive_error_string(in.get()));
      continue;
    }
    if (++report.files > kMaxSnapshotFiles) bad("more than " + std::to_string(kMaxSnapshotFiles) + " files");
    if (read.count(name)) bad("entry '" + name + "' twice");
    std::ofstream out(work / name, std::ios::binary | std::ios::trunc);
    const void* block;
    size_t size;
    la_int64_t offset;
    int data_rc;
    // Blocks come in order; a sparse entry's holes are zeros, hashed as such.
    ContentHasher hasher;
    uint64_t written = 0;
    const std::string zeros(64 * 1024, '\0');
    while ((data_rc = archive_read_data_block(in.get(), &block, &size, &offset)) == ARCHIVE_OK) {
      if (offset < 0 || static_cast<uint64_t>(offset) < written) bad("entry '" + name + "' has blocks out of order");
      for (uint64_t gap = static_cast<uint64_t>(offset) - written; gap > 0;) {
        const size_t n = static_cast<size_t>(std::min<uint64_t>(gap, zeros.size()));
        hasher.Update(std::string_view(zeros.data(), n));
        gap -= n;
      }
      out.seekp(offset);
      out.write(static_cast<const char*>(block), static_cast<std::streamsize>(size));
      hasher.Update(std::string_view(static_cast<const char*>(block), size));
      written = static_cast<uint64_t>(offset) + size;
      report.bytes += size;
    }
    if (data_rc != ARCHIVE_EOF) bad("entry '" + name + "' is truncated: " + archive_error_string(in.get()));
    read[name] = FileSum{written, hasher.Hex()};
    if (!out.flush()) {
      in.reset();
      fs::remove_all(work, ec);
      throw IndexError((work / name).string() + ": cannot write (disk full?)");
    }
  }
  if (rc != ARCHIVE_EOF) bad(std::string("not a snapshot (.tar.zst): ") + archive_error_string(in.get()));
  in.reset();
  if (report.files == 0) bad("empty archive");
  if (!manifest) bad("no " + std::string(kManifestName) + " (made by an older cstd-indexer export? export it again)");
  const auto listed = ReadManifest(*manifest);
  if (!listed) bad(std::string(kManifestName) + " is not a snapshot manifest");
  for (const auto& [name, sum] : *listed) {
    const auto it = read.find(name);
    if (it == read.end()) bad("'" + name + "' is listed in the " + std::string(kManifestName) + " but missing");
    if (!(it->second == sum)) bad("'" + name + "' is damaged: its size or hash differs from the " + std::string(kManifestName));
  }
  for (const auto& [name, sum] : read) {
    if (!listed->count(name)) bad("'" + name + "' is not listed in the " + std::string(kManifestName));
  }

  try {
    CheckDatabase(work.string());
    Xapian::WritableDatabase db(work.string(), Xapian::DB_OPEN);
    // The snapshot's own stamp, under the generation it is imported as
    // (CheckDatabase has checked its schema version).
    WriteIndexStamp(db, {report.generation, std::nullopt, std::nullopt});
    db.commit();
  } catch (const IndexError&) {
    fs::remove_all(work, ec);
    throw;
  } catch (const Xapian::Error& e) {
    fs::remove_all(work, ec);
    throw IndexError(work.string() + ": " + e.get_msg());
  }
  report.old_generations_kept = PublishGeneration(index_dir, work.string(), report.generation, 5);
  report.archive_bytes = fs::file_size(archive_path, ec);
  return report;
}

}  // namespace cstd::indexer
