#include "query/facet_columns.h"

#include "model/schema.h"
#include "query/revision_cache.h"
#include "query/search_fields.h"

namespace cstd::query {

namespace {

// The facet fields' columns are the search fields' (search_fields.h); the
// explicit action-line column is the action_line row's tag mode's slot; the
// document column is the passage's doc id.
const SearchField& FieldOfColumn(Column column) {
  if (column == Column::kActionLineExplicit) return FieldOf(FacetField::kActionLine);
  return FieldOf(static_cast<FacetField>(column));
}

Xapian::valueno SlotOf(Column column) {
  if (column == Column::kDocument) return schema::kSlotDocId;
  if (column == Column::kActionLineExplicit) return FieldOfColumn(column).tag_mode->explicit_slot;
  return FieldOfColumn(column).slot;
}

SlotEncoding EncodingOf(Column column) {
  if (column == Column::kDocument) return SlotEncoding::kString;
  return FieldOfColumn(column).encoding;
}

// Calls `add` with each value a slot's raw string holds in `encoding`.
template <typename F>
void ForEachValue(SlotEncoding encoding, const std::string& raw, F&& add) {
  switch (encoding) {
    case SlotEncoding::kPacked:
      schema::ForEachPackedValue(raw, add);
      break;
    case SlotEncoding::kSortable:
      add(std::to_string(static_cast<long>(Xapian::sortable_unserialise(raw))));
      break;
    case SlotEncoding::kString:
      add(raw);
      break;
  }
}

}  // namespace

FacetColumns::FacetColumns(const Xapian::Database& db) {
  for (size_t c = 0; c < kColumnCount; ++c) Load(db, static_cast<Column>(c));
}

void FacetColumns::Load(const Xapian::Database& db, Column column) {
  Data& d = data_[static_cast<size_t>(column)];
  const Xapian::docid last = db.get_lastdocid();
  d.offsets.assign(static_cast<size_t>(last) + 2, 0);
  const Xapian::valueno slot = SlotOf(column);
  const SlotEncoding encoding = EncodingOf(column);
  Xapian::docid next = 0;  // offsets are filled up to here
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    const Xapian::docid did = it.get_docid();
    if (did > last) break;  // a commit since get_lastdocid(): not this revision
    while (next < did) d.offsets[++next] = static_cast<uint32_t>(d.ids.size());
    ForEachValue(encoding, *it, [&](std::string_view value) {
      if (value.empty()) return;
      auto [pos, added] = d.index.try_emplace(std::string(value), static_cast<uint32_t>(d.values.size()));
      if (added) d.values.emplace_back(value);
      d.ids.push_back(pos->second);
    });
    d.offsets[did + 1] = static_cast<uint32_t>(d.ids.size());
    next = did + 1;
  }
  while (next <= last) d.offsets[++next] = static_cast<uint32_t>(d.ids.size());
  d.ids.shrink_to_fit();
}

std::optional<uint32_t> FacetColumns::Find(Column column, std::string_view value) const {
  const Data& d = data_[static_cast<size_t>(column)];
  const auto it = d.index.find(std::string(value));
  if (it == d.index.end()) return std::nullopt;
  return it->second;
}

size_t FacetColumns::memory_bytes() const {
  size_t bytes = 0;
  for (const Data& d : data_) {
    bytes += d.offsets.capacity() * sizeof(uint32_t) + d.ids.capacity() * sizeof(uint32_t);
    for (const auto& v : d.values) bytes += 2 * (v.capacity() + sizeof(std::string));
  }
  return bytes;
}

std::shared_ptr<const FacetColumns> FacetColumns::For(const Xapian::Database& db) {
  return SharedForRevision<FacetColumns>(db);
}

}  // namespace cstd::query
