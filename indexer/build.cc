#include "indexer/build.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "extract/catalogue.h"
#include "extract/extract.h"
#include "extract/reader.h"
#include "indexer/file_pipeline.h"
#include "indexer/generation_builder.h"
#include "indexer/index_writer.h"
#include "indexer/progress.h"
#include "model/archive_file.h"
#include "model/errors.h"
#include "model/index_layout.h"
#include "model/schema.h"
#include "model/timestamp.h"

namespace cstd::indexer {

namespace fs = std::filesystem;

std::vector<SourceFile> ListSourceFiles(const std::vector<std::string>& sources) {
  std::vector<SourceFile> files;
  const auto add = [&](std::vector<SourceFile>& into, const fs::path& path, std::string relative, std::string root) {
    std::error_code ec;
    SourceFile f;
    f.path = path.string();
    f.relative = std::move(relative);
    f.key = fs::absolute(path, ec).lexically_normal().string();
    f.record.root = std::move(root);
    f.record.size = fs::file_size(path, ec);
    if (ec) f.record.size = 0;  // unreadable: reading it reports why
    const auto mtime = fs::last_write_time(path, ec);
    f.record.mtime_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count();
    into.push_back(std::move(f));
  };
  for (const auto& source : sources) {
    std::error_code ec;
    const auto status = fs::status(source, ec);
    if (ec || !fs::exists(status)) throw UsageError("SOURCE", source + ": no such file or folder");
    if (fs::is_directory(status)) {
      const std::string root = fs::absolute(source, ec).lexically_normal().string();
      std::vector<SourceFile> found;
      for (auto it = fs::recursive_directory_iterator(source, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        // A file, or an entry whose type cannot be told (a symlink loop, a
        // dangling link): listed, so that reading it reports why. Its error
        // is not the walk's: one bad link must not stop the build.
        std::error_code type_ec;
        if (it->is_regular_file(type_ec) || (type_ec && it->is_symlink(type_ec))) {
          add(found, it->path(), fs::relative(it->path(), source, type_ec).string(), root);
        }
      }
      if (ec) throw UsageError("SOURCE", source + ": cannot walk folder: " + ec.message());
      // Directory order is arbitrary; a sorted walk makes builds repeatable.
      std::sort(found.begin(), found.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
      files.insert(files.end(), found.begin(), found.end());
    } else {
      add(files, source, fs::path(source).filename().string(), "");
    }
  }
  return files;
}

namespace {

// A file an incremental build leaves unchanged is not read again, but the
// catalogue rows matching it still match a file: marked here (applied to a
// scratch document), or a run with nothing changed would report every row
// as matching no file.
void MarkCatalogueRows(extract::Catalogue* catalogue, const SourceFile& f) {
  if (!catalogue) return;
  ExtractedDocument scratch;
  catalogue->Apply(f.relative, scratch);
}

// Updates the live generation in place.
void BuildIncrementally(const BuildOptions& options, const std::vector<SourceFile>& files, extract::Catalogue* catalogue,
                        const std::string& catalogue_hash, const std::string& now, Progress& progress,
                        BuildSummary& summary) {
  IndexWriter writer(options.index_dir);
  summary.generation = writer.generation();
  const std::map<std::string, SourceRecord> known = writer.Sources();
  const AddedTimes added(now, known);
  // Another catalogue means other metadata for files whose bytes did not
  // change: none of them can be skipped.
  const bool same_catalogue = writer.Metadata(schema::kMetaCatalogueHash) == catalogue_hash;
  // Every file is read again: its speakers resolve to the new anchors.
  if (catalogue && !same_catalogue) writer.AddSpeakerAnchors(catalogue->Anchors());
  uint64_t total_bytes = 0;
  for (const auto& f : files) total_bytes += f.record.size;
  progress.Start(files.size(), total_bytes);
  std::set<std::string> seen;
  for (const SourceFile& f : files) {
    seen.insert(f.key);
    if (!extract::IsSupported(f.path)) {
      CountPreparedFile(PrepareFile(f), f, catalogue != nullptr, summary, progress);  // skipped: not read
      progress.Advance(f.record.size);
      continue;
    }
    const auto old = known.find(f.key);
    const bool had = old != known.end();
    if (had && same_catalogue && old->second.size == f.record.size && old->second.mtime_ns == f.record.mtime_ns &&
        old->second.root == f.record.root) {
      writer.EnsureFileRecord(old->second.doc_id, f.key);
      ++summary.files_unchanged;  // the fast path: not even read
      MarkCatalogueRows(catalogue, f);
      progress.Advance(f.record.size);
      continue;
    }
    try {
      SourceRecord record = f.record;
      record.hash = ContentHash(extract::ReadBytes(f.path));
      record.added = added.For(f.key, record.hash);
      if (had && same_catalogue && old->second.hash == record.hash) {
        record.doc_id = old->second.doc_id;
        writer.UpdateSource(f.key, record);  // touched, not changed
        writer.EnsureFileRecord(record.doc_id, f.key);
        ++summary.files_unchanged;
        MarkCatalogueRows(catalogue, f);
        progress.Advance(f.record.size);
        continue;
      }
      PreparedFile prepared = PrepareFile(f, record.hash);
      // Ids and speakers come from the index here (IndexWriter::Replace):
      // the catalogue is all there is to settle.
      ApplyCatalogue(catalogue, prepared, f);
      CountPreparedFile(prepared, f, catalogue != nullptr, summary, progress);
      if (prepared.doc) {
        summary.passages += writer.Replace(*prepared.doc, f.key, record);
        ++(had ? summary.files_replaced : summary.files_added);
      }
    } catch (const InputError& e) {
      summary.skipped.emplace_back(f.path, e.reason());
      progress.Warn(std::string("warning: ") + e.what() + ", skipped");
    }
    progress.Advance(f.record.size);
  }
  progress.Finish();
  // A file indexed from one of this run's folders that the walk no longer
  // finds was deleted or moved out: its document goes too.
  std::set<std::string> roots;
  for (const auto& f : files) {
    if (!f.record.root.empty()) roots.insert(f.record.root);
  }
  for (const auto& [key, record] : known) {
    if (!record.root.empty() && roots.count(record.root) && !seen.count(key)) {
      writer.RemoveSource(key);
      ++summary.files_removed;
    }
  }
  writer.SetMetadata(schema::kMetaCatalogueHash, catalogue_hash);
  writer.Commit();
}

}  // namespace

BuildSummary Build(const BuildOptions& options, std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  BuildSummary summary;
  const BuildLock lock(options.index_dir);
  // One time for the whole build: what it adds was added by this build.
  const std::string now = UtcTimestamp(std::chrono::system_clock::now());
  const std::vector<SourceFile> files = ListSourceFiles(options.sources);
  std::optional<extract::Catalogue> catalogue;
  for (const std::string& path : options.metadata_paths) {
    extract::Catalogue one = extract::Catalogue::Load(path);
    if (catalogue) {
      catalogue->Merge(std::move(one));
    } else {
      catalogue = std::move(one);
    }
    summary.catalogue += (summary.catalogue.empty() ? "" : ", ") + path;
  }
  const std::string catalogue_hash = CatalogueHash(options.metadata_paths);
  if (catalogue) {
    for (const auto& warning : catalogue->warnings()) out << "warning: " << warning << "\n";
    summary.catalogue_rows = catalogue->size();
    summary.catalogue_warnings = catalogue->warnings().size();
  }
  // Debris of builds that were killed, and generations readers have left.
  RemoveUnusedGenerations(options.index_dir);
  Progress progress(out, options.terminal);
  extract::Catalogue* c = catalogue ? &*catalogue : nullptr;
  const bool live = ReadCurrentGeneration(options.index_dir).has_value();
  if (live && !options.shard && !options.rebuild) {
    const std::string shard = OpenIndex(options.index_dir).get_metadata(std::string(schema::kMetaShard));
    if (!shard.empty()) {
      throw UsageError("--shard", options.index_dir + " is shard " + shard + ": build it with --shard " + shard +
                                      " (a shard is always built as a whole new generation)");
    }
  }
  if (options.rebuild || options.shard || !live) {
    const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    const AddedTimes added(now, LiveSourceRecords(options.index_dir));
    BuildGeneration(options.index_dir, files, c, threads, progress, catalogue_hash, added, summary, options.shard);
    summary.rebuilt = true;
  } else {
    BuildIncrementally(options, files, c, catalogue_hash, now, progress, summary);
    summary.files_indexed = summary.files_added + summary.files_replaced;
  }
  if (catalogue) {
    for (const auto& row : catalogue->Unmatched()) summary.unmatched_rows.push_back(row.ToString());
    summary.matched_by_name = catalogue->matched_by_name();
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  summary.peak_rss_kb = PeakMemoryKb();
  return summary;
}

std::string CatalogueHash(const std::vector<std::string>& paths) {
  if (paths.empty()) return {};
  const auto bytes = [](const std::string& path) {
    try {
      return extract::ReadBytes(path);
    } catch (const InputError& e) {
      throw UsageError("--metadata", path + ": cannot read catalogue: " + e.reason());
    }
  };
  if (paths.size() == 1) return ContentHash(bytes(paths[0]));
  std::string hashes;
  for (const auto& path : paths) hashes += ContentHash(bytes(path)) + "\n";
  return ContentHash(hashes);
}

std::string FormatSummary(const BuildSummary& s) {
  std::ostringstream out;
  const double mb = static_cast<double>(s.bytes) / 1e6;
  out.setf(std::ios::fixed);
  out.precision(2);
  out << "indexed " << s.files_indexed << " files (" << s.passages << " passages, " << mb << " MB) in " << s.seconds
      << " s";
  if (s.seconds > 0) out << " (" << mb / s.seconds << " MB/s)";
  out << "; skipped " << s.skipped.size() << "; " << s.files_losing_text.size() << " lose text";
  if (s.files_other_shards > 0) out << "; " << s.files_other_shards << " files belong to other shards";
  out << "\n";
  out << (s.rebuilt ? "new generation " : "updated generation ") << s.generation << ": " << s.files_added << " added, "
      << s.files_replaced << " replaced, " << s.files_removed << " removed, " << s.files_unchanged << " unchanged, "
      << s.skipped.size() << " skipped; peak memory " << s.peak_rss_kb / 1024 << " MB\n";
  for (const auto& [path, reason] : s.skipped) {
    out << "  skipped " << path << ": " << reason << "\n";
  }
  if (s.record_bytes > 0 && s.record_bytes_stored > 0 && s.record_bytes_plain > 0) {
    out << "stored records: " << static_cast<double>(s.record_bytes) / 1e6 << " MB, compressed to "
        << static_cast<double>(s.record_bytes_stored) / 1e6 << " MB with the dictionary ("
        << static_cast<double>(s.record_bytes) / static_cast<double>(s.record_bytes_stored) << "x; plain zstd "
        << static_cast<double>(s.record_bytes) / static_cast<double>(s.record_bytes_plain) << "x)\n";
  }
  for (const auto& g : s.old_generations_kept) {
    out << "kept " << g << ": a reader still holds it; the next build deletes it\n";
  }
  if (s.catalogue.empty()) return out.str();
  out << "catalogue " << s.catalogue << ": " << s.catalogue_rows << " rows, " << s.catalogue_warnings << " warnings; "
      << s.files_with_row << " files matched a row\n";
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
