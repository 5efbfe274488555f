// The archive's acronyms and their spelled-out forms (data/synonyms.tsv):
// "ICT" / "information and communication technology". The indexer tags
// passages that spell a form out with the acronym's term, and records the
// forms as Xapian synonyms, so either wording finds both.

#ifndef CSTD_MODEL_SYNONYMS_H_
#define CSTD_MODEL_SYNONYMS_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace cstd {

struct Synonym {
  std::string term;                     // the acronym, lower case: "icts"
  std::vector<std::string> expansions;  // spelled-out forms, lower case
};

class Synonyms {
 public:
  /// The table compiled in from data/synonyms.tsv; throws DataError if it is
  /// malformed (an upper-case entry, an empty expansion).
  static const Synonyms& Builtin();

  /// Builds the table from TSV content (header: term expansions).
  Synonyms(std::string_view table_name, std::string_view tsv);

  const std::vector<Synonym>& all() const { return synonyms_; }

 private:
  std::vector<Synonym> synonyms_;
};

/// Records the synonym table (Synonyms::Builtin) in `db`: what the indexer
/// writes into every index, and what a searchd over shards gives its query
/// parser (Xapian's remote backend does not serve synonyms).
void AddSynonyms(Xapian::WritableDatabase& db);

}  // namespace cstd

#endif  // CSTD_MODEL_SYNONYMS_H_
