#include "query/facets.h"

#include <algorithm>

#include "query/search_fields.h"

namespace cstd::query {

const std::vector<FacetField>& AllFacetFields() {
  static const std::vector<FacetField> kAll = [] {
    std::vector<FacetField> all;
    for (const SearchField& f : SearchFields()) all.push_back(f.id);
    return all;
  }();
  return kAll;
}

const std::vector<FacetField>& DefaultFacetFields() {
  static const std::vector<FacetField> kDefault = [] {
    std::vector<FacetField> fields;
    for (const SearchField& f : SearchFields()) {
      if (f.default_facet) fields.push_back(f.id);
    }
    return fields;
  }();
  return kDefault;
}

std::string_view FacetName(FacetField field) {
  return FieldOf(field).name;
}

std::string FacetNames() {
  std::string names;
  for (const SearchField& f : SearchFields()) names += (names.empty() ? "" : ", ") + std::string(f.name);
  return names;
}

std::optional<FacetField> ParseFacetField(std::string_view name) {
  for (const SearchField& f : SearchFields()) {
    if (f.name == name) return f.id;
  }
  return std::nullopt;
}

bool IsNumericFacet(FacetField field) {
  return FieldOf(field).encoding == SlotEncoding::kSortable;
}

std::vector<FacetValue> RankFacetValues(std::vector<FacetValue> values, size_t limit,
                                        const std::vector<std::string>& always) {
  const auto before = [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  if (values.size() <= limit) {
    std::sort(values.begin(), values.end(), before);
    return values;
  }
  // Only the first `limit` are shown: a broad query counts thousands of
  // speakers, and sorting them all cost more than counting them.
  const auto cut = values.begin() + static_cast<long>(limit);
  std::partial_sort(values.begin(), cut, values.end(), before);
  // Selected values stay visible so they can be unticked, in the same
  // order after the rest.
  std::vector<FacetValue> kept(std::make_move_iterator(values.begin()), std::make_move_iterator(cut));
  for (auto it = cut; it != values.end(); ++it) {
    if (std::find(always.begin(), always.end(), it->value) != always.end()) kept.push_back(std::move(*it));
  }
  std::sort(kept.begin() + static_cast<long>(limit), kept.end(), before);
  return kept;
}

}  // namespace cstd::query
