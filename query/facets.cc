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
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (values.size() > limit) {
    // Selected values stay visible so they can be unticked.
    std::vector<FacetValue> kept(values.begin(), values.begin() + static_cast<long>(limit));
    for (auto it = values.begin() + static_cast<long>(limit); it != values.end(); ++it) {
      if (std::find(always.begin(), always.end(), it->value) != always.end()) kept.push_back(*it);
    }
    values = std::move(kept);
  }
  return values;
}

}  // namespace cstd::query
