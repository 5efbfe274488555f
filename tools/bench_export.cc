// cstd-bench-export: the passages our extraction produces, as JSON lines, so
// that every peer of the side-by-side benchmark (tools/bench/run) loads
// exactly the passages cstd-indexer indexes.
//
//   build/bin/cstd-bench-export [--metadata CATALOGUE] [--replicate N] [--out FILE] SOURCE...
//
// SOURCE files and folders are walked as `cstd-indexer build` walks them
// (recursively, each folder's files in sorted path order, unsupported formats
// and unreadable files skipped); each file goes through the same ExtractFile
// and Catalogue::Apply, and speaker ids come from the same SpeakerRegistry
// (indexer/file_pipeline.h, the indexer's own pipeline), in the same order, so ids, countries,
// sessions and years are the ones the index holds. One line per passage:
//
//   {"passage_id":"bra_78_2023-3","doc_id":"bra_78_2023","countries":["BRA"],
//    "session":78,"year":2023,"speaker_ids":["luiz-inacio-lula-da-silva"],
//    "speakers":["Luiz Inacio Lula da Silva"],"text":"..."}
//
// session and year are null when unknown. With --replicate N every document
// is written N times; copy k > 1 gets the doc id "ID~k" (passages
// "ID~k-ORDINAL"), which is how the growth benchmark makes a corpus N times
// larger with the same text statistics. A summary line (files, passages,
// bytes, seconds) goes to stderr.

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "extract/catalogue.h"
#include "indexer/build.h"
#include "indexer/file_pipeline.h"
#include "model/document_json.h"
#include "model/errors.h"
#include "model/program.h"
#include "model/schema.h"

namespace {

namespace fs = std::filesystem;

void WritePassage(std::ostream& out, const std::string& doc_id, size_t ordinal, const cstd::Document& doc,
                  const cstd::Paragraph& paragraph, const std::vector<std::string>& speaker_ids) {
  rapidjson::StringBuffer buffer;
  cstd::JsonWriter w(buffer);
  using cstd::json::Member;
  w.StartObject();
  Member(w, "passage_id", cstd::schema::PassageId(doc_id, ordinal));
  Member(w, "doc_id", doc_id);
  Member(w, "countries", paragraph.countries);
  Member(w, "session", doc.session);
  Member(w, "year", doc.year);
  Member(w, "speaker_ids", speaker_ids);
  Member(w, "speakers", paragraph.speakers);
  Member(w, "text", paragraph.text);
  w.EndObject();
  out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
  out.put('\n');
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes the passages cstd-indexer would index as JSON lines, for the peer benchmarks.",
               "cstd-bench-export"};
  std::vector<std::string> sources;
  std::string metadata, out_path = "-";
  int replicate = 1;
  app.add_option("SOURCE", sources, "Files or folders (walked recursively, as cstd-indexer build does)")->required();
  app.add_option("--metadata", metadata, "Catalogue (.csv or .jsonl), as cstd-indexer build --metadata");
  app.add_option("--replicate", replicate, "Write every document N times, copies k>1 with id ID~k")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--out", out_path, "Output file; - for stdout")->capture_default_str();
  return cstd::RunProgram(app, argc, argv, [&]() {
    const auto start = std::chrono::steady_clock::now();
    const auto files = cstd::indexer::ListSourceFiles(sources);
    std::optional<cstd::extract::Catalogue> catalogue;
    if (!metadata.empty()) catalogue = cstd::extract::Catalogue::Load(metadata);
    std::ofstream file;
    if (out_path != "-") {
      file.open(out_path, std::ios::binary | std::ios::trunc);
      if (!file) throw cstd::UsageError("--out", out_path + ": cannot write");
    }
    std::ostream& out = out_path == "-" ? std::cout : file;

    cstd::indexer::SpeakerRegistry speakers;
    if (catalogue) speakers.AddAnchors(catalogue->Anchors());
    // The indexer's own pipeline (indexer/file_pipeline.h), in the same file
    // order: the same ids, catalogue values and speaker ids as the index.
    cstd::indexer::FileOrder order(catalogue ? &*catalogue : nullptr, speakers);
    uint64_t bytes = 0, passages = 0, indexed = 0, skipped = 0;
    for (const auto& f : files) {
      cstd::indexer::PreparedFile prepared = cstd::indexer::PrepareFile(f);
      if (!prepared.doc) {
        std::cerr << "warning: " << f.path << ": " << prepared.skipped << ", skipped\n";
        ++skipped;
        continue;
      }
      order.Settle(prepared, f);
      const cstd::ExtractedDocument& doc = *prepared.doc;
      const std::string& doc_id = doc.document.id;
      const std::vector<std::vector<std::string>>& speaker_ids = prepared.speakers.ids;
      for (int copy = 1; copy <= replicate; ++copy) {
        const std::string id = copy == 1 ? doc_id : doc_id + "~" + std::to_string(copy);
        for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
          WritePassage(out, id, i + 1, doc.document, doc.paragraphs[i], speaker_ids[i]);
        }
        passages += doc.paragraphs.size();
      }
      ++indexed;
      std::error_code ec;
      bytes += fs::file_size(f.path, ec);
    }
    out.flush();
    if (!out) throw cstd::IndexError(out_path + ": write failed");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "exported " << indexed << " files x" << replicate << " (" << passages << " passages, "
              << static_cast<double>(bytes) / 1e6 << " MB read) in " << seconds << " s; skipped " << skipped << "\n";
    return cstd::kExitOk;
  });
}
