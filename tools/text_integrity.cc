// cstd-text-integrity: does every letter of an archive's body text reach a
// paragraph? Extracts every supported file under the given folders (or the
// files given) and reports each file that loses text, with the first line
// lost, then how many files and letters were read and lost. Exit status 0
// when nothing is lost, 1 when some file loses text, 2 on a usage error.
//
//   build/bin/cstd-text-integrity FOLDER_OR_FILE... [--every N]

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "extract/extract.h"
#include "extract/reader.h"
#include "model/errors.h"
#include "model/program.h"

int main(int argc, char** argv) {
  CLI::App app{"Checks that extraction loses no text: every letter of the body reaches a paragraph.",
               "cstd-text-integrity"};
  std::vector<std::string> sources;
  size_t every = 1;
  app.add_option("SOURCE", sources, "Folders (walked recursively) or files")->required();
  app.add_option("--every", every, "Check every Nth file only, in path order (a sample)")
      ->check(CLI::Range(1, 1000000));
  return cstd::RunProgram(app, argc, argv, [&]() {
    std::vector<std::filesystem::path> files;
    for (const auto& source : sources) {
      if (std::filesystem::is_directory(source)) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(source)) {
          if (entry.is_regular_file() && cstd::extract::IsSupported(entry.path().string())) {
            files.push_back(entry.path());
          }
        }
      } else {
        files.emplace_back(source);
      }
    }
    std::sort(files.begin(), files.end());
    size_t checked = 0, losing = 0, unreadable = 0, missing = 0;
    uintmax_t bytes = 0;
    for (size_t i = 0; i < files.size(); i += every) {
      const std::string path = files[i].string();
      try {
        const cstd::ExtractedDocument doc = cstd::extract::ExtractFile(path, files[i].filename().string());
        ++checked;
        bytes += std::filesystem::file_size(files[i]);
        if (doc.letters_missing > 0) {
          ++losing;
          missing += doc.letters_missing;
          for (const std::string& w : doc.warnings) {
            if (w.rfind("text lost:", 0) == 0) std::cout << path << ": " << w << "\n";
          }
        }
      } catch (const cstd::InputError& e) {
        ++unreadable;
        std::cout << e.what() << " (unreadable, not checked)\n";
      }
    }
    std::cout << "text integrity: " << checked << " files, " << bytes << " bytes read; " << losing
              << " files lose text (" << missing << " letters); " << unreadable << " unreadable\n";
    return losing == 0 ? cstd::kExitOk : cstd::kExitFailure;
  });
}
