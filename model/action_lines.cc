#include "model/action_lines.h"

#include <strings.h>

#include "model/errors.h"
#include "model/text.h"
#include "model/tsv.h"

namespace cstd {

namespace embedded {
std::string_view action_lines_tsv();
}

const ActionLines& ActionLines::Builtin() {
  static const ActionLines kBuiltin("data/action_lines.tsv", embedded::action_lines_tsv());
  return kBuiltin;
}

ActionLines::ActionLines(std::string_view table_name, std::string_view tsv) {
  const TsvTable table = ParseTsv(table_name, tsv);
  const size_t code = table.Column("code"), title = table.Column("title"), parent = table.Column("parent"),
               aliases = table.Column("aliases");
  for (const auto& row : table.rows) {
    ActionLine line{row[code], row[title], row[parent], {}};
    for (std::string_view a : text::Split(row[aliases], '|')) {
      a = text::Trim(a);
      if (!a.empty()) line.aliases.emplace_back(a);
    }
    if (line.code.empty() || line.title.empty()) throw DataError(table.name + ": a row without code or title");
    if (FindByCode(line.code)) throw DataError(table.name + ": code " + line.code + " twice");
    lines_.push_back(std::move(line));
  }
  for (const auto& line : lines_) {
    if (!line.parent.empty() && !FindByCode(line.parent)) {
      throw DataError(table.name + ": " + line.code + " has unknown parent " + line.parent);
    }
  }
}

const ActionLine* ActionLines::FindByCode(std::string_view code) const {
  for (const auto& line : lines_) {
    if (line.code.size() == code.size() && strncasecmp(line.code.data(), code.data(), code.size()) == 0) return &line;
  }
  return nullptr;
}

std::string ActionLines::MainLine(std::string_view code) const {
  const ActionLine* line = FindByCode(code);
  if (!line) return {};
  return line->parent.empty() ? line->code : line->parent;
}

}  // namespace cstd
