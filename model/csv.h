// Reader for comma-separated files (RFC 4180) as people keep them by hand:
// the --metadata catalogues (extract/catalogue.h). Beside model/tsv.h, the
// reader of the project's own tables.

#ifndef CSTD_MODEL_CSV_H_
#define CSTD_MODEL_CSV_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cstd {

/// One CSV record: its fields and the line it starts on (1-based).
struct CsvRecord {
  size_t line = 0;
  std::vector<std::string> fields;
};

/// Parses RFC 4180 CSV. A leading UTF-8 BOM is dropped; records end at CRLF,
/// LF or CR outside quotes; line breaks inside quotes are kept as "\n"; blank
/// lines yield no record. Recoverable faults (a quote inside an unquoted
/// field, text after a closing quote) keep the text literally and add a
/// warning "NAME:LINE: ..." to `warnings`. Throws InputError(name, "line N:
/// ...") for a quoted field that is never closed.
std::vector<CsvRecord> ParseCsv(std::string_view name, std::string_view content, std::vector<std::string>* warnings);

}  // namespace cstd

#endif  // CSTD_MODEL_CSV_H_
