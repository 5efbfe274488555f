#include "query/facet_columns.h"

#include "model/schema.h"
#include "query/revision_cache.h"

namespace cstd::query {

namespace {

Xapian::valueno SlotOf(Column column) {
  switch (column) {
    case Column::kCountry:
      return schema::kSlotCountries;
    case Column::kSpeaker:
      return schema::kSlotSpeakers;
    case Column::kSession:
      return schema::kSlotSession;
    case Column::kYear:
      return schema::kSlotYear;
    case Column::kActionLine:
      return schema::kSlotActionLines;
    case Column::kActionLineExplicit:
      return schema::kSlotActionLinesExplicit;
    case Column::kType:
      return schema::kSlotType;
    case Column::kDocument:
      return schema::kSlotDocId;
  }
  return Xapian::BAD_VALUENO;
}

// Calls `add` with each value a slot's raw string holds for `column`.
template <typename F>
void ForEachValue(Column column, const std::string& raw, F&& add) {
  switch (column) {
    case Column::kCountry:
    case Column::kSpeaker:
    case Column::kActionLine:
    case Column::kActionLineExplicit:
      schema::ForEachPackedValue(raw, add);
      break;
    case Column::kSession:
    case Column::kYear:
      add(std::to_string(static_cast<long>(Xapian::sortable_unserialise(raw))));
      break;
    case Column::kType:
    case Column::kDocument:
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
  Xapian::docid next = 0;  // offsets are filled up to here
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    const Xapian::docid did = it.get_docid();
    if (did > last) break;  // a commit since get_lastdocid(): not this revision
    while (next < did) d.offsets[++next] = static_cast<uint32_t>(d.ids.size());
    ForEachValue(column, *it, [&](std::string_view value) {
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
