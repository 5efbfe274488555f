#include "query/facet_columns.h"

#include <map>
#include <mutex>
#include <tuple>

#include "model/schema.h"

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
  // Keyed by the database's identity and revision: an incremental build's
  // commit makes a new revision, and its readers need new columns. Entries
  // hold weak pointers so a generation's columns go when its last reader
  // does.
  using Key = std::tuple<std::string, Xapian::rev>;
  static std::mutex mutex;
  static std::map<Key, std::weak_ptr<const FacetColumns>> cache;
  const Key key{db.get_uuid(), db.get_revision()};
  if (std::get<0>(key).empty()) return std::make_shared<const FacetColumns>(db);  // no identity to share by
  {
    const std::lock_guard lock(mutex);
    std::erase_if(cache, [](const auto& entry) { return entry.second.expired(); });
    if (auto found = cache[key].lock()) return found;
  }
  // Built outside the lock: a rebuild must not stall threads still serving
  // the previous revision. Two threads may build the same columns once; the
  // first to finish is kept.
  auto built = std::make_shared<const FacetColumns>(db);
  const std::lock_guard lock(mutex);
  if (auto found = cache[key].lock()) return found;
  cache[key] = built;
  return built;
}

}  // namespace cstd::query
