// cstd-indexer: turns archive files into a search index.

#include <iostream>

#include "indexer/build.h"
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
  build_cmd->add_option("SOURCE", build.sources, "Files or folders (walked recursively)")->required();

  std::string inspect_file;
  CLI::App* inspect_cmd =
      app.add_subcommand("inspect", "Print the model extracted from FILE as JSON; touches no index");
  inspect_cmd->add_option("FILE", inspect_file, "An archive file")->required();

  return cstd::RunProgram(app, argc, argv, [&]() {
    if (*build_cmd) {
      const auto summary = cstd::indexer::Build(build, std::cerr);
      std::cerr << cstd::indexer::FormatSummary(summary);
      return cstd::kExitOk;
    }
    const auto doc = cstd::indexer::ExtractFile(inspect_file, inspect_file);
    std::cout << cstd::ExtractedToJson(doc);
    return cstd::kExitOk;
  });
}
