#include "model/action_line_lexicon.h"

#include "model/action_lines.h"
#include "model/errors.h"
#include "model/text.h"
#include "model/tsv.h"

namespace cstd {

namespace embedded {
std::string_view action_line_lexicon_tsv();
}

const ActionLineLexicon& ActionLineLexicon::Builtin() {
  static const ActionLineLexicon kBuiltin("data/action_line_lexicon.tsv", embedded::action_line_lexicon_tsv());
  return kBuiltin;
}

ActionLineLexicon::ActionLineLexicon(std::string_view table_name, std::string_view tsv) {
  const TsvTable table = ParseTsv(table_name, tsv);
  const size_t code = table.Column("code"), term = table.Column("term"), weight = table.Column("weight"),
               source = table.Column("source");
  const ActionLines& lines = ActionLines::Builtin();
  for (const auto& row : table.rows) {
    const ActionLine* line = lines.FindByCode(row[code]);
    if (!line || !line->parent.empty()) {
      throw DataError(table.name + ": code '" + row[code] + "' is not a main action line (C1..C11)");
    }
    TermWeight w = TermWeight::kWeak;
    if (row[weight] == "strong") {
      w = TermWeight::kStrong;
    } else if (row[weight] == "topical") {
      w = TermWeight::kTopical;
    } else if (row[weight] == "applied") {
      w = TermWeight::kApplied;
    } else if (row[weight] != "weak") {
      throw DataError(table.name + ": weight '" + row[weight] + "' of '" + row[term] +
                      "' is not strong, topical, weak or applied");
    }
    const std::string lower = text::AsciiLower(text::Trim(row[term]));
    if (lower.empty()) throw DataError(table.name + ": an empty term for " + row[code]);
    terms_.push_back({line->code, lower, w, row[source]});
  }
}

}  // namespace cstd
