// cstd-pdf-typeset: writes the report the tests' typesetter sets for a seed
// (extract/pdf_typesetter.h) -- to look at a layout the tests read, or to
// make a long PDF for measuring extraction speed.
//
//   build/bin/cstd-pdf-typeset SEED [--paragraphs N] --output FILE.pdf

#include <fstream>
#include <iostream>

#include "extract/pdf_typesetter.h"
#include "model/program.h"

int main(int argc, char** argv) {
  CLI::App app{"Writes the seeded test report as a PDF.", "cstd-pdf-typeset"};
  uint32_t seed = 1;
  int paragraphs = 24;
  std::string output;
  app.add_option("SEED", seed, "Chooses the layout and the text")->required();
  app.add_option("--paragraphs", paragraphs, "Numbered paragraphs, at least")->check(CLI::Range(1, 100000));
  app.add_option("--output", output, "The PDF to write")->required();
  return cstd::RunProgram(app, argc, argv, [&]() {
    const auto report = cstd::extract::testing::TypesetReportForSeed(seed, paragraphs);
    std::ofstream out(output, std::ios::binary);
    out << report.pdf;
    std::cout << output << ": " << report.pages << " pages, " << report.paragraphs.size() << " paragraphs; "
              << cstd::extract::testing::Describe(report.layout) << "\n";
    return out ? cstd::kExitOk : cstd::kExitFailure;
  });
}
