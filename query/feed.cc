#include "query/feed.h"

#include <map>

#include "model/countries.h"
#include "model/text.h"
#include "query/citation.h"
#include "query/http_client.h"
#include "query/passage_link.h"
#include "query/search_fields.h"

namespace cstd::query {

namespace {

// `s` as XML character data or an attribute value: the five characters
// escaped, and the control characters XML 1.0 does not allow dropped (a
// PDF's form feed would make the whole feed unreadable).
std::string Xml(std::string_view s) {
  std::string allowed;
  allowed.reserve(s.size());
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    allowed.push_back(c);
  }
  return text::HtmlEscape(allowed);
}

void Element(std::string& out, std::string_view indent, std::string_view name, std::string_view value,
             std::string_view attributes = {}) {
  out += std::string(indent) + "<" + std::string(name) + std::string(attributes) + ">" + Xml(value) + "</" +
         std::string(name) + ">\n";
}

// "climate finance; Delegation: BRA, IND; Year: 2020..2024"
std::string Describe(const SearchRequest& r) {
  std::string out = text::Trim(r.q).empty() ? "all paragraphs" : std::string(text::Trim(r.q));
  for (const SearchField& field : SearchFields()) {
    const std::vector<std::string> values = FilterStrings(r, field);
    if (values.empty()) continue;
    std::string list;
    for (const auto& v : values) list += (list.empty() ? "" : ", ") + v;
    out += "; " + std::string(field.display_name) + ": " + list;
  }
  return out;
}

// A document date, "2023-09-19", as an Atom date; "" for none.
std::string DateTime(const std::optional<std::string>& date, const std::optional<int>& year) {
  if (date && date->size() == 10) return *date + "T00:00:00Z";
  if (year) return std::to_string(*year) + "-01-01T00:00:00Z";
  return {};
}

constexpr std::string_view kEpoch = "1970-01-01T00:00:00Z";

}  // namespace

std::string AtomFeed(const Searcher& searcher, const SearchRequest& filters, std::string_view base) {
  SearchRequest request = filters;
  request.sort = Sort::kDateDesc;
  request.group_by_document = false;
  request.page = 1;
  request.per_page = kFeedEntries;
  request.facets.clear();
  const SearchResult result = searcher.Search(request);

  // When each document's paragraphs were added; one record per document.
  std::map<std::string, std::string> added;
  std::string newest;
  std::string entries;
  for (const Hit& hit : result.hits) {
    const Passage& p = hit.passage;
    auto [at, fresh] = added.try_emplace(p.doc_id);
    if (fresh) {
      const auto file = searcher.FileRecord(p.doc_id);
      at->second = file && !file->record.added.empty() ? file->record.added : DateTime(p.date, p.year);
      if (at->second.empty()) at->second = kEpoch;
    }
    const std::string& updated = at->second;
    if (updated > newest) newest = updated;  // RFC 3339 in UTC sorts as text
    const std::string link = PassageLink(base, p);
    entries += "  <entry>\n";
    Element(entries, "    ", "id", link);
    Element(entries, "    ", "title", Citation(p));
    Element(entries, "    ", "updated", updated);
    const std::string published = DateTime(p.date, p.year);
    if (!published.empty()) Element(entries, "    ", "published", published);
    // Who spoke: the speakers, or else the delegations.
    std::vector<std::string> authors = p.paragraph.speakers;
    if (authors.empty()) {
      for (const auto& code : p.paragraph.countries) {
        const Country* c = Countries::Builtin().FindByCode(code);
        authors.push_back(c ? c->short_name : code);
      }
    }
    for (const auto& name : authors) entries += "    <author><name>" + Xml(name) + "</name></author>\n";
    entries += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + Xml(link) + "\"/>\n";
    for (const auto& code : p.paragraph.countries) {
      const Country* c = Countries::Builtin().FindByCode(code);
      entries += "    <category scheme=\"delegation\" term=\"" + Xml(code) + "\" label=\"" +
                 Xml(c ? c->short_name : code) + "\"/>\n";
    }
    for (const auto& line : p.paragraph.action_lines) {
      entries += "    <category scheme=\"action_line\" term=\"" + Xml(line) + "\"/>\n";
    }
    Element(entries, "    ", "summary", hit.snippet, " type=\"html\"");
    Element(entries, "    ", "content", p.paragraph.text, " type=\"text\"");
    entries += "  </entry>\n";
  }
  if (newest.empty()) newest = kEpoch;

  const std::string query = FilterQueryString(result.request);
  const std::string self = std::string(base) + "/v1/feed?" + query;
  const std::string page = std::string(base) + "/?" + query;
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  Element(out, "  ", "id", self);
  Element(out, "  ", "title", "CSTD Archive Search: " + Describe(result.request));
  Element(out, "  ", "subtitle",
          result.total == 1 ? std::string("The one paragraph this search finds")
                            : "The newest of the " + std::to_string(result.total) +
                                  " paragraphs this search finds, newest document first");
  Element(out, "  ", "updated", newest);
  out += "  <author><name>CSTD Archive Search</name></author>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + Xml(self) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + Xml(page) + "\"/>\n";
  Element(out, "  ", "generator", "cstd-searchd");
  out += entries;
  out += "</feed>\n";
  return out;
}

}  // namespace cstd::query
