#include "query/search_request.h"

#include <algorithm>

#include "model/action_lines.h"
#include "model/countries.h"
#include "model/code_titles.h"
#include "model/errors.h"
#include "model/text.h"

namespace cstd::query {

namespace {

std::string Named(std::string_view parameter, std::string_view value) {
  return std::string(parameter) + "=" + std::string(value);
}

}  // namespace

std::vector<std::string> SplitList(std::string_view value) {
  std::vector<std::string> items;
  for (std::string_view item : text::Split(value, ',')) {
    item = text::Trim(item);
    if (!item.empty()) items.emplace_back(item);
  }
  return items;
}

std::vector<IntRange> ParseIntRanges(std::string_view parameter, std::string_view value) {
  std::vector<IntRange> ranges;
  const auto number = [&](std::string_view s) {
    const auto v = text::ParseInt(text::Trim(s));
    if (!v || *v < 0 || *v > 9999) {
      throw UsageError(std::string(parameter), Named(parameter, value) + ": expected a number, a list or a range A..B");
    }
    return static_cast<int>(*v);
  };
  for (const std::string& item : SplitList(value)) {
    const size_t dots = item.find("..");
    IntRange r;
    if (dots == std::string::npos) {
      r.low = r.high = number(item);
    } else {
      r.low = number(std::string_view(item).substr(0, dots));
      r.high = number(std::string_view(item).substr(dots + 2));
      if (r.low > r.high) throw UsageError(std::string(parameter), Named(parameter, value) + ": range is reversed");
    }
    ranges.push_back(r);
  }
  if (ranges.empty()) throw UsageError(std::string(parameter), Named(parameter, value) + ": empty value");
  return ranges;
}

int ParseBoundedInt(std::string_view parameter, std::string_view value, int low, int high) {
  const auto v = text::ParseInt(text::Trim(value));
  if (!v || *v < low || *v > high) {
    throw UsageError(std::string(parameter), Named(parameter, value) + ": must be a whole number from " +
                                                 std::to_string(low) + " to " + std::to_string(high));
  }
  return static_cast<int>(*v);
}

Sort ParseSort(std::string_view value) {
  if (value == "relevance") return Sort::kRelevance;
  if (value == "date_desc") return Sort::kDateDesc;
  if (value == "date_asc") return Sort::kDateAsc;
  throw UsageError("sort", Named("sort", value) + ": must be relevance, date_desc or date_asc");
}

std::vector<std::string> ResolveCountries(std::string_view parameter, std::string_view value) {
  std::vector<std::string> codes;
  for (const Country* c : Countries::Builtin().Matching(value)) codes.push_back(c->code);
  if (codes.empty()) {
    throw UsageError(std::string(parameter),
                     Named(parameter, value) + ": no country of that name (give an ISO3 code or a name)");
  }
  return codes;
}

std::string ResolveActionLine(std::string_view parameter, std::string_view value) {
  const std::string main = ActionLines::Builtin().MainLine(text::Trim(value));
  if (!main.empty()) return main;
  throw UsageError(std::string(parameter), Named(parameter, value) + ": unknown action line (C1 to C11, or C7eGov...)");
}

ActionLineMode ParseActionLineMode(std::string_view parameter, std::string_view value) {
  for (ActionLineMode mode : {ActionLineMode::kAll, ActionLineMode::kExplicit}) {
    if (text::Trim(value) == ActionLineModeName(mode)) return mode;
  }
  throw UsageError(std::string(parameter), Named(parameter, value) + ": must be all or explicit");
}

std::string_view ActionLineModeName(ActionLineMode mode) {
  return mode == ActionLineMode::kExplicit ? "explicit" : "all";
}

std::string ResolveType(std::string_view parameter, std::string_view value) {
  const std::string v(text::Trim(value));
  if (CodeTitles::DocumentTypes().Find(v)) return v;
  throw UsageError(std::string(parameter), Named(parameter, value) + ": unknown document type");
}

std::string ResolveBody(std::string_view parameter, std::string_view value) {
  const std::string v(text::Trim(value));
  if (v.empty()) throw UsageError(std::string(parameter), Named(parameter, value) + ": empty value");
  const CodeTitle* known = CodeTitles::Bodies().FindIgnoringCase(v);
  return known ? known->code : v;
}

std::vector<FacetField> ParseFacetList(std::string_view parameter, std::string_view value) {
  std::vector<FacetField> fields;
  for (const std::string& name : SplitList(value)) {
    const auto field = ParseFacetField(name);
    if (!field) {
      throw UsageError(std::string(parameter),
                       Named(parameter, value) + ": unknown facet '" + name + "' (" + FacetNames() + ")");
    }
    if (std::find(fields.begin(), fields.end(), *field) == fields.end()) fields.push_back(*field);
  }
  return fields;
}

void CheckPaging(const SearchRequest& r) {
  if (r.page < 1) throw UsageError("page", "page=" + std::to_string(r.page) + ": must be 1 or more");
  if (r.per_page < 1 || r.per_page > kMaxPerPage) {
    throw UsageError("per_page",
                     "per_page=" + std::to_string(r.per_page) + ": must be from 1 to " + std::to_string(kMaxPerPage));
  }
  if (static_cast<long>(r.page) * r.per_page > kMaxDepth) {
    throw UsageError("page", "page=" + std::to_string(r.page) + ": results are served down to hit " +
                                 std::to_string(kMaxDepth) + " only; narrow the query");
  }
}

}  // namespace cstd::query
