#include "indexer/stats.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "indexer/speaker_registry.h"
#include "indexer/speaker_review.h"
#include "model/document_json.h"
#include "model/errors.h"
#include "model/index_layout.h"
#include "model/schema.h"

namespace cstd::indexer {

using json::Member;

namespace fs = std::filesystem;

namespace {

size_t CountTerms(const Xapian::Database& db, std::string_view prefix) {
  size_t n = 0;
  const std::string p(prefix);
  for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) ++n;
  return n;
}

double Ratio(uint64_t a, uint64_t b) {
  return b ? static_cast<double>(a) / static_cast<double>(b) : 0;
}

}  // namespace

std::string IndexStatsJson(const std::string& index_dir) {
  const auto generation = ReadCurrentGeneration(index_dir);
  if (!generation) throw IndexError(index_dir + ": no index here (no " + std::string(kCurrentFile) + " file)");
  const ReaderLease lease(index_dir, *generation);
  const Xapian::Database db = OpenIndex(index_dir);
  const fs::path folder = fs::path(index_dir) / *generation;

  // The build report, when the generation was written by a full build.
  rapidjson::Document build;
  {
    std::ifstream in(folder / kBuildInfoFile);
    std::stringstream text;
    text << in.rdbuf();
    build.Parse(text.str().c_str());
    if (build.HasParseError() || !build.IsObject()) build.SetObject();
  }
  const auto number = [&](const char* key) -> uint64_t {
    const auto it = build.FindMember(key);
    return it != build.MemberEnd() && it->value.IsUint64() ? it->value.GetUint64() : 0;
  };

  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  Member(w, "index", index_dir);
  Member(w, "generation", *generation);
  Member(w, "schema_version", schema::kVersion);
  Member(w, "documents", CountTerms(db, schema::kPrefixDocId));
  Member(w, "passages", db.get_doccount());
  Member(w, "speakers", CountTerms(db, schema::kPrefixSpeaker));
  Member(w, "countries", CountTerms(db, schema::kPrefixCountry));
  // What the registry merged; `cstd-indexer speakers` lists it.
  const auto records = SpeakerRegistry(db).Records();
  w.Key("speaker_review");
  w.StartObject();
  WriteReviewCounts(w, ReviewSpeakers(records));
  w.EndObject();

  w.Key("tables");
  w.StartObject();
  uint64_t on_disk = 0;
  std::error_code ec;
  std::vector<fs::directory_entry> files;
  for (const auto& entry : fs::directory_iterator(folder, ec)) files.push_back(entry);
  std::sort(files.begin(), files.end());
  for (const auto& entry : files) {
    if (!entry.is_regular_file(ec)) continue;
    const std::string name = entry.path().filename().string();
    const uint64_t size = entry.file_size(ec);
    on_disk += size;
    if (!name.ends_with(".glass")) continue;
    const std::string table = name.substr(0, name.size() - 6);
    w.Key(table.c_str(), static_cast<rapidjson::SizeType>(table.size()));
    w.Uint64(size);
  }
  w.EndObject();
  Member(w, "bytes_on_disk", on_disk);

  const uint64_t source = number("source_bytes");
  const uint64_t raw = number("record_bytes"), stored = number("record_bytes_stored"),
                 plain = number("record_bytes_plain_zstd");
  Member(w, "source_bytes", source);
  Member(w, "index_to_source_ratio", Ratio(on_disk, source));
  w.Key("compression");
  w.StartObject();
  Member(w, "record_bytes", raw);
  Member(w, "stored_bytes", stored);
  Member(w, "ratio", Ratio(raw, stored));
  Member(w, "plain_zstd_bytes", plain);
  Member(w, "plain_zstd_ratio", Ratio(raw, plain));
  Member(w, "dictionary_bytes", db.get_metadata(std::string(schema::kMetaDictionary)).size());
  w.EndObject();

  w.Key("build");
  if (build.MemberCount() == 0) {
    w.Null();
  } else {
    build.Accept(w);
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace cstd::indexer
