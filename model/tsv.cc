#include "model/tsv.h"

#include "model/errors.h"
#include "model/text.h"

namespace cstd {

size_t TsvTable::Column(std::string_view column) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == column) return i;
  }
  throw DataError(name + ": no column '" + std::string(column) + "'");
}

TsvTable ParseTsv(std::string_view name, std::string_view content) {
  TsvTable table;
  table.name = std::string(name);
  size_t line_number = 0;
  for (std::string_view line : text::Split(content, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields;
    for (std::string_view field : text::Split(line, '\t')) fields.emplace_back(text::Trim(field));
    if (table.header.empty()) {
      table.header = std::move(fields);
      continue;
    }
    if (fields.size() != table.header.size()) {
      throw DataError(table.name + ":" + std::to_string(line_number) + ": " + std::to_string(fields.size()) +
                      " fields where the header has " + std::to_string(table.header.size()));
    }
    table.rows.push_back(std::move(fields));
  }
  if (table.header.empty()) throw DataError(table.name + ": empty table");
  return table;
}

}  // namespace cstd
