#include "indexer/generation_builder.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_set>

#include "extract/extract.h"
#include "extract/reader.h"
#include "indexer/index_sink.h"
#include "indexer/index_writer.h"
#include "indexer/passage_indexer.h"
#include "indexer/speaker_registry.h"
#include "model/archive_file.h"
#include "model/document_json.h"
#include "model/errors.h"
#include "model/index_layout.h"
#include "model/record_codec.h"
#include "model/schema.h"
#include "model/synonyms.h"

namespace cstd::indexer {

using json::Member;

namespace fs = std::filesystem;

namespace {

// Passes file numbers through one at a time, in order: the step where ids are
// given out runs for file i only after it ran for file i - 1, whichever
// thread extracted which file first.
class Turnstile {
 public:
  // Waits for `i`'s turn; false if the build failed meanwhile.
  bool Wait(size_t i) {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return next_ == i || failed_; });
    return !failed_;
  }
  void Done() {
    {
      const std::lock_guard lock(mutex_);
      ++next_;
    }
    cv_.notify_all();
  }
  void Fail() {
    {
      const std::lock_guard lock(mutex_);
      failed_ = true;
    }
    cv_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  size_t next_ = 0;
  bool failed_ = false;
};

// Records shaped like those the build will store, from a sample of the files.
std::vector<std::string> DictionarySamples(const std::vector<SourceFile>& files) {
  std::vector<std::string> samples;
  const size_t step = std::max<size_t>(1, files.size() / kDictionarySampleFiles);
  for (size_t i = 0; i < files.size(); i += step) {
    if (!extract::IsSupported(files[i].path)) continue;
    try {
      const ExtractedDocument doc = extract::ExtractFile(files[i].path, files[i].relative);
      samples.push_back(EncodeDocument(doc.document));
      for (const Paragraph& paragraph : doc.paragraphs) {
        Passage p;
        p.doc_id = doc.document.id;
        p.passage_id = schema::PassageId(doc.document.id, 1);
        p.paragraph = paragraph;
        p.speaker_ids = paragraph.speakers;
        p.title = doc.document.title;
        p.type = doc.document.type;
        p.session = doc.document.session;
        p.year = doc.document.year;
        p.date = doc.document.date;
        samples.push_back(EncodePassage(p));
      }
    } catch (const InputError&) {
      // Reported when the file's turn comes.
    }
  }
  return samples;
}

std::string IsoNow() {
  const std::time_t now = std::time(nullptr);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return out;
}

void WriteBuildInfo(const fs::path& path, const BuildSummary& s, const GenerationReport& r, double seconds,
                    unsigned threads) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  Member(w, "generation", s.generation);
  Member(w, "built_at", IsoNow());
  Member(w, "build_seconds", seconds);
  Member(w, "threads", threads);
  Member(w, "files", s.files_indexed);
  Member(w, "passages", s.passages);
  Member(w, "source_bytes", s.bytes);
  Member(w, "record_bytes", s.record_bytes);
  Member(w, "record_bytes_stored", s.record_bytes_stored);
  Member(w, "record_bytes_plain_zstd", s.record_bytes_plain);
  Member(w, "dictionary_bytes", r.dictionary_bytes);
  Member(w, "peak_rss_bytes", static_cast<uint64_t>(PeakMemoryKb()) * 1024);
  w.EndObject();
  std::ofstream out(path, std::ios::trunc);
  out << buffer.GetString() << "\n";
  if (!out.flush()) throw IndexError(path.string() + ": cannot write");
}

struct Shard {
  fs::path path;
  Xapian::WritableDatabase db;
  std::unique_ptr<PassageIndexer> indexer;
  size_t passages = 0;
};

}  // namespace

GenerationReport BuildGeneration(const std::string& index_dir, const std::vector<SourceFile>& files,
                                 extract::Catalogue* catalogue, unsigned threads, Progress& progress,
                                 const std::string& catalogue_hash, const AddedTimes& added, BuildSummary& summary,
                                 const std::optional<IndexShard>& index_shard) {
  const auto start = std::chrono::steady_clock::now();
  GenerationReport report;
  summary.generation = NextGenerationName(index_dir);
  const fs::path work = CreateWorkspace(index_dir, summary.generation);
  std::error_code ec;
  threads =
      std::max<unsigned>(1, std::min<unsigned>(threads, static_cast<unsigned>(std::max<size_t>(1, files.size()))));

  const RecordCodec codec(RecordCodec::TrainDictionary(DictionarySamples(files)));
  const RecordCodec plain;
  report.dictionary_bytes = codec.dictionary().size();

  // Xapian holds this many changed documents in memory before it flushes
  // them to the B-trees (default 10,000). Its inverter keeps, per term, a
  // std::map of the documents changed since the last flush: the larger the
  // batch, the deeper those trees and the more cache misses per posting.
  // perf put a third of a build at 40,000 in the inverter's map lookups.
  // Over 1,746 UNGDC files (46,766 passages) 2,000 took 42-51 s of CPU,
  // 5,000 50 s, 10,000 48-60 s, 40,000 64-69 s, and 1,000 no less (47-51 s):
  // below that, flushing often costs what the smaller maps save. Over the
  // whole UNGDC, CPU fell from 698 s to 497 s and peak memory from 1.25 GB
  // to 163 MB. The environment still overrides it.
  setenv("XAPIAN_FLUSH_THRESHOLD", "2000", 0);
  std::vector<Shard> shards(threads);
  try {
    for (unsigned k = 0; k < threads; ++k) {
      shards[k].path = work / ("shard-" + std::to_string(k));
      // No fsync for shards: they are thrown away after compaction, whose
      // output is synced before it goes live.
      shards[k].db = Xapian::WritableDatabase(shards[k].path.string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
      shards[k].indexer = std::make_unique<PassageIndexer>(codec);
      shards[k].indexer->CompareWith(&plain);
    }
  } catch (const Xapian::Error& e) {
    throw IndexError(work.string() + ": cannot create shard: " + e.get_msg());
  }

  uint64_t total_bytes = 0;
  for (const auto& f : files) total_bytes += f.record.size;
  progress.Start(files.size(), total_bytes);

  Turnstile turnstile;
  std::atomic<size_t> next{0};
  SpeakerRegistry registry;
  if (catalogue) registry.AddAnchors(catalogue->Anchors());
  FileOrder order(catalogue, registry);
  std::mutex failure_mutex;
  std::exception_ptr failure;

  const auto work_on = [&](Shard& shard) {
    for (;;) {
      const size_t i = next.fetch_add(1);
      if (i >= files.size()) return;
      const SourceFile& f = files[i];
      PreparedFile prepared = PrepareFile(f);
      if (!turnstile.Wait(i)) return;
      order.Settle(prepared, f);
      // Settled in every shard's build alike (ids, speakers), written in one.
      const bool elsewhere = prepared.doc && index_shard && !index_shard->Holds(prepared.doc->document);
      const bool written = prepared.doc && !elsewhere;
      if (elsewhere) {
        ++summary.files_other_shards;
      } else {
        CountPreparedFile(prepared, f, catalogue != nullptr, summary, progress);
      }
      if (written) {
        ++summary.files_indexed;
        ++summary.files_added;
      }
      turnstile.Done();
      if (written) {
        SourceRecord record = f.record;
        record.hash = prepared.hash;
        record.added = added.For(f.key, record.hash);
        shard.passages += WritePreparedDocument(shard.db, *shard.indexer, *prepared.doc, prepared.speakers, f.key,
                                                std::move(record), PassageWrite::kAdd);
      }
      progress.Advance(f.record.size);
    }
  };
  std::vector<std::thread> workers;
  for (unsigned k = 0; k < threads; ++k) {
    workers.emplace_back([&, k] {
      try {
        work_on(shards[k]);
      } catch (...) {
        {
          const std::lock_guard lock(failure_mutex);
          if (!failure) failure = std::current_exception();
        }
        turnstile.Fail();
      }
    });
  }
  for (auto& t : workers) t.join();
  progress.Finish();
  if (failure) {
    shards.clear();
    fs::remove_all(work, ec);
    try {
      std::rethrow_exception(failure);
    } catch (const Xapian::Error& e) {
      throw IndexError(work.string() + ": writing failed, the live index is untouched: " + e.get_msg());
    }
  }

  try {
    Xapian::WritableDatabase& first = shards[0].db;
    registry.WriteChanged(first);
    WriteIndexStamp(first, {summary.generation, codec.dictionary(), catalogue_hash});
    if (index_shard) {
      first.set_metadata(std::string(schema::kMetaShard), index_shard->spec.ToString());
      if (index_shard->layout) first.set_metadata(std::string(schema::kMetaShardLayout), index_shard->layout->ToString());
    }
    AddSynonyms(first);
    for (Shard& shard : shards) {
      AddSpelling(shard.db);
      shard.db.commit();
      shard.db.close();
      summary.passages += shard.passages;
      summary.record_bytes += shard.indexer->raw_bytes();
      summary.record_bytes_stored += shard.indexer->stored_bytes();
      summary.record_bytes_plain += shard.indexer->compared_bytes();
    }

    progress.Phase(("compacting " + std::to_string(shards.size()) + " shards").c_str());
    const auto compact_start = std::chrono::steady_clock::now();
    Xapian::Database all;
    for (const Shard& shard : shards) all.add_database(Xapian::Database(shard.path.string()));
    const fs::path compacted = work / "db";
    all.compact(compacted.string(), Xapian::Compactor::FULL);
    all.close();
    report.compact_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - compact_start).count();
    shards.clear();

    progress.Phase("checking");
    const auto check_start = std::chrono::steady_clock::now();
    CheckDatabase(compacted.string());
    {
      const Xapian::Database check(compacted.string());
      if (check.get_doccount() != summary.passages) {
        throw IndexError(compacted.string() + ": holds " + std::to_string(check.get_doccount()) +
                         " passages, the build wrote " + std::to_string(summary.passages));
      }
    }
    report.check_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - check_start).count();
    WriteBuildInfo(compacted / kBuildInfoFile, summary, report,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), threads);
  } catch (const Xapian::Error& e) {
    shards.clear();
    fs::remove_all(work, ec);
    throw IndexError(work.string() +
                     ": building the new generation failed, the live index is untouched: " + e.get_msg());
  }

  summary.old_generations_kept =
      PublishGeneration(index_dir, (work / "db").string(), summary.generation, kReaderGraceSeconds);
  fs::remove_all(work, ec);
  return report;
}

}  // namespace cstd::indexer
