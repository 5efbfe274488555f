#include "model/csv.h"

#include "model/errors.h"

namespace cstd {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

}  // namespace

std::vector<CsvRecord> ParseCsv(std::string_view name, std::string_view content, std::vector<std::string>* warnings) {
  if (content.substr(0, kBom.size()) == kBom) content.remove_prefix(kBom.size());
  std::vector<CsvRecord> records;
  size_t line = 1;
  size_t i = 0;
  const size_t n = content.size();
  const auto warn = [&](size_t at, const std::string& message) {
    if (warnings) warnings->push_back(std::string(name) + ":" + std::to_string(at) + ": " + message);
  };
  // Consumes a line break at i, if any; true if there was one.
  const auto line_break = [&]() {
    if (i < n && content[i] == '\r') {
      ++i;
      if (i < n && content[i] == '\n') ++i;
      ++line;
      return true;
    }
    if (i < n && content[i] == '\n') {
      ++i;
      ++line;
      return true;
    }
    return false;
  };
  while (i < n) {
    CsvRecord record;
    record.line = line;
    bool blank = true;
    while (true) {
      std::string field;
      if (i < n && content[i] == '"') {
        blank = false;
        const size_t opened = line;
        ++i;
        while (true) {
          if (i >= n)
            throw InputError(std::string(name), "line " + std::to_string(opened) + ": quoted field is never closed");
          const char c = content[i];
          if (c == '"') {
            if (i + 1 < n && content[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (c == '\r' || c == '\n') {
            line_break();
            field += '\n';
            continue;
          }
          field += c;
          ++i;
        }
        if (i < n && content[i] != ',' && content[i] != '\r' && content[i] != '\n') {
          warn(line,
               "text after the closing quote of field " + std::to_string(record.fields.size() + 1) + "; kept as it is");
          while (i < n && content[i] != ',' && content[i] != '\r' && content[i] != '\n') field += content[i++];
        }
      } else {
        bool stray = false;
        while (i < n && content[i] != ',' && content[i] != '\r' && content[i] != '\n') {
          if (content[i] == '"') stray = true;
          field += content[i++];
        }
        if (stray) {
          warn(line, "a quote inside unquoted field " + std::to_string(record.fields.size() + 1) +
                         " (quote the whole field and double the quote); kept as it is");
        }
        if (!field.empty()) blank = false;
      }
      record.fields.push_back(std::move(field));
      if (i < n && content[i] == ',') {
        blank = false;
        ++i;
        continue;
      }
      line_break();
      break;
    }
    if (!blank) records.push_back(std::move(record));
  }
  return records;
}

}  // namespace cstd
