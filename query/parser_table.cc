#include "query/parser_table.h"

#include <stdlib.h>
#include <xapian.h>

#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "model/synonyms.h"

namespace cstd::query {

ParserTable::ParserTable(const std::vector<SpellingWord>& spellings) : spelling_count_(spellings.size()) {
  std::string pattern = (std::filesystem::temp_directory_path() / "cstd-parser-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot make a folder in " + pattern);
  path_ = pattern;
  try {
    // Glass: Xapian's in-memory backend keeps neither synonyms nor
    // spellings.
    Xapian::WritableDatabase db(path_, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    AddSynonyms(db);
    for (const auto& [word, frequency] : spellings) db.add_spelling(word, frequency);
    db.commit();
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
    throw;
  }
}

ParserTable::~ParserTable() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace cstd::query
