#include "query/facets.h"

#include <algorithm>

namespace cstd::query {

const std::vector<FacetField>& AllFacetFields() {
  static const std::vector<FacetField> kAll = {FacetField::kCountry, FacetField::kSpeaker,    FacetField::kSession,
                                               FacetField::kYear,    FacetField::kActionLine, FacetField::kType};
  return kAll;
}

std::string_view FacetName(FacetField field) {
  switch (field) {
    case FacetField::kCountry:
      return "country";
    case FacetField::kSpeaker:
      return "speaker";
    case FacetField::kSession:
      return "session";
    case FacetField::kYear:
      return "year";
    case FacetField::kActionLine:
      return "action_line";
    case FacetField::kType:
      return "type";
  }
  return "";
}

std::optional<FacetField> ParseFacetField(std::string_view name) {
  for (FacetField f : AllFacetFields()) {
    if (FacetName(f) == name) return f;
  }
  return std::nullopt;
}

bool IsNumericFacet(FacetField field) {
  return field == FacetField::kSession || field == FacetField::kYear;
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
