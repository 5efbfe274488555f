// cstd-pdf-text: the text the indexer reads from a PDF, page by page, in
// the form ParseStructure gets it -- to see what layout reading made of a
// file.
//
//   build/bin/cstd-pdf-text FILE.pdf

#include <iostream>

#include "extract/pdf_reader.h"
#include "extract/reader.h"
#include "model/program.h"

int main(int argc, char** argv) {
  CLI::App app{"Prints the text of each page of a PDF as the indexer reads it.", "cstd-pdf-text"};
  std::string file;
  app.add_option("FILE", file, "A PDF file")->required();
  return cstd::RunProgram(app, argc, argv, [&]() {
    const std::vector<std::string> pages = cstd::extract::PdfToPages(file, cstd::extract::ReadBytes(file));
    for (size_t i = 0; i < pages.size(); ++i) std::cout << "=== page " << i + 1 << "\n" << pages[i] << "\n";
    return cstd::kExitOk;
  });
}
