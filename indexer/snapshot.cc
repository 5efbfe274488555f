#include "indexer/snapshot.h"

#include <archive.h>
#include <archive_entry.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <memory>

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
    while (in) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      const auto n = in.gcount();
      if (n > 0 && archive_write_data(out.get(), buffer.data(), static_cast<size_t>(n)) != n)
        fail("cannot write " + name);
    }
    ++report.files;
    report.bytes += entry.file_size();
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
  while ((rc = archive_read_next_header(in.get(), &entry)) == ARCHIVE_OK) {
    const std::string name = archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "";
    // Table files sit at the top of a snapshot: no folders, no way out.
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") {
      bad("entry '" + name + "' is not a file name of a snapshot");
    }
    if (archive_entry_filetype(entry) != AE_IFREG) bad("entry '" + name + "' is not a regular file");
    if (++report.files > kMaxSnapshotFiles) bad("more than " + std::to_string(kMaxSnapshotFiles) + " files");
    std::ofstream out(work / name, std::ios::binary | std::ios::trunc);
    const void* block;
    size_t size;
    la_int64_t offset;
    int data_rc;
    while ((data_rc = archive_read_data_block(in.get(), &block, &size, &offset)) == ARCHIVE_OK) {
      out.seekp(offset);
      out.write(static_cast<const char*>(block), static_cast<std::streamsize>(size));
      report.bytes += size;
    }
    if (data_rc != ARCHIVE_EOF) bad("entry '" + name + "' is truncated: " + archive_error_string(in.get()));
    if (!out.flush()) {
      in.reset();
      fs::remove_all(work, ec);
      throw IndexError((work / name).string() + ": cannot write (disk full?)");
    }
  }
  if (rc != ARCHIVE_EOF) bad(std::string("not a snapshot (.tar.zst): ") + archive_error_string(in.get()));
  in.reset();
  if (report.files == 0) bad("empty archive");

  try {
    CheckDatabase(work.string());
    Xapian::WritableDatabase db(work.string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(schema::kMetaGeneration), report.generation);
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
