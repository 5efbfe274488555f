#include "searchd/handler.h"

#include <xapian.h>

#include <charconv>
#include <iterator>
#include <functional>
#include <optional>

#include "model/archive_file.h"
#include "model/errors.h"
#include "model/schema.h"
#include "model/text.h"
#include "query/api_json.h"
#include "query/http_client.h"
#include "query/profile.h"
#include "query/search_fields.h"
#include "query/searcher.h"
#include "query/shard_counts.h"
#include "query/shard_spellings.h"
#include "searchd/original.h"
#include "searchd/web_assets.h"
#include "searchd/workflow_routes.h"

namespace cstd::searchd {

namespace http = boost::beast::http;

namespace {

// /v1/facets/{field} lists values for autocomplete: a page of them, and never
// more than a front end can show.
constexpr int kFacetEndpointDefaultLimit = 100;
constexpr int kFacetEndpointMaxLimit = 1000;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes one component; nullopt when a %XX escape is broken.
std::optional<std::string> UrlDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      const int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

Response JsonResponse(http::status status, std::string body, const Request& request) {
  Response response{status, request.version()};
  response.set(http::field::content_type, "application/json; charset=utf-8");
  response.set(http::field::cache_control, "no-store");
  response.keep_alive(request.keep_alive());
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

// The route of a document's original, and its URL for one document. Both
// come from this one pattern.
constexpr std::string_view kOriginalRoute = "/v1/documents/{doc_id}/original";

std::string OriginalPath(const std::string& doc_id) {
  const size_t open = kOriginalRoute.find('{'), close = kOriginalRoute.find('}');
  return std::string(kOriginalRoute.substr(0, open)) + query::UrlEncode(doc_id) +
         std::string(kOriginalRoute.substr(close + 1));
}

// True when the client's copy (If-None-Match) is the one tagged `etag`.
bool ClientHasCurrent(const Request& request, std::string_view etag) {
  const auto if_none_match = request[http::field::if_none_match];
  return !if_none_match.empty() && std::string_view(if_none_match.data(), if_none_match.size()) == etag;
}

// What a handler may use besides the request: the index, and the metrics
// (read only, for GET /metrics).
struct Context {
  IndexPool& index;
  const Metrics& metrics;
};

// ---- Handlers, one per route ----------------------------------------------

Response get_health(const Request& request, const std::string&, const Params&, const Context& context) {
  const query::Searcher& searcher = context.index.PartialForThisThread();
  // Over shards, healthy is every shard's searchd answering too (a count
  // of nothing asks each of them).
  if (searcher.sharded()) {
    query::SearchRequest nothing;
    nothing.facets.clear();
    searcher.Count(nothing);
  }
  return JsonResponse(http::status::ok,
                      query::HealthToJson(searcher.document_count(), searcher.passage_count(), searcher.generation(),
                                          searcher.missing_shards()),
                      request);
}

// The searcher a /v1/shard/ endpoint answers from: this thread's view of
// one index (a shard or a whole one). A searchd serving shards has no part
// of its own to give: UnsupportedError saying to ask each shard for `what`.
const query::Searcher& OwnIndex(const Context& context, const std::string& what) {
  const query::Searcher& searcher = context.index.ForThisThread();
  if (searcher.sharded()) throw UnsupportedError("this searchd serves shards; ask each shard's searchd for its " + what);
  return searcher;
}

// Which shard (of the index's metadata) and generation `searcher` reads:
// what every /v1/shard/ answer starts with.
query::ShardOrigin OriginOf(const query::Searcher& searcher) {
  return {searcher.database().get_metadata(std::string(schema::kMetaShard)), searcher.generation()};
}

// A search's counts on this index alone, every facet value uncut: what a
// searchd over shards (--shards) adds up (query/shard_counts.h). With
// text_query, a query the coordinator made (the similar statements') is
// counted in place of q.
Response get_shard_counts(const Request& request, const std::string&, const Params& params,
                          const Context& context) {
  const query::SearchRequest search = ParseSearchParams(params);
  const std::string* text = LastValue(params, std::string(query::kTextQueryParameter));
  const std::optional<Xapian::Query> text_query =
      text ? std::optional<Xapian::Query>(query::ParseTextQuery(*text)) : std::nullopt;
  const query::Searcher& searcher = OwnIndex(context, "counts");
  const query::ShardCounts counts{OriginOf(searcher),
                                  text_query ? searcher.CountFor(search, *text_query) : searcher.Count(search)};
  return JsonResponse(http::status::ok, query::ShardCountsToJson(counts), request);
}

// Whose profile a /v1/shard/ request asks about: `field` (speaker or
// country) and `id`. Throws UsageError naming the parameter that is wrong.
std::pair<query::FacetField, std::string> ProfileSubject(const Params& params) {
  const std::string* field_name = LastValue(params, "field");
  const auto field = field_name ? query::ParseFacetField(*field_name) : std::nullopt;
  if (!field || (*field != query::FacetField::kSpeaker && *field != query::FacetField::kCountry)) {
    throw UsageError("field", "field must be speaker or country");
  }
  const std::string* id_value = LastValue(params, "id");
  const std::string id = id_value ? *id_value : "";
  if (id.empty()) throw UsageError("id", "id is required: a speaker id or an ISO3 code");
  return {*field, id};
}

// The figures of a speaker's or delegation's profile on this index alone,
// every value uncut: what a searchd over shards adds up
// (query/profile_counts.h).
Response get_shard_profile(const Request& request, const std::string&, const Params& params,
                           const Context& context) {
  const auto [field, id] = ProfileSubject(params);
  const query::Searcher& searcher = OwnIndex(context, "profile counts");
  const query::ShardProfile profile{OriginOf(searcher), searcher.CountProfile(field, id)};
  return JsonResponse(http::status::ok, query::ShardProfileToJson(profile), request);
}

// The passages of a profile on this index alone whose sample key is at most
// `upto`, with their topic words: what a searchd over shards weighs the
// profile's topics from (query/profile_topics.h).
Response get_shard_topic_passages(const Request& request, const std::string&, const Params& params,
                                  const Context& context) {
  const auto [field, id] = ProfileSubject(params);
  const std::string* upto = LastValue(params, "upto");
  uint64_t bound = 0;
  const auto parsed = upto ? std::from_chars(upto->data(), upto->data() + upto->size(), bound) : std::from_chars_result{};
  if (!upto || parsed.ec != std::errc() || parsed.ptr != upto->data() + upto->size()) {
    throw UsageError("upto", "upto must be a sample key: a whole number from 0 to 18446744073709551615");
  }
  const query::Searcher& searcher = OwnIndex(context, "topic passages");
  const query::ShardTopicPassages passages{OriginOf(searcher), searcher.TopicPassages(field, id, bound)};
  return JsonResponse(http::status::ok, query::ShardTopicPassagesToJson(passages), request);
}

// How many passages of this index alone have each of `terms` (comma
// separated), in order: what a searchd over shards sums.
Response get_shard_termfreqs(const Request& request, const std::string&, const Params& params,
                             const Context& context) {
  const std::string* terms = LastValue(params, "terms");
  if (!terms || terms->empty()) throw UsageError("terms", "terms is required: words separated by commas");
  const query::Searcher& searcher = OwnIndex(context, "term frequencies");
  std::vector<std::string> words;
  for (std::string_view word : text::Split(*terms, ',')) words.emplace_back(word);
  const query::ShardTermFreqs freqs{OriginOf(searcher), searcher.TermFreqs(words)};
  return JsonResponse(http::status::ok, query::ShardTermFreqsToJson(freqs), request);
}

// This index's spelling table: what a searchd over shards sums to correct
// spellings as one index would (query/shard_spellings.h).
Response get_shard_spellings(const Request& request, const std::string&, const Params&, const Context& context) {
  const query::Searcher& searcher = OwnIndex(context, "spellings");
  const query::ShardSpellings spellings{OriginOf(searcher), query::SpellingsOf(searcher.database())};
  return JsonResponse(http::status::ok, query::ShardSpellingsToJson(spellings), request);
}

Response get_search(const Request& request, const std::string&, const Params& params, const Context& context) {
  const query::SearchRequest search = ParseSearchParams(params);
  // Over shards served partially, the answer names the shards it leaves out.
  return JsonResponse(http::status::ok,
                      query::SearchResultToJson(context.index.PartialForThisThread().Search(search)), request);
}

Response get_document(const Request& request, const std::string& doc_id, const Params& params,
                      const Context& context) {
  const query::Searcher& searcher = context.index.ForThisThread();
  const auto [document, passages] = searcher.GetDocument(doc_id);
  // With q (the search the document was opened from): what else to mark
  // beside q's words, the acronyms and spelled-out forms q finds.
  const std::string* q = LastValue(params, "q");
  return JsonResponse(http::status::ok,
                      query::DocumentToJson(document, passages, OriginalPath(document.id),
                                            q ? searcher.HighlightPhrases(*q) : std::vector<std::string>{}),
                      request);
}

// An archive's HTML may carry scripts; served from this origin they could
// use the API as the page does. The sandbox gives the file an origin of its
// own, runs no script and loads nothing from anywhere. Not for PDFs: the
// browser's PDF viewer does not run in a sandboxed document.
constexpr std::string_view kOriginalPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// Over shards, the original of `file` as the searchd of the shard that
// holds it serves it: the file is on that shard's machine, and its searchd
// checks it against the index as ReadOriginal does here. Throws as
// ReadOriginal (NotFoundError, ConflictError, from the shard's answer), and
// ShardUnavailableError naming the shard when its searchd cannot answer.
Original OriginalFromShard(const Request& request, const std::string& doc_id, const IndexedFile& file,
                           const query::Searcher& searcher, const ShardSet& shards) {
  const size_t k = searcher.ShardNumberOf(doc_id) - 1;
  const Endpoint& at = shards.counting(k);
  query::HttpResult got;
  try {
    got = query::HttpGet(at.host, at.port, std::string(request.target().substr(0, request.target().find('?'))));
  } catch (const Error& e) {
    throw ShardUnavailableError(shards.Name(k) + " is unavailable: " + e.what());
  }
  const std::string said = shards.Name(k) + " answered " + std::to_string(got.status) + ": " + got.body;
  if (got.status == 404) throw NotFoundError(said);
  if (got.status == 409) throw ConflictError(said);
  if (got.status != 200) throw ShardUnavailableError(said);
  Original original = DescribeOriginal(doc_id, file);
  original.bytes = std::move(got.body);
  return original;
}

// The file a document was read from, checked against the index on every
// request (ReadOriginal). Browsers revalidate (no-cache) and get 304 while
// the ETag -- the indexed bytes' hash -- holds: a copy they have is the
// indexed original, whatever the disk holds now.
Response get_original(const Request& request, const std::string& doc_id, const Params&, const Context& context) {
  const query::Searcher& searcher = context.index.ForThisThread();
  const IndexedFile file = searcher.FileOf(doc_id);
  const std::string etag = OriginalEtag(file.record);
  const bool unchanged = ClientHasCurrent(request, etag);
  Response response{unchanged ? http::status::not_modified : http::status::ok, request.version()};
  response.set(http::field::etag, etag);
  response.set(http::field::cache_control, "no-cache");
  response.set("X-Content-Type-Options", "nosniff");
  response.keep_alive(request.keep_alive());
  if (unchanged) return response;  // no body, no Content-Length
  Original original = searcher.sharded() ? OriginalFromShard(request, doc_id, file, searcher, *context.index.shard_set())
                                         : ReadOriginal(doc_id, file);
  const std::string_view content_type = ContentTypeOf(original.format);
  response.set(http::field::content_type, boost::beast::string_view(content_type.data(), content_type.size()));
  response.set(http::field::content_disposition, InlineDisposition(original.file_name));
  if (original.format != Format::kPdf) {
    response.set("Content-Security-Policy", boost::beast::string_view(kOriginalPolicy.data(), kOriginalPolicy.size()));
  }
  response.body() = std::move(original.bytes);
  response.prepare_payload();
  return response;
}

Response get_facet(const Request& request, const std::string& field_name, const Params& params,
                   const Context& context) {
  const auto field = query::ParseFacetField(field_name);
  if (!field) {
    throw NotFoundError("no facet '" + field_name + "' (" + query::FacetNames() + ")");
  }
  const query::SearchRequest search = ParseSearchParams(params);
  const std::string* prefix = LastValue(params, "prefix");
  int limit = kFacetEndpointDefaultLimit;
  if (const auto* v = LastValue(params, "limit"))
    limit = query::ParseBoundedInt("limit", *v, 1, kFacetEndpointMaxLimit);
  const query::Searcher& searcher = context.index.PartialForThisThread();
  const query::FacetResult facet =
      searcher.FacetValues(search, *field, prefix ? *prefix : "", static_cast<size_t>(limit));
  return JsonResponse(http::status::ok,
                      query::FacetValuesToJson(field_name, prefix ? *prefix : "", facet, searcher.missing_shards()),
                      request);
}

// The titles of the codes the other answers write bare (action lines,
// document types, bodies): from the server's tables, the same for every
// index, so the page keeps no copy of them.
Response get_labels(const Request& request, const std::string&, const Params&, const Context&) {
  return JsonResponse(http::status::ok, query::LabelsToJson(), request);
}

// A delegate's workflows (searchd/workflow_routes.h).
Reply get_export(const Request& request, const std::string&, const Params& params, const Context& context) {
  return ExportReply(request, params, context.index);
}

Response get_feed(const Request& request, const std::string&, const Params& params, const Context& context) {
  return FeedResponse(request, params, context.index.ForThisThread());
}

Response get_compare(const Request& request, const std::string&, const Params& params, const Context& context) {
  return JsonResponse(http::status::ok, CompareJson(params, context.index.ForThisThread()), request);
}

Response get_similar(const Request& request, const std::string& passage_id, const Params& params,
                     const Context& context) {
  return JsonResponse(http::status::ok, SimilarJson(passage_id, params, context.index.ForThisThread()), request);
}

// A speaker's and a delegation's page (query/profile.h).
Response get_speaker(const Request& request, const std::string& speaker, const Params&, const Context& context) {
  return JsonResponse(http::status::ok,
                      query::ProfileToJson(query::SpeakerProfile(context.index.ForThisThread(), speaker)), request);
}

Response get_country(const Request& request, const std::string& country, const Params&, const Context& context) {
  return JsonResponse(http::status::ok,
                      query::ProfileToJson(query::CountryProfile(context.index.ForThisThread(), country)), request);
}

Response get_metrics(const Request& request, const std::string&, const Params&, const Context& context) {
  const query::Searcher& searcher = context.index.ForThisThread();
  const IndexSnapshot snapshot{searcher.generation(), searcher.document_count(), searcher.passage_count()};
  Response response{http::status::ok, request.version()};
  response.set(http::field::content_type,
               boost::beast::string_view(Metrics::kContentType.data(), Metrics::kContentType.size()));
  response.set(http::field::cache_control, "no-store");
  response.keep_alive(request.keep_alive());
  response.body() = context.metrics.Render(snapshot);
  response.prepare_payload();
  return response;
}

// The search page and its assets: compiled-in files. Browsers revalidate
// (no-cache) and get 304 while the ETag holds, so a new build is seen at
// once and an unchanged file costs no bytes.
Response StaticResponse(const WebAsset& asset, const Request& request) {
  const bool unchanged = ClientHasCurrent(request, asset.etag);
  Response response{unchanged ? http::status::not_modified : http::status::ok, request.version()};
  response.set(http::field::etag, asset.etag);
  response.set(http::field::cache_control, "no-cache");
  response.set("X-Content-Type-Options", "nosniff");
  response.keep_alive(request.keep_alive());
  if (unchanged) return response;  // no body, no Content-Length
  response.set(http::field::content_type,
               boost::beast::string_view(asset.content_type.data(), asset.content_type.size()));
  response.body() = std::string(asset.body);
  response.prepare_payload();
  return response;
}

// The page talks to this server's /v1 API and nothing else; the policy
// makes the browser hold it to that.
constexpr std::string_view kPagePolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

Response get_page(const Request& request, const std::string&, const Params&, const Context&) {
  Response response = StaticResponse(WebPage(), request);
  response.set("Content-Security-Policy", boost::beast::string_view(kPagePolicy.data(), kPagePolicy.size()));
  response.set("Referrer-Policy", "no-referrer");
  return response;
}

Response get_asset(const Request& request, const std::string& name, const Params&, const Context&) {
  const WebAsset* asset = FindWebAsset(name);
  if (!asset) throw NotFoundError("no asset '" + name + "'");
  return StaticResponse(*asset, request);
}

// A handler gets the request, the path's parameter (what "{name}" in the
// route's pattern matched; the whole path for a pattern without one), the
// query parameters and the context (index, metrics).
using HandlerFn = std::function<Reply(const Request&, const std::string& path, const Params&, const Context&)>;

struct Route {
  http::verb method;
  // The path pattern, as metrics and the OpenAPI document name it: exact
  // ("/" too), or with one "{name}" that matches one path segment.
  std::string_view pattern;
  HandlerFn handler;

  // The path parameter if `request_path` is this route's, else nullopt.
  std::optional<std::string> Match(const std::string& request_path) const {
    const size_t open = pattern.find('{');
    if (open == std::string_view::npos) {
      return request_path == pattern ? std::optional<std::string>(request_path) : std::nullopt;
    }
    const std::string_view prefix = pattern.substr(0, open);
    const std::string_view suffix = pattern.substr(pattern.find('}', open) + 1);
    const std::string_view path(request_path);
    if (path.size() <= prefix.size() + suffix.size() || !path.starts_with(prefix) || !path.ends_with(suffix)) {
      return std::nullopt;
    }
    std::string parameter(path.substr(prefix.size(), path.size() - prefix.size() - suffix.size()));
    if (parameter.find('/') != std::string::npos) return std::nullopt;
    return parameter;
  }
};

// The route table: every endpoint the server answers.
const std::vector<Route>& Routes() {
  static const std::vector<Route> kRoutes = {
      {http::verb::get, "/v1/health", get_health},
      {http::verb::get, "/v1/search", get_search},
      {http::verb::get, "/v1/documents/{doc_id}", get_document},
      {http::verb::get, kOriginalRoute, get_original},
      {http::verb::get, "/v1/facets/{field}", get_facet},
      {http::verb::get, "/v1/speakers/{speaker_id}", get_speaker},
      {http::verb::get, "/v1/countries/{country}", get_country},
      {http::verb::get, "/v1/labels", get_labels},
      {http::verb::get, "/v1/export", get_export},
      {http::verb::get, "/v1/feed", get_feed},
      {http::verb::get, "/v1/passages/{passage_id}/similar", get_similar},
      {http::verb::get, "/v1/compare", get_compare},
      {http::verb::get, "/v1/shard/counts", get_shard_counts},
      {http::verb::get, "/v1/shard/spellings", get_shard_spellings},
      {http::verb::get, "/v1/shard/profile", get_shard_profile},
      {http::verb::get, "/v1/shard/topic_passages", get_shard_topic_passages},
      {http::verb::get, "/v1/shard/termfreqs", get_shard_termfreqs},
      {http::verb::get, "/metrics", get_metrics},
      // The search page, a client of the routes above; not in
      // docs/openapi.json, which describes the JSON API.
      {http::verb::get, "/", get_page},
      {http::verb::get, "/assets/{name}", get_asset},
  };
  return kRoutes;
}

}  // namespace

std::vector<std::string> AllValues(const Params& params, const std::string& name) {
  std::vector<std::string> values;
  const auto [begin, end] = params.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    for (auto& item : query::SplitList(it->second)) values.push_back(std::move(item));
  }
  return values;
}

const std::string* LastValue(const Params& params, const std::string& name) {
  const auto [begin, end] = params.equal_range(name);
  if (begin == end) return nullptr;
  return &std::prev(end)->second;
}

std::string ParseTarget(std::string_view target, Params* params) {
  const size_t question = target.find('?');
  const std::string_view path = target.substr(0, question);
  if (question != std::string_view::npos) {
    for (std::string_view pair : text::Split(target.substr(question + 1), '&')) {
      if (pair.empty()) continue;
      const size_t eq = pair.find('=');
      const auto name = UrlDecode(pair.substr(0, eq));
      const auto value = UrlDecode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
      if (!name || !value) {
        throw UsageError(std::string(pair.substr(0, eq)),
                         "parameter '" + std::string(pair.substr(0, eq)) + "' has a broken %-escape");
      }
      if (text::FindInvalidUtf8(*value)) throw UsageError(*name, "parameter '" + *name + "' is not valid UTF-8");
      params->emplace(*name, *value);
    }
  }
  const auto decoded = UrlDecode(path);
  if (!decoded) throw UsageError("path", "the path has a broken %-escape");
  return *decoded;
}

void ParseFilterParams(const Params& params, query::SearchRequest* r) {
  if (const auto* q = LastValue(params, "q")) r->q = *q;
  // The filters: each search field's parameter, repeatable (OR).
  for (const query::SearchField& field : query::SearchFields()) {
    const std::string name(field.name);
    for (const auto& v : AllValues(params, name)) query::AddFieldValue(*r, field, name, v);
    if (!field.tag_mode) continue;
    const std::string mode(field.tag_mode->parameter);
    if (const auto* v = LastValue(params, mode)) query::SetTagMode(*r, field, mode, *v);
  }
}

void ParseRankingParams(const Params& params, query::SearchRequest* r) {
  if (const auto* v = LastValue(params, "sort")) r->sort = query::ParseSort(*v);
  if (const auto* v = LastValue(params, "group")) {
    if (*v == "document") {
      r->group_by_document = true;
    } else if (*v != "passage") {
      throw UsageError("group", "group=" + *v + ": must be passage or document");
    }
  }
}

query::SearchRequest ParseSearchParams(const Params& params) {
  query::SearchRequest r;
  ParseFilterParams(params, &r);
  if (const auto* v = LastValue(params, "page")) r.page = query::ParseBoundedInt("page", *v, 1, query::kMaxDepth);
  if (const auto* v = LastValue(params, "per_page")) {
    r.per_page = query::ParseBoundedInt("per_page", *v, 1, query::kMaxPerPage);
  }
  ParseRankingParams(params, &r);
  if (const auto* v = LastValue(params, "facets")) r.facets = query::ParseFacetList("facets", *v);
  query::CheckPaging(r);
  return r;
}

Response ErrorResponse(http::status status, std::string_view code, std::string_view message, unsigned version,
                       bool keep_alive) {
  Response response{status, version};
  response.set(http::field::content_type, "application/json; charset=utf-8");
  response.keep_alive(keep_alive);
  response.body() = query::ErrorToJson(code, message);
  response.prepare_payload();
  return response;
}

std::vector<std::string_view> EndpointLabels() {
  std::vector<std::string_view> labels;
  for (const Route& route : Routes()) labels.push_back(route.pattern);
  labels.push_back(kOtherEndpoint);
  return labels;
}

std::string_view EndpointOf(std::string_view target) {
  const std::string_view raw_path = target.substr(0, target.find('?'));
  const auto path = UrlDecode(raw_path);
  if (!path) return kOtherEndpoint;
  for (const Route& route : Routes()) {
    if (route.Match(*path)) return route.pattern;
  }
  return kOtherEndpoint;
}

namespace {

// The error response for the exception in flight, as the contract maps
// each kind; fills `info`. Call only from a catch block.
Response CurrentErrorResponse(const Request& request, RequestInfo* info) {
  const auto error = [&](http::status status, std::string_view code, std::string_view message) {
    info->error_code = code;
    return ErrorResponse(status, code, message, request.version(), request.keep_alive());
  };
  try {
    throw;
  } catch (const UsageError& e) {
    return error(http::status::bad_request, "bad_request", e.what());
  } catch (const NotFoundError& e) {
    return error(http::status::not_found, "not_found", e.what());
  } catch (const ConflictError& e) {
    return error(http::status::conflict, "changed", e.what());
  } catch (const ShardUnavailableError& e) {
    // Never a count of the other shards presented as the whole: the shard
    // is named, so an operator knows which to look at.
    return error(http::status::service_unavailable, "shard_unavailable", e.what());
  } catch (const Xapian::NetworkError& e) {
    return error(http::status::service_unavailable, "shard_unavailable",
                 "a shard's xapian-tcpsrv cannot be reached: " + e.get_msg());
  } catch (const UnsupportedError& e) {
    return error(http::status::not_implemented, "not_implemented", e.what());
  } catch (const IndexError& e) {
    info->detail = e.what();
    return error(http::status::service_unavailable, "unavailable",
                 "the index cannot be read at the moment; the server's log says why");
  } catch (const Xapian::Error& e) {
    info->detail = "index error: " + e.get_description();
    return error(http::status::internal_server_error, "internal", "index error; the server's log says more");
  } catch (const std::exception& e) {
    info->detail = e.what();
    return error(http::status::internal_server_error, "internal", "internal error; the server's log says more");
  }
}

}  // namespace

Reply HandleStreaming(const Request& request, IndexPool& index, const Metrics& metrics, RequestInfo* info) {
  RequestInfo ignored;
  if (!info) info = &ignored;
  *info = RequestInfo{};
  const Context context{index, metrics};
  try {
    Params params;
    const std::string path = ParseTarget(std::string_view(request.target().data(), request.target().size()), &params);
    const Route* found = nullptr;
    std::string parameter;
    bool path_known = false;
    for (const Route& route : Routes()) {
      const auto match = route.Match(path);
      if (!match) continue;
      path_known = true;
      info->endpoint = route.pattern;
      if (route.method == request.method() ||
          (route.method == http::verb::get && request.method() == http::verb::head)) {
        found = &route;
        parameter = *match;
      }
    }
    if (!found) {
      if (path_known) {
        info->error_code = "method_not_allowed";
        Response r = ErrorResponse(http::status::method_not_allowed, "method_not_allowed",
                                   std::string(request.method_string()) + " is not allowed on " + path,
                                   request.version(), request.keep_alive());
        r.set(http::field::allow, "GET, HEAD");
        return r;
      }
      info->error_code = "not_found";
      return ErrorResponse(http::status::not_found, "not_found", "no such endpoint: " + path, request.version(),
                           request.keep_alive());
    }
    // A request that meets a generation being replaced under it is run again,
    // whole, on a fresh view of the index (IndexPool::WithRetry).
    Reply reply = index.WithRetry([&] { return found->handler(request, parameter, params, context); });
    if (request.method() == http::verb::head) {
      reply.response.body().clear();
      // The head of a streamed body, without the body: no chunks follow.
      if (reply.stream) reply.response.chunked(false);
      reply.stream.reset();
    }
    return reply;
  } catch (...) {
    return CurrentErrorResponse(request, info);
  }
}

Response HandleRequest(const Request& request, IndexPool& index, const Metrics& metrics, RequestInfo* info) {
  RequestInfo ignored;
  if (!info) info = &ignored;
  Reply reply = HandleStreaming(request, index, metrics, info);
  if (!reply.stream) return std::move(reply.response);
  // Gathered whole: for callers without a socket (tests, the fuzzer).
  std::string body;
  try {
    while (auto piece = reply.stream->Next()) body += *piece;
  } catch (...) {
    return CurrentErrorResponse(request, info);
  }
  reply.response.chunked(false);
  reply.response.body() = std::move(body);
  reply.response.prepare_payload();
  return std::move(reply.response);
}

}  // namespace cstd::searchd
