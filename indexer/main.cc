// cstd-indexer: turns archive files into a search index.

#include <iostream>

#include "indexer/build.h"
#include "indexer/catalogue.h"
#include "indexer/extract.h"
#include "model/document_json.h"
#include "model/program.h"

int main(int argc, char** argv) {
  CLI::App app{"Turns CSTD archive files (.txt, .md) into a search index.", "cstd-indexer"};
  cstd::AddVersionFlag(app, "cstd-indexer");
  app.require_subcommand(1);

  cstd::indexer::BuildOptions build;
  CLI::App* build_cmd = app.add_subcommand("build", "Index SOURCE files and folders into --index DIR");
  build_cmd->add_option("--index", build.index_dir, "Index folder (created if missing)")->required();
  build_cmd->add_option("--metadata", build.metadata_path,
                        "Catalogue (.csv or .jsonl) of per-file metadata that overrides what is extracted");
  build_cmd->add_option("SOURCE", build.sources, "Files or folders (walked recursively)")->required();

  std::string inspect_file;
  CLI::App* inspect_cmd =
      app.add_subcommand("inspect", "Print the model extracted from FILE as JSON; touches no index");
  inspect_cmd->add_option("FILE", inspect_file, "An archive file")->required();
  std::string inspect_metadata;
  inspect_cmd->add_option("--metadata", inspect_metadata, "Catalogue (.csv or .jsonl) to apply, as build would");

  return cstd::RunProgram(app, argc, argv, [&]() {
    if (*build_cmd) {
      const auto summary = cstd::indexer::Build(build, std::cerr);
      std::cerr << cstd::indexer::FormatSummary(summary);
      return cstd::kExitOk;
    }
    auto doc = cstd::indexer::ExtractFile(inspect_file, inspect_file);
    if (!inspect_metadata.empty()) {
      auto catalogue = cstd::indexer::Catalogue::Load(inspect_metadata);
      for (const auto& warning : catalogue.warnings()) std::cerr << "warning: " << warning << "\n";
      if (!catalogue.Apply(inspect_file, doc)) {
        std::cerr << "warning: " << inspect_file << ": no row of " << inspect_metadata << " matches this file\n";
      }
    }
    std::cout << cstd::ExtractedToJson(doc);
    return cstd::kExitOk;
  });
}
