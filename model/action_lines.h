// The WSIS action lines (data/action_lines.tsv): C1..C11 of the Geneva Plan of
// Action and the C7 sub-lines (C7eGov, C7eHea...).

#ifndef CSTD_MODEL_ACTION_LINES_H_
#define CSTD_MODEL_ACTION_LINES_H_

#include <string>
#include <string_view>
#include <vector>

namespace cstd {

struct ActionLine {
  std::string code;    // "C5", "C7eGov"
  std::string title;   // "Building confidence and security in the use of ICTs"
  std::string parent;  // "C7" for a sub-line, else empty
  std::vector<std::string> aliases;
};

class ActionLines {
 public:
  /// The table compiled in from data/action_lines.tsv; throws DataError if
  /// it is malformed.
  static const ActionLines& Builtin();

  /// Builds the table from TSV content (header: code title parent aliases).
  ActionLines(std::string_view table_name, std::string_view tsv);

  /// The line with this code, case-insensitively ("c7egov" finds C7eGov).
  const ActionLine* FindByCode(std::string_view code) const;

  /// The main line (C1..C11) for `code`: itself, or its parent for a sub-line.
  /// Empty if the code is unknown.
  std::string MainLine(std::string_view code) const;

  const std::vector<ActionLine>& all() const { return lines_; }

 private:
  std::vector<ActionLine> lines_;
};

}  // namespace cstd

#endif  // CSTD_MODEL_ACTION_LINES_H_
