#include "query/facet_columns.h"

#include <stdexcept>

#include "model/schema.h"
#include "query/revision_cache.h"
#include "query/search_fields.h"

namespace cstd::query {

namespace {

// Where a column's values are read from.
struct ColumnSource {
  Xapian::valueno slot;
  SlotEncoding encoding;
};

// The columns the search-field table makes, in Column::index() order, and
// which field each of the fields' columns holds.
struct Layout {
  std::vector<ColumnSource> sources;
  std::vector<std::pair<FacetField, size_t>> all_tags;       // a field's column
  std::vector<std::pair<FacetField, size_t>> explicit_tags;  // its named tags' (fields with a tag mode)
  size_t document = 0;
};

const Layout& TheLayout() {
  static const Layout kLayout = [] {
    Layout layout;
    for (const SearchField& f : SearchFields()) {
      layout.all_tags.emplace_back(f.id, layout.sources.size());
      layout.sources.push_back({f.slot, f.encoding});
    }
    for (const SearchField& f : SearchFields()) {
      if (!f.tag_mode) continue;
      layout.explicit_tags.emplace_back(f.id, layout.sources.size());
      layout.sources.push_back({f.tag_mode->explicit_slot, f.encoding});
    }
    layout.document = layout.sources.size();
    layout.sources.push_back({schema::kSlotDocId, SlotEncoding::kString});
    return layout;
  }();
  return kLayout;
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

Column Column::Of(FacetField field, ActionLineMode mode) {
  const Layout& layout = TheLayout();
  if (mode == ActionLineMode::kExplicit) {
    for (const auto& [f, index] : layout.explicit_tags) {
      if (f == field) return Column(index);
    }
  }
  for (const auto& [f, index] : layout.all_tags) {
    if (f == field) return Column(index);
  }
  throw std::logic_error("no column for facet field " + std::string(FacetName(field)));
}

Column Column::Document() {
  return Column(TheLayout().document);
}

size_t Column::Count() {
  return TheLayout().sources.size();
}

FacetColumns::FacetColumns(const Xapian::Database& db) {
  for (const ColumnSource& source : TheLayout().sources) data_.push_back(Load(db, source.slot, source.encoding));
}

FacetColumns::Data FacetColumns::Load(const Xapian::Database& db, Xapian::valueno slot, SlotEncoding encoding) {
  Data d;
  const Xapian::docid last = db.get_lastdocid();
  d.offsets.assign(static_cast<size_t>(last) + 2, 0);
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
  return d;
}

std::optional<uint32_t> FacetColumns::Find(Column column, std::string_view value) const {
  const Data& d = data_[column.index()];
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
