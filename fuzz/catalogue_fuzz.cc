// Fuzz target: a catalogue (--metadata) file's bytes, CSV or JSONL by
// CSTD_FUZZ_FILE_NAME's extension (one binary per format), parsed and then
// applied to documents whose file names its rows may match: by path, and
// the UNGDC's ISO3_SESSION_YEAR.txt names (matched by code or by Country
// name).
//
// Contract under test: Parse either gives a catalogue or throws InputError
// (not a catalogue); Apply never throws; after applying, Unmatched() and
// the summary strings can be made.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/catalogue.h"
#include "extract/extract.h"
#include "model/errors.h"

namespace {

const cstd::ExtractedDocument& Sample() {
  static const cstd::ExtractedDocument doc = cstd::extract::Extract(
      "BRA_78_2023.txt", "BRA_78_2023.txt",
      std::string_view("Seventy-eighth session\n\n1. Mr. Silva (Brazil) said that data governance mattered.\n"));
  return doc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  try {
    cstd::extract::Catalogue catalogue = cstd::extract::Catalogue::Parse(CSTD_FUZZ_FILE_NAME, content);
    for (const char* relative :
         {"BRA_78_2023.txt", "TXT/Session 78 - 2023/PRT_78_2023.txt", "a/report.md", "report.pdf", "x"}) {
      cstd::ExtractedDocument doc = Sample();
      catalogue.Apply(relative, doc);
    }
    for (const auto& row : catalogue.Unmatched()) (void)row.ToString();
  } catch (const cstd::InputError&) {
    // Not a catalogue: the build refuses it with this reason.
  }
  return 0;
}
