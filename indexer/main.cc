// cstd-indexer: turns archive files into a search index.

#include <unistd.h>

#include <csignal>
#include <iostream>

#include "extract/catalogue.h"
#include "extract/extract.h"
#include "extract/file_deadline.h"
#include "indexer/build.h"
#include "indexer/snapshot.h"
#include "indexer/speaker_review.h"
#include "indexer/stats.h"
#include "model/document_json.h"
#include "model/errors.h"
#include "model/program.h"
#include "model/shard_layout.h"

int main(int argc, char** argv) {
  CLI::App app{"Turns CSTD archive files (.txt, .md, .pdf, .html) into a search index.", "cstd-indexer"};
  cstd::AddVersionFlag(app, "cstd-indexer");
  app.require_subcommand(1);

  cstd::indexer::BuildOptions build;
  CLI::App* build_cmd = app.add_subcommand("build", "Index SOURCE files and folders into --index DIR");
  build_cmd->add_option("--index", build.index_dir, "Index folder (created if missing)")->required();
  build_cmd->add_option("--metadata", build.metadata_paths,
                        "Catalogue (.csv or .jsonl) of per-file metadata that overrides what is extracted; "
                        "repeat to merge several (later ones win field by field)");
  build_cmd->add_flag("--rebuild", build.rebuild,
                      "Write a whole new generation beside the live one and switch to it when it is checked");
  build_cmd->add_option("--jobs", build.threads, "Threads for a new generation (default: one per core)")
      ->check(CLI::Range(1, 256));
  std::string shard;
  build_cmd->add_option("--shard", shard,
                        "Build shard K of N (K/N): the documents whose id hashes to K (or that --shard-layout "
                        "sends to K), as a new generation; every file is read, so that ids agree across the N shards");
  std::string shard_layout;
  build_cmd->add_option("--shard-layout", shard_layout,
                        "With --shard: a file of rules sending documents to shards by session, year or body "
                        "(README, \"Shards and read replicas\")");
  build_cmd->add_option("SOURCE", build.sources, "Files or folders (walked recursively)")->required();
  double file_time_limit = cstd::extract::kDefaultFileTimeLimitSeconds;
  build_cmd
      ->add_option("--file-time-limit", file_time_limit,
                   "Seconds one file may take to read and extract; a slower file is skipped and reported (0: none)")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str();

  std::string stats_index;
  CLI::App* stats_cmd = app.add_subcommand("stats", "Print what the index holds and its size as JSON");
  stats_cmd->add_option("--index", stats_index, "Index folder")->required();

  std::string speakers_index;
  CLI::App* speakers_cmd = app.add_subcommand(
      "speakers", "Print, as JSON, the speakers whose name was merged from several forms and possible merges, to review");
  speakers_cmd->add_option("--index", speakers_index, "Index folder")->required();

  std::string snapshot_index, snapshot_file;
  CLI::App* export_cmd =
      app.add_subcommand("export", "Write a compact copy of the live generation to ARCHIVE (.tar.zst)");
  export_cmd->add_option("--index", snapshot_index, "Index folder")->required();
  export_cmd->add_option("--output", snapshot_file, "Output file (.tar.zst)")->required();
  CLI::App* import_cmd =
      app.add_subcommand("import", "Check ARCHIVE (from export) and make it the live generation of --index");
  import_cmd->add_option("--index", snapshot_index, "Index folder (created if missing)")->required();
  import_cmd->add_option("ARCHIVE", snapshot_file, "A snapshot written by export")->required();

  std::string inspect_file;
  CLI::App* inspect_cmd =
      app.add_subcommand("inspect", "Print the model extracted from FILE as JSON; touches no index");
  inspect_cmd->add_option("FILE", inspect_file, "An archive file")->required();
  std::vector<std::string> inspect_metadata;
  inspect_cmd->add_option("--metadata", inspect_metadata, "Catalogue (.csv or .jsonl) to apply, as build would; repeatable");

  // A write past RLIMIT_FSIZE (a quota, or a test's stand-in for a full
  // disk) then fails with EFBIG and a clear error, instead of killing the
  // process.
  std::signal(SIGXFSZ, SIG_IGN);
  return cstd::RunProgram(app, argc, argv, [&]() {
    if (*build_cmd) {
      cstd::extract::SetFileTimeLimit(file_time_limit);
      build.terminal = isatty(STDERR_FILENO) != 0;
      if (!shard.empty()) build.shard = cstd::IndexShard{cstd::ParseShardSpec("--shard", shard), std::nullopt};
      if (!shard_layout.empty()) {
        if (!build.shard) throw cstd::UsageError("--shard-layout", "--shard-layout needs --shard K/N: which shard to build");
        build.shard->layout = cstd::ShardLayout::Read(shard_layout);
        if (build.shard->layout->shard_count() != build.shard->spec.count) {
          throw cstd::UsageError("--shard-layout", "--shard-layout " + shard_layout + " has " +
                                                       std::to_string(build.shard->layout->shard_count()) +
                                                       " shards; --shard " + shard + " says " +
                                                       std::to_string(build.shard->spec.count));
        }
      }
      const auto summary = cstd::indexer::Build(build, std::cerr);
      std::cerr << cstd::indexer::FormatSummary(summary);
      return cstd::kExitOk;
    }
    if (*stats_cmd) {
      std::cout << cstd::indexer::IndexStatsJson(stats_index);
      return cstd::kExitOk;
    }
    if (*speakers_cmd) {
      std::cout << cstd::indexer::SpeakerReviewJson(speakers_index);
      return cstd::kExitOk;
    }
    if (*export_cmd) {
      const auto r = cstd::indexer::ExportIndex(snapshot_index, snapshot_file);
      std::cerr << "exported " << r.generation << " to " << snapshot_file << ": " << r.files << " files, "
                << r.bytes / 1000000.0 << " MB unpacked, " << r.archive_bytes / 1000000.0 << " MB packed\n";
      return cstd::kExitOk;
    }
    if (*import_cmd) {
      const auto r = cstd::indexer::ImportIndex(snapshot_index, snapshot_file);
      std::cerr << "imported " << snapshot_file << " as " << r.generation << ", checked and live: " << r.files
                << " files, " << r.bytes / 1000000.0 << " MB\n";
      for (const auto& g : r.old_generations_kept) {
        std::cerr << "kept " << g << ": a reader still holds it; the next build deletes it\n";
      }
      return cstd::kExitOk;
    }
    auto doc = cstd::extract::ExtractFile(inspect_file, inspect_file);
    if (!inspect_metadata.empty()) {
      auto catalogue = cstd::extract::Catalogue::Load(inspect_metadata[0]);
      for (size_t i = 1; i < inspect_metadata.size(); ++i) {
        catalogue.Merge(cstd::extract::Catalogue::Load(inspect_metadata[i]));
      }
      for (const auto& warning : catalogue.warnings()) std::cerr << "warning: " << warning << "\n";
      if (!catalogue.Apply(inspect_file, doc)) {
        std::cerr << "warning: " << inspect_file << ": no catalogue row matches this file\n";
      }
    }
    std::cout << cstd::ExtractedToJson(doc);
    return cstd::kExitOk;
  });
}
