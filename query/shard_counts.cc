#include "query/shard_counts.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "model/document_json.h"
#include "model/errors.h"
#include "query/search_fields.h"

namespace cstd::query {

using json::Member;

std::string ShardCountsToJson(const ShardCounts& c) {
  return ShardAnswerJson(c, [&](JsonWriter& w) {
    Member(w, "total", c.counts.total);
    w.Key("facets");
    w.StartObject();
    for (const FacetResult& facet : c.counts.facets) {
      const std::string_view name = FacetName(facet.field);
      w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
      w.StartArray();
      for (const FacetValue& v : facet.values) WriteValueCount(w, v.value, v.count);
      w.EndArray();
    }
    w.EndObject();
  });
}

ShardCounts ParseShardCounts(std::string_view text) {
  rapidjson::Document d;
  ShardCounts out{ReadShardAnswer(text, "counts", d), {}};
  const auto fail = [](const std::string& what) { return std::runtime_error("unreadable counts: " + what); };
  const auto total = d.FindMember("total");
  if (total == d.MemberEnd() || !total->value.IsUint64()) throw fail("no count \"total\"");
  out.counts.total = total->value.GetUint64();
  const auto facets = d.FindMember("facets");
  if (facets == d.MemberEnd() || !facets->value.IsObject()) throw fail("no object \"facets\"");
  for (const auto& member : facets->value.GetObject()) {
    const std::string name(member.name.GetString(), member.name.GetStringLength());
    const auto field = ParseFacetField(name);
    if (!field || !member.value.IsArray()) throw fail("facet \"" + name + "\"");
    FacetResult facet{*field, {}};
    for (const auto& pair : member.value.GetArray()) {
      auto read = ReadValueCount(pair);
      if (!read) throw fail("a value of facet \"" + name + "\"");
      facet.values.push_back({std::move(read->first), {}, read->second});
    }
    out.counts.facets.push_back(std::move(facet));
  }
  return out;
}

void AddCounts(Counts& sum, const Counts& part) {
  sum.total += part.total;
  for (const FacetResult& facet : part.facets) {
    auto into = std::find_if(sum.facets.begin(), sum.facets.end(), [&](const FacetResult& f) { return f.field == facet.field; });
    if (into == sum.facets.end()) {
      sum.facets.push_back({facet.field, {}});
      into = sum.facets.end() - 1;
    }
    std::unordered_map<std::string, size_t> at;
    for (size_t i = 0; i < into->values.size(); ++i) at.emplace(into->values[i].value, i);
    for (const FacetValue& v : facet.values) {
      const auto [it, fresh] = at.emplace(v.value, into->values.size());
      if (fresh) {
        into->values.push_back({v.value, {}, 0});
      }
      into->values[it->second].count += v.count;
    }
  }
}

std::string ShardCountsQuery(const SearchRequest& request, const std::string* text) {
  std::string facets;
  for (FacetField f : request.facets) facets += (facets.empty() ? "" : ",") + std::string(FacetName(f));
  std::string out = FilterQueryString(request) + "&facets=" + facets;
  if (request.group_by_document) out += "&group=document";
  if (text) {
    // Hexadecimal: the serialised form is bytes (NUL among them), and hex
    // needs no escaping in a URL.
    static constexpr char kDigits[] = "0123456789abcdef";
    out += "&" + std::string(kTextQueryParameter) + "=";
    for (const unsigned char c : *text) {
      out += kDigits[c >> 4];
      out += kDigits[c & 0xf];
    }
  }
  return out;
}

Xapian::Query ParseTextQuery(std::string_view hex) {
  const std::string parameter(kTextQueryParameter);
  const auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    const int high = digit(hex[i]);
    const int low = digit(hex[i + 1]);
    if (high < 0 || low < 0) break;
    bytes.push_back(static_cast<char>(high * 16 + low));
  }
  if (bytes.size() * 2 != hex.size()) {
    throw UsageError(parameter, parameter + " must be a serialised Xapian query in hexadecimal digits");
  }
  try {
    return Xapian::Query::unserialise(bytes);
  } catch (const Xapian::Error& e) {
    throw UsageError(parameter, parameter + " is not a serialised Xapian query: " + e.get_msg());
  }
}

}  // namespace cstd::query
