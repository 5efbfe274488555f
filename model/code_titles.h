// Closed lists of codes with a title each, compiled in from data/: the
// document types of the contract (data/document_types.tsv) and the UN
// bodies that extraction assigns (data/bodies.tsv). The API writes these
// codes bare ("panel-report", "CSTD"); /v1/labels gives their titles, so a
// front end keeps no copy of them.

#ifndef CSTD_MODEL_CODE_TITLES_H_
#define CSTD_MODEL_CODE_TITLES_H_

#include <string>
#include <string_view>
#include <vector>

namespace cstd {

struct CodeTitle {
  std::string code;   // "panel-report", "CSTD"
  std::string title;  // "Panel report", "Commission on Science and Technology for Development"
};

class CodeTitles {
 public:
  /// The document types of the contract, in its order (data/document_types.tsv).
  static const CodeTitles& DocumentTypes();
  /// The UN bodies extraction assigns a document to (data/bodies.tsv). A
  /// catalogue may name others; they have no title.
  static const CodeTitles& Bodies();

  /// Builds a table from TSV content with columns `code` and `title`.
  /// Throws DataError naming `table_name` for a missing column, an empty
  /// code or title, or a code given twice.
  CodeTitles(std::string_view table_name, std::string_view tsv);

  /// The entry of `code` exactly as written, or null.
  const CodeTitle* Find(std::string_view code) const;
  /// The entry whose code is `code` but for ASCII case ("cstd" finds CSTD),
  /// or null.
  const CodeTitle* FindIgnoringCase(std::string_view code) const;

  /// Every entry, in the table's order.
  const std::vector<CodeTitle>& all() const { return entries_; }

 private:
  std::vector<CodeTitle> entries_;
};

}  // namespace cstd

#endif  // CSTD_MODEL_CODE_TITLES_H_
