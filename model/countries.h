// The country gazetteer (data/countries.tsv): UN member and observer states,
// historical states under the codes the UN General Debate Corpus uses, and the
// EU. Used by the indexer to resolve delegations and by the search side to
// accept "country:Brazil" and label facets.

#ifndef CSTD_MODEL_COUNTRIES_H_
#define CSTD_MODEL_COUNTRIES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cstd {

struct Country {
  std::string code;                   // ISO 3166-1 alpha-3, or UNGDC code
  std::string name;                   // official UN name
  std::string short_name;             // display name
  std::vector<std::string> variants;  // former and alternative names
  std::string status;                 // member, observer, historical, organization
};

class Countries {
 public:
  /// The table compiled into the binary from data/countries.tsv. Parsed once,
  /// on first use; throws DataError if the table is malformed.
  static const Countries& Builtin();

  /// Builds a gazetteer from TSV content (header: code name short variants
  /// status). Throws DataError on a malformed table or a name that maps to
  /// two codes.
  Countries(std::string_view table_name, std::string_view tsv);

  /// The country with this code (case-insensitive), or nullptr.
  const Country* FindByCode(std::string_view code) const;

  /// The country whose name, short name or variant equals `name` under
  /// text::FoldKey (so case, diacritics and punctuation do not matter, and a
  /// leading "the" is ignored), or nullptr.
  const Country* FindByName(std::string_view name) const;

  /// FindByName, else the one country whose name, short name or variant is
  /// within a small edit distance of `name` (1 for names under 8 letters, 2
  /// from 8 on; never for names under 5), so "Camerron" finds Cameroon. When
  /// two countries are equally close, nullptr: a guess is worse than none.
  const Country* FindByNameFuzzy(std::string_view name) const;

  /// The longest country name (up to kMaxNameWords words) starting at the
  /// beginning of `text`, exactly as FindByName matches it. Returns the
  /// country and sets `*length` to the bytes matched; nullptr if none.
  const Country* MatchPrefix(std::string_view text, size_t* length) const;
  static constexpr int kMaxNameWords = 9;

  /// FindByCode, then FindByName.
  const Country* Find(std::string_view code_or_name) const;

  /// What a user means by `value`: the one country Find() gives, else every
  /// country one of whose names holds all the words of `value` as whole
  /// words ("Palestine", "Korea" for both Koreas, "Congo Kinshasa"), in table
  /// order; empty when none does.
  std::vector<const Country*> Matching(std::string_view value) const;

  /// Every name of `c` (name, short name, variants) and its code, as one key
  /// of FoldKey words: what a typed prefix is matched against.
  static std::string SearchKey(const Country& c);

  const std::vector<Country>& all() const { return countries_; }

 private:
  std::vector<Country> countries_;
  std::unordered_map<std::string, size_t> by_code_;
  std::unordered_map<std::string, size_t> by_key_;
};

}  // namespace cstd

#endif  // CSTD_MODEL_COUNTRIES_H_
