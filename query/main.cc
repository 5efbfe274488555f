// cstd-query: searches from the command line, against an index folder or a
// running cstd-searchd.

#include <rapidjson/document.h>
#include <unistd.h>

#include <iostream>

#include "model/errors.h"
#include "model/index_layout.h"
#include "model/program.h"
#include "query/api_json.h"
#include "query/export.h"
#include "query/http_client.h"
#include "query/search_fields.h"
#include "query/searcher.h"

namespace {

using cstd::query::SearchRequest;

// "all" for each search field with a tag mode, "" for the others.
std::vector<std::string> TagModeDefaults() {
  std::vector<std::string> modes;
  for (const auto& f : cstd::query::SearchFields()) {
    modes.emplace_back(f.tag_mode ? cstd::query::ActionLineModeName(cstd::query::ActionLineMode::kAll) : "");
  }
  return modes;
}

struct Options {
  std::string index;
  std::string server;
  // The values of each search field's flag, in SearchFields() order.
  std::vector<std::vector<std::string>> filters =
      std::vector<std::vector<std::string>>(cstd::query::SearchFields().size());
  int limit = 10;
  int page = 1;
  std::string sort = "relevance";
  // The value of each search field's tag-mode flag (empty: the field has
  // none), in SearchFields() order.
  std::vector<std::string> tag_modes = TagModeDefaults();
  bool group_by_document = false;
  bool json = false;
  std::optional<std::string> facets;
  std::optional<std::string> export_format;
  std::vector<std::string> words;
};

std::string Join(const std::vector<std::string>& words, const char* sep) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : sep) + w;
  return out;
}

// `path` with the query, filters, sort and grouping as parameters: the same
// names as the API.
std::string Target(const std::string& path, const Options& o) {
  std::string target = path + "?q=" + cstd::query::UrlEncode(Join(o.words, " "));
  const auto add = [&](const char* name, const std::vector<std::string>& values) {
    for (const auto& v : values) target += std::string("&") + name + "=" + cstd::query::UrlEncode(v);
  };
  const auto& fields = cstd::query::SearchFields();
  for (size_t i = 0; i < fields.size(); ++i) {
    add(std::string(fields[i].name).c_str(), o.filters[i]);
    if (fields[i].tag_mode) add(std::string(fields[i].tag_mode->parameter).c_str(), {o.tag_modes[i]});
  }
  target += "&sort=" + o.sort;
  if (o.group_by_document) target += "&group=document";
  return target;
}

// The target for /v1/search.
std::string SearchTarget(const Options& o) {
  std::string target = Target("/v1/search", o);
  target += "&per_page=" + std::to_string(o.limit) + "&page=" + std::to_string(o.page);
  if (o.facets) target += "&facets=" + cstd::query::UrlEncode(*o.facets);
  return target;
}

// Writes the export of the search to stdout, from the server or in-process.
void Export(const Options& o, const cstd::query::SearchRequest& request) {
  const cstd::query::ExportFormat format = cstd::query::ParseExportFormat("--export", *o.export_format);
  if (!o.server.empty()) {
    std::string host, port;
    cstd::query::ParseServerUrl("--server", o.server, &host, &port);
    const std::string target =
        Target("/v1/export", o) + "&format=" + std::string(cstd::query::ExportFormatName(format));
    const auto response = cstd::query::HttpGetTo(host, port, target, std::cout);
    if (response.status != 200) {
      throw cstd::Error(o.server + " answered " + std::to_string(response.status) + ": " + response.body);
    }
  } else {
    const cstd::query::Searcher searcher(cstd::OpenIndex(o.index));
    cstd::query::ExportWriter writer(searcher, cstd::query::SelectMatches(searcher, request), format, "");
    while (auto piece = writer.Next()) std::cout << *piece;
  }
  std::cout.flush();
  if (!std::cout) throw cstd::Error("cannot write the export to stdout");
}

SearchRequest RequestFrom(const Options& o) {
  using namespace cstd::query;
  SearchRequest r;
  r.q = Join(o.words, " ");
  const auto& fields = SearchFields();
  for (size_t i = 0; i < fields.size(); ++i) {
    for (const auto& v : o.filters[i]) AddFieldValue(r, fields[i], fields[i].flag, v);
    if (fields[i].tag_mode) SetTagMode(r, fields[i], fields[i].tag_mode->flag, o.tag_modes[i]);
  }
  r.per_page = ParseBoundedInt("--limit", std::to_string(o.limit), 1, kMaxPerPage);
  r.page = o.page;
  r.sort = ParseSort(o.sort);
  r.group_by_document = o.group_by_document;
  if (o.facets) r.facets = ParseFacetList("--facets", *o.facets);
  return r;
}

// Snippets carry <mark> and HTML escapes; a terminal shows bold instead.
std::string TerminalSnippet(std::string_view html, bool tty) {
  std::string out;
  for (size_t i = 0; i < html.size();) {
    const auto take = [&](std::string_view token, std::string_view replacement) {
      if (html.substr(i, token.size()) != token) return false;
      out += replacement;
      i += token.size();
      return true;
    };
    if (take("<mark>", tty ? "\033[1m" : "[") || take("</mark>", tty ? "\033[0m" : "]") || take("&amp;", "&") ||
        take("&lt;", "<") || take("&gt;", ">") || take("&quot;", "\"") || take("&#39;", "'")) {
      continue;
    }
    out.push_back(html[i++]);
  }
  return out;
}

std::string StringOr(const rapidjson::Value& o, const char* key, const char* fallback) {
  const auto it = o.FindMember(key);
  if (it == o.MemberEnd()) return fallback;
  if (it->value.IsString()) return it->value.GetString();
  if (it->value.IsInt()) return std::to_string(it->value.GetInt());
  return fallback;
}

void PrintTable(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError() || !d.IsObject()) throw cstd::Error("the answer is not the search JSON");
  const bool tty = ::isatty(STDOUT_FILENO) != 0;
  std::cout << d["total"].GetUint64() << " hits (" << d["took_ms"].GetDouble() << " ms)\n";
  int rank = (d["page"].GetInt() - 1) * d["per_page"].GetInt();
  for (const auto& hit : d["hits"].GetArray()) {
    ++rank;
    std::cout << "\n" << rank << ". " << StringOr(hit, "title", "") << "  [" << StringOr(hit, "doc_id", "") << "]\n";
    std::cout << "   paragraph " << StringOr(hit, "paragraph", "-");
    // Only PDFs have pages; other hits say nothing rather than "page -".
    if (hit.HasMember("page") && hit["page"].IsInt()) std::cout << " | page " << hit["page"].GetInt();
    std::cout << " | session " << StringOr(hit, "session", "-") << " | year " << StringOr(hit, "year", "-") << " | "
              << StringOr(hit, "type", "") << "\n";
    std::string people;
    for (const auto& s : hit["speakers"].GetArray()) people += (people.empty() ? "" : ", ") + StringOr(s, "name", "");
    std::string countries;
    for (const auto& c : hit["countries"].GetArray()) {
      countries += (countries.empty() ? "" : ", ") + StringOr(c, "code", "");
    }
    if (!people.empty()) std::cout << "   speakers: " << people << "\n";
    if (!countries.empty()) std::cout << "   countries: " << countries << "\n";
    // Inferred lines are marked with '~' and their evidence: "C5~ (cybersecurity)".
    std::string lines;
    for (const auto& a : hit["action_lines"].GetArray())
      lines += (lines.empty() ? "" : ", ") + std::string(a.GetString());
    if (hit.HasMember("action_lines_inferred")) {
      for (const auto& a : hit["action_lines_inferred"].GetArray()) {
        std::string evidence;
        for (const auto& e : a["evidence"].GetArray())
          evidence += (evidence.empty() ? "" : "; ") + std::string(e.GetString());
        lines += (lines.empty() ? "" : ", ") + StringOr(a, "code", "") + "~ (" + evidence + ")";
      }
    }
    if (!lines.empty()) std::cout << "   action lines: " << lines << "\n";
    // A statement of a paragraph of several: its speakers, delegations and
    // words above are that statement's.
    if (hit.HasMember("statement") && hit["statement"].IsUint()) {
      std::cout << "   statement " << hit["statement"].GetUint() + 1 << " of the paragraph\n";
    }
    std::cout << "   " << TerminalSnippet(StringOr(hit, "snippet", ""), tty) << "\n";
    std::cout << "   cite: " << StringOr(hit, "citation", "") << "\n";
  }
  for (const auto& facet : d["facets"].GetObject()) {
    std::cout << "\n" << facet.name.GetString() << ":";
    int shown = 0;
    for (const auto& v : facet.value.GetArray()) {
      if (++shown > 8) break;
      std::cout << "  " << StringOr(v, "label", StringOr(v, "value", "").c_str()) << " (" << v["count"].GetUint64()
                << ")";
    }
    std::cout << "\n";
  }
  if (d.HasMember("like_this") && d["like_this"].IsArray()) {
    std::string words;
    for (const auto& w : d["like_this"].GetArray()) words += (words.empty() ? "" : ", ") + std::string(w.GetString());
    std::cout << "\nparagraphs like the pasted text, found by its words: " << words << "\n";
  }
  if (d.HasMember("suggestion") && d["suggestion"].IsString()) {
    std::cout << "\ndid you mean: " << d["suggestion"].GetString() << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Searches a CSTD archive index from the command line.", "cstd-query"};
  cstd::AddVersionFlag(app, "cstd-query");
  Options o;
  auto* source = app.add_option_group("source", "Where to search");
  source->add_option("--index", o.index, "Index folder, searched in-process");
  source->add_option("--server", o.server, "A running cstd-searchd, e.g. http://127.0.0.1:8080");
  source->require_option(1);
  // One flag per search field (query/search_fields.h), repeatable for OR.
  const auto& fields = cstd::query::SearchFields();
  for (size_t i = 0; i < fields.size(); ++i) {
    app.add_option(std::string(fields[i].flag), o.filters[i], std::string(fields[i].flag_help))
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    if (fields[i].tag_mode) {
      app.add_option(std::string(fields[i].tag_mode->flag), o.tag_modes[i], std::string(fields[i].tag_mode->flag_help))
          ->capture_default_str();
    }
  }
  app.add_option("--limit", o.limit, "Hits per page (1 to 100)")->capture_default_str();
  app.add_option("--page", o.page, "Page, from 1")->capture_default_str();
  app.add_option("--sort", o.sort, "relevance, date_desc or date_asc")->capture_default_str();
  app.add_flag("--group-by-document", o.group_by_document, "One hit per document");
  app.add_flag("--json", o.json, "Print the /v1/search JSON object");
  app.add_option("--facets", o.facets, "Facets to count, comma-separated (default: all)");
  app.add_option("--export", o.export_format,
                 "Write every match (not a page) to stdout as csv, jsonl or txt, in the search's order; "
                 "links are paths with --index, URLs of the server with --server");
  app.add_option("QUERY", o.words, "Query words; phrases in quotes, AND/OR/NOT, -word, prefix*");

  return cstd::RunProgram(app, argc, argv, [&]() {
    if (o.export_format) {
      // Parsed first, so a bad flag is a usage error in both modes.
      SearchRequest request = RequestFrom(o);
      Export(o, request);
      return cstd::kExitOk;
    }
    std::string json;
    if (!o.server.empty()) {
      std::string host, port;
      cstd::query::ParseServerUrl("--server", o.server, &host, &port);
      const auto response = cstd::query::HttpGet(host, port, SearchTarget(o));
      if (response.status != 200) {
        throw cstd::Error(o.server + " answered " + std::to_string(response.status) + ": " + response.body);
      }
      json = response.body;
    } else {
      const cstd::query::Searcher searcher(cstd::OpenIndex(o.index));
      json = cstd::query::SearchResultToJson(searcher.Search(RequestFrom(o)));
    }
    if (o.json) {
      std::cout << json << "\n";
    } else {
      PrintTable(json);
    }
    return cstd::kExitOk;
  });
}
