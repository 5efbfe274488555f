#include "searchd/workflow_routes.h"

#include "model/errors.h"
#include "query/api_json.h"
#include "query/compare.h"
#include "query/export.h"
#include "query/feed.h"
#include "query/similar.h"

namespace cstd::searchd {

namespace http = boost::beast::http;

namespace {

// The rows of an export, read from the export's own view of the index.
class ExportStream : public BodyStream {
 public:
  ExportStream(std::shared_ptr<IndexPool::OwnView> view, std::vector<Xapian::docid> selection,
               query::ExportFormat format, std::string link_base)
      : view_(std::move(view)), writer_(*view_->searcher, std::move(selection), format, std::move(link_base)) {}

  std::optional<std::string> Next() override { return writer_.Next(); }

 private:
  std::shared_ptr<IndexPool::OwnView> view_;  // declared first: outlives the writer reading it
  query::ExportWriter writer_;
};

}  // namespace

std::string LinkBase(const Request& request) {
  const auto field = request[http::field::host];
  const std::string_view host(field.data(), field.size());
  // A host name, an IPv4 or bracketed IPv6 address, and a port: nothing
  // that could break out of a URL, a CSV field or an XML attribute.
  if (host.empty() || host.size() > 255) return {};
  for (char c : host) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '-' || c == ':' || c == '[' || c == ']';
    if (!ok) return {};
  }
  return "http://" + std::string(host);
}

Reply ExportReply(const Request& request, const Params& params, IndexPool& index) {
  const std::string* format_value = LastValue(params, "format");
  const query::ExportFormat format = query::ParseExportFormat("format", format_value ? *format_value : "csv");
  query::SearchRequest search;
  ParseFilterParams(params, &search);
  ParseRankingParams(params, &search);
  const std::vector<std::string> picked = AllValues(params, "passage_id");

  std::shared_ptr<IndexPool::OwnView> view = index.OpenOwnView();
  std::vector<Xapian::docid> selection = picked.empty() ? query::SelectMatches(*view->searcher, search)
                                                        : query::SelectPassages(*view->searcher, "passage_id", picked);
  Response head{http::status::ok, request.version()};
  const std::string_view type = query::ExportContentType(format);
  head.set(http::field::content_type, boost::beast::string_view(type.data(), type.size()));
  head.set(http::field::content_disposition,
           "attachment; filename=\"cstd-export." + std::string(query::ExportFormatName(format)) + "\"");
  head.set(http::field::cache_control, "no-store");
  head.set("X-Content-Type-Options", "nosniff");
  // Known before the first row: a client can show progress, and check it
  // got every row.
  head.set("X-Export-Rows", std::to_string(selection.size()));
  head.keep_alive(request.keep_alive());
  head.chunked(true);
  Reply reply(std::move(head));
  reply.stream = std::make_unique<ExportStream>(std::move(view), std::move(selection), format, LinkBase(request));
  return reply;
}

Response FeedResponse(const Request& request, const Params& params, const query::Searcher& searcher) {
  query::SearchRequest search;
  ParseFilterParams(params, &search);
  Response response{http::status::ok, request.version()};
  response.set(http::field::content_type,
               boost::beast::string_view(query::kAtomContentType.data(), query::kAtomContentType.size()));
  // Feed readers poll: each poll asks the index afresh.
  response.set(http::field::cache_control, "no-cache");
  response.set("X-Content-Type-Options", "nosniff");
  response.keep_alive(request.keep_alive());
  response.body() = query::AtomFeed(searcher, search, LinkBase(request));
  response.prepare_payload();
  return response;
}

std::string SimilarJson(const std::string& passage_id, const Params& params, const query::Searcher& searcher) {
  query::SimilarRequest similar;
  similar.search = ParseSearchParams(params);
  if (const std::string* v = LastValue(params, "other_delegations")) {
    if (*v == "true") {
      similar.other_delegations = true;
    } else if (*v != "false") {
      throw UsageError("other_delegations", "other_delegations=" + *v + ": must be true or false");
    }
  }
  return query::SearchResultToJson(query::Similar(searcher, passage_id, similar));
}

std::string CompareJson(const Params& params, const query::Searcher& searcher) {
  query::CompareRequest compare;
  ParseFilterParams(params, &compare.search);
  compare.delegations = query::ParseDelegations("delegations", AllValues(params, "delegations"));
  if (const std::string* v = LastValue(params, "by")) compare.by = query::ParseCompareBy("by", *v);
  if (const std::string* v = LastValue(params, "top")) {
    compare.top = query::ParseBoundedInt("top", *v, 1, query::kMaxCompareTop);
  }
  return query::CompareToJson(query::Compare(searcher, compare));
}

}  // namespace cstd::searchd
