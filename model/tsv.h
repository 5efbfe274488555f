// Reader for the tab-separated tables in data/.

#ifndef CSTD_MODEL_TSV_H_
#define CSTD_MODEL_TSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace cstd {

/// A parsed TSV table: a header and rows of the same width.
struct TsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  /// Index of column `name`. Throws DataError naming the table if absent.
  size_t Column(std::string_view name) const;
  std::string name;  // for error messages, e.g. "data/countries.tsv"
};

/// Parses `content`. The first line is the header; blank lines and lines
/// starting with '#' are skipped. Throws DataError naming `name` and the line
/// when a row has a different number of fields than the header.
TsvTable ParseTsv(std::string_view name, std::string_view content);

}  // namespace cstd

#endif  // CSTD_MODEL_TSV_H_
