#include "query/facets.h"

#include <algorithm>

#include "model/errors.h"
#include "model/schema.h"

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

void FacetCounter::operator()(const Xapian::Document& doc, double) {
  // Reading the clock costs more than counting one document: look every
  // few thousand.
  constexpr uint32_t kClockEvery = 4096;
  if (++seen_ % kClockEvery == 0 && std::chrono::steady_clock::now() > deadline_) {
    throw UsageError("facet_budget_ms", "counting facets took longer than facet_budget_ms=" +
                                            std::to_string(static_cast<long>(budget_ms_)) +
                                            "; narrow the query or ask for fewer facets");
  }
  switch (field_) {
    case FacetField::kCountry:
    case FacetField::kSpeaker:
    case FacetField::kActionLine: {
      const Xapian::valueno slot = field_ == FacetField::kCountry   ? schema::kSlotCountries
                                   : field_ == FacetField::kSpeaker ? schema::kSlotSpeakers
                                                                    : schema::kSlotActionLines;
      const std::string packed = doc.get_value(slot);
      schema::ForEachPackedValue(packed, [this](std::string_view v) { ++counts_[std::string(v)]; });
      break;
    }
    case FacetField::kSession:
    case FacetField::kYear: {
      const std::string value =
          doc.get_value(field_ == FacetField::kSession ? schema::kSlotSession : schema::kSlotYear);
      if (!value.empty()) ++counts_[std::to_string(static_cast<long>(Xapian::sortable_unserialise(value)))];
      break;
    }
    case FacetField::kType: {
      const std::string value = doc.get_value(schema::kSlotType);
      if (!value.empty()) ++counts_[value];
      break;
    }
  }
}

std::vector<FacetValue> RankFacetValues(const std::unordered_map<std::string, uint64_t>& counts, size_t limit,
                                        const std::vector<std::string>& always) {
  std::vector<FacetValue> values;
  values.reserve(counts.size());
  for (const auto& [value, count] : counts) values.push_back({value, "", count});
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
