// Fuzz target: one archive file's bytes through its reader (text, Markdown,
// HTML or PDF, chosen by CSTD_FUZZ_FILE_NAME's extension at compile time,
// one binary per format) and on through everything extraction does with the
// text -- structure, metadata, attribution, action lines -- exactly as
// cstd-indexer reads a file (ParseFileBytes, then Extract).
//
// Contract under test: any bytes either give a document or an InputError
// (the file is skipped with its reason); nothing else escapes, nothing
// crashes, leaks or hangs.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "extract/reader.h"
#include "model/archive_file.h"
#include "model/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Files past the limit are refused before they are read (ReadBytes).
  if (size > cstd::kMaxFileBytes) return -1;
  const std::string path = CSTD_FUZZ_FILE_NAME;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    std::vector<std::string> warnings;
    const cstd::extract::SourceText text = cstd::extract::ParseFileBytes(path, bytes, &warnings);
    const cstd::ExtractedDocument doc = cstd::extract::Extract(path, path, text);
    // Every paragraph's page lies within the document's pages.
    for (const auto& p : doc.paragraphs) {
      if (p.page && (*p.page < 1 || static_cast<size_t>(*p.page) > text.page_starts.size())) __builtin_trap();
    }
  } catch (const cstd::InputError&) {
    // A file the indexer skips, with its reason: the expected refusal.
  }
  return 0;
}
