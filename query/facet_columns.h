// The facet fields of every passage, held in memory as columns, so that
// counting a match set costs an array lookup per passage instead of a value
// slot read (a B-tree lookup and a string split) per passage.

#ifndef CSTD_QUERY_FACET_COLUMNS_H_
#define CSTD_QUERY_FACET_COLUMNS_H_

#include <xapian.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "query/facets.h"

namespace cstd::query {

/// A column is the facet fields plus the document a passage belongs to (for
/// exact totals of group=document). kActionLine holds every line a passage
/// is tagged with, named or inferred; kActionLineExplicit the named ones.
enum class Column { kCountry, kSpeaker, kSession, kYear, kActionLine, kType, kDocument, kActionLineExplicit };
inline constexpr size_t kColumnCount = 8;

/// The column holding `field` (for action lines, in `mode`).
constexpr Column ColumnOf(FacetField field, ActionLineMode mode = ActionLineMode::kAll) {
  if (field == FacetField::kActionLine && mode == ActionLineMode::kExplicit) return Column::kActionLineExplicit;
  return static_cast<Column>(static_cast<int>(field));
}

/// Every passage's values of every column, as small integer ids into one
/// dictionary per column. Immutable once built, so threads share it.
class FacetColumns {
 public:
  /// Reads the value slots of `db` (one sequential pass per slot). Throws
  /// whatever Xapian throws, DatabaseModifiedError included.
  explicit FacetColumns(const Xapian::Database& db);

  /// The columns of `db` at its current revision, built once and shared by
  /// every caller holding the same revision of the same database (one set
  /// per generation, not one per searchd thread).
  static std::shared_ptr<const FacetColumns> For(const Xapian::Database& db);

  /// Ids of `column`'s values for passage `did`; empty when it has none or
  /// `did` is past the last passage the columns were built from.
  std::span<const uint32_t> Values(Column column, Xapian::docid did) const {
    const Data& d = data_[static_cast<size_t>(column)];
    if (did + 1 >= d.offsets.size()) return {};
    return {d.ids.data() + d.offsets[did], d.ids.data() + d.offsets[did + 1]};
  }

  /// The value with id `id` ("BRA", "2001", a speaker id, ...).
  const std::string& Value(Column column, uint32_t id) const { return data_[static_cast<size_t>(column)].values[id]; }

  /// Number of distinct values of `column`.
  size_t Cardinality(Column column) const { return data_[static_cast<size_t>(column)].values.size(); }

  /// The id of `value` in `column`, or nullopt when no passage has it.
  std::optional<uint32_t> Find(Column column, std::string_view value) const;

  /// Bytes held, for /metrics and benchmarks.
  size_t memory_bytes() const;

 private:
  // Compressed sparse rows: passage did's ids are ids[offsets[did]] up to
  // ids[offsets[did + 1]].
  struct Data {
    std::vector<uint32_t> offsets;
    std::vector<uint32_t> ids;
    std::vector<std::string> values;
    std::unordered_map<std::string, uint32_t> index;
  };
  void Load(const Xapian::Database& db, Column column);

  std::array<Data, kColumnCount> data_;
};

}  // namespace cstd::query

#endif  // CSTD_QUERY_FACET_COLUMNS_H_
