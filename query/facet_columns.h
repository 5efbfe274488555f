// The facet fields of every passage, held in memory as columns, so that
// counting a match set costs an array lookup per passage instead of a value
// slot read (a B-tree lookup and a string split) per passage.

#ifndef CSTD_QUERY_FACET_COLUMNS_H_
#define CSTD_QUERY_FACET_COLUMNS_H_

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "query/facets.h"
#include "query/search_fields.h"

namespace cstd::query {

/// A column of FacetColumns: the values of one search field (its row's
/// value slot, query/search_fields.h), of a field's named tags alone (the
/// explicit slot of a row's tag mode: action lines named in the text), or
/// of the document a passage belongs to (for exact totals of
/// group=document). Columns are laid out from the search-field table when
/// first used -- one per row in the table's order, then one per tag mode,
/// then the document's -- and made only through Of() and Document(), so a
/// new row brings its column and no column number stands for a field.
class Column {
 public:
  /// The column holding `field`'s values; for a field with a tag mode in
  /// ActionLineMode::kExplicit, the column of its named tags alone.
  static Column Of(FacetField field, ActionLineMode mode = ActionLineMode::kAll);
  /// The column of the passages' document ids.
  static Column Document();
  /// How many columns the table makes.
  static size_t Count();

  /// The column's position in the layout, from 0 to Count() - 1.
  size_t index() const { return index_; }
  friend bool operator==(Column, Column) = default;

 private:
  explicit Column(size_t index) : index_(index) {}
  size_t index_;
};

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
    const Data& d = data_[column.index()];
    if (did + 1 >= d.offsets.size()) return {};
    return {d.ids.data() + d.offsets[did], d.ids.data() + d.offsets[did + 1]};
  }

  /// The value with id `id` ("BRA", "2001", a speaker id, ...).
  const std::string& Value(Column column, uint32_t id) const { return data_[column.index()].values[id]; }

  /// Number of distinct values of `column`.
  size_t Cardinality(Column column) const { return data_[column.index()].values.size(); }

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
  static Data Load(const Xapian::Database& db, Xapian::valueno slot, SlotEncoding encoding);

  std::vector<Data> data_;  // by Column::index()
};

}  // namespace cstd::query

#endif  // CSTD_QUERY_FACET_COLUMNS_H_
