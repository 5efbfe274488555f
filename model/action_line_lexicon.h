// The lexicon of what each WSIS action line is about (data/
// action_line_lexicon.tsv): terms and phrases from the Geneva Plan of
// Action's own description of each line and its sub-lines, each strong
// (names the line's subject alone: "cybersecurity", "e-government"),
// topical (a line's own title words, general elsewhere, that name its
// subject when said in a sentence on ICTs: "international cooperation",
// "capacity building"), weak (counts only with another weak term of the
// same line: "privacy", "training") or applied (a sector of C7's "e-"
// areas, "medical", "farmers", that counts when a word of ICTs is applied
// to it: "online medical services"), with the paragraph of the Plan it
// comes from.

#ifndef CSTD_MODEL_ACTION_LINE_LEXICON_H_
#define CSTD_MODEL_ACTION_LINE_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

namespace cstd {

/// How much one term says of its line (the table's `weight` column).
enum class TermWeight {
  kWeak,     // "weak": needs another weak term of the line
  kTopical,  // "topical": alone in a sentence on ICTs, as a subject
  kStrong,   // "strong": alone in a passage on ICTs, as a subject
  kApplied,  // "applied": a sector, with a word of ICTs applied to it ("online medical services")
};

struct LexiconTerm {
  std::string code;  // main line, "C5"
  std::string term;  // lower case, as written in the table ("e-government")
  TermWeight weight = TermWeight::kWeak;
  std::string source;  // "Geneva Plan of Action, C5 (para 12)"

  /// True for a term that names its line's subject alone. An applied term
  /// is not strong: alone it is a sector; with a word of ICTs applied to
  /// it the inference counts the two together as a strong term.
  bool strong() const { return weight == TermWeight::kStrong; }
};

class ActionLineLexicon {
 public:
  /// The lexicon compiled in from data/action_line_lexicon.tsv; throws
  /// DataError if it is malformed.
  static const ActionLineLexicon& Builtin();

  /// Builds the lexicon from TSV content (header: code term weight source);
  /// throws DataError naming the table for an unknown code (not C1..C11), a
  /// weight other than "strong", "topical", "weak" or "applied", or an
  /// empty term.
  ActionLineLexicon(std::string_view table_name, std::string_view tsv);

  const std::vector<LexiconTerm>& terms() const { return terms_; }

 private:
  std::vector<LexiconTerm> terms_;
};

}  // namespace cstd

#endif  // CSTD_MODEL_ACTION_LINE_LEXICON_H_
