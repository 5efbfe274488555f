#include "model/synonyms.h"

#include <algorithm>
#include <cctype>

#include "model/errors.h"
#include "model/text.h"
#include "model/tsv.h"

namespace cstd {

namespace embedded {
std::string_view synonyms_tsv();
}

const Synonyms& Synonyms::Builtin() {
  static const Synonyms kBuiltin("data/synonyms.tsv", embedded::synonyms_tsv());
  return kBuiltin;
}

Synonyms::Synonyms(std::string_view table_name, std::string_view tsv) {
  const TsvTable table = ParseTsv(table_name, tsv);
  const size_t term = table.Column("term"), expansions = table.Column("expansions");
  const auto lower = [](const std::string& s) {
    return std::none_of(s.begin(), s.end(), [](unsigned char c) { return std::isupper(c); });
  };
  for (const auto& row : table.rows) {
    Synonym synonym{row[term], {}};
    for (std::string_view e : text::Split(row[expansions], '|')) {
      e = text::Trim(e);
      if (e.empty()) throw DataError(table.name + ": '" + synonym.term + "' has an empty expansion");
      synonym.expansions.emplace_back(e);
    }
    if (synonym.term.empty() || synonym.expansions.empty() || !lower(synonym.term) ||
        !std::all_of(synonym.expansions.begin(), synonym.expansions.end(), lower)) {
      throw DataError(table.name + ": row '" + synonym.term + "' must have a lower-case term and expansions");
    }
    synonyms_.push_back(std::move(synonym));
  }
}

void AddSynonyms(Xapian::WritableDatabase& db) {
  // Spelled-out forms of acronyms are synonyms of the acronym's term, so a
  // query that spells a form out also finds passages that use the acronym.
  for (const Synonym& synonym : Synonyms::Builtin().all()) {
    for (const std::string& expansion : synonym.expansions) db.add_synonym(expansion, synonym.term);
  }
}

}  // namespace cstd
