// cstd-extraction-bench: how fast the indexer understands documents, without
// writing an index. Reads and extracts every supported file under the given
// folders and reports MB/s on one core -- of files, and of the text read
// from them -- and, for PDFs, pages/s.
//
//   build/bin/cstd-extraction-bench FOLDER... [--repeat N]

#include <chrono>
#include <filesystem>
#include <iostream>

#include "extract/extract.h"
#include "extract/reader.h"
#include "model/errors.h"
#include "model/program.h"

int main(int argc, char** argv) {
  CLI::App app{"Measures extraction speed (read + understand, no index).", "cstd-extraction-bench"};
  std::vector<std::string> folders;
  int repeat = 1;
  app.add_option("FOLDER", folders, "Folders of archive files")->required();
  app.add_option("--repeat", repeat, "Passes over the files")->check(CLI::Range(1, 100));
  return cstd::RunProgram(app, argc, argv, [&]() {
    std::vector<std::filesystem::path> files;
    for (const auto& folder : folders) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file() && cstd::extract::IsSupported(entry.path().string())) files.push_back(entry.path());
      }
    }
    uint64_t bytes = 0, text_bytes = 0, pages = 0, paragraphs = 0, speakers = 0, failed = 0;
    double read_seconds = 0;  // reading files into text (for PDFs: layout reading)
    const auto start = std::chrono::steady_clock::now();
    for (int pass = 0; pass < repeat; ++pass) {
      for (const auto& file : files) {
        try {
          const auto read_start = std::chrono::steady_clock::now();
          const cstd::extract::SourceText text = cstd::extract::ReadFile(file.string());
          read_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - read_start).count();
          const auto doc = cstd::extract::Extract(file.string(), file.filename().string(), text);
          bytes += std::filesystem::file_size(file);
          text_bytes += text.text.size();
          pages += text.page_starts.size();
          paragraphs += doc.paragraphs.size();
          speakers += doc.speakers.size();
        } catch (const cstd::InputError&) {
          ++failed;
        }
      }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "files " << files.size() * static_cast<size_t>(repeat) << ", " << static_cast<double>(bytes) / 1e6
              << " MB, " << paragraphs << " paragraphs, " << speakers << " speakers, " << failed << " unreadable, "
              << seconds << " s: " << static_cast<double>(bytes) / 1e6 / seconds << " MB/s\n";
    std::cout << "text " << static_cast<double>(text_bytes) / 1e6 << " MB read in " << read_seconds
              << " s: " << static_cast<double>(text_bytes) / 1e6 / seconds << " MB of text/s extracted";
    if (pages > 0) std::cout << ", " << pages << " PDF pages: " << static_cast<double>(pages) / seconds << " pages/s";
    std::cout << "\n";
    return cstd::kExitOk;
  });
}
