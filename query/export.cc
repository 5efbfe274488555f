#include "query/export.h"

#include <array>
#include <unordered_set>
#include <variant>

#include "model/countries.h"
#include "model/errors.h"
#include "model/schema.h"
#include "query/citation.h"
#include "query/passage_link.h"

namespace cstd::query {

namespace {

// A cell of a row: text, a number that may be missing, or a list.
using Cell = std::variant<std::string, std::optional<int>, std::vector<std::string>>;

// What a row is made from.
struct RowSource {
  const Passage& p;
  const std::string& link;
};

std::vector<std::string> DelegationNames(const Passage& p) {
  std::vector<std::string> names;
  for (const auto& code : p.paragraph.countries) {
    const Country* c = Countries::Builtin().FindByCode(code);
    names.push_back(c ? c->short_name : code);
  }
  return names;
}

std::vector<std::string> InferredCodes(const Passage& p) {
  std::vector<std::string> codes;
  for (const auto& line : p.paragraph.action_lines_inferred) codes.push_back(line.code);
  return codes;
}

struct ExportColumn {
  std::string_view name;
  Cell (*get)(const RowSource&);
};

// The one table of the columns: the CSV header, the JSON keys and the
// cells all come from it.
const std::array<ExportColumn, 16> kColumns = {{
    {"citation", [](const RowSource& r) -> Cell { return Citation(r.p); }},
    {"symbol", [](const RowSource& r) -> Cell { return r.p.symbol.value_or(""); }},
    {"title", [](const RowSource& r) -> Cell { return r.p.title; }},
    {"type", [](const RowSource& r) -> Cell { return r.p.type; }},
    {"session", [](const RowSource& r) -> Cell { return r.p.session; }},
    {"year", [](const RowSource& r) -> Cell { return r.p.year; }},
    {"date", [](const RowSource& r) -> Cell { return r.p.date.value_or(""); }},
    {"paragraph", [](const RowSource& r) -> Cell { return r.p.paragraph.number; }},
    {"page", [](const RowSource& r) -> Cell { return r.p.paragraph.page; }},
    {"speakers", [](const RowSource& r) -> Cell { return r.p.paragraph.speakers; }},
    {"delegations", [](const RowSource& r) -> Cell { return DelegationNames(r.p); }},
    {"action_lines", [](const RowSource& r) -> Cell { return r.p.paragraph.action_lines; }},
    {"action_lines_inferred", [](const RowSource& r) -> Cell { return InferredCodes(r.p); }},
    {"text", [](const RowSource& r) -> Cell { return r.p.paragraph.text; }},
    {"link", [](const RowSource& r) -> Cell { return r.link; }},
    {"passage_id", [](const RowSource& r) -> Cell { return r.p.passage_id; }},
}};

// Lists in one CSV or text field.
constexpr std::string_view kListSeparator = "; ";

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += kListSeparator;
    out += item;
  }
  return out;
}

std::string CellText(const Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  if (const auto* n = std::get_if<std::optional<int>>(&cell)) return *n ? std::to_string(**n) : std::string();
  return Joined(std::get<std::vector<std::string>>(cell));
}

void AppendCsvField(std::string_view field, std::string& out) {
  // OWASP's list of what makes a spreadsheet read a cell as a formula.
  const bool formula = !field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
  const bool quote = formula || field.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) out += '"';
  if (formula) out += '\'';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  if (quote) out += '"';
}

void AppendJsonCell(JsonWriter& w, const Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) {
    json::Str(w, *s);
  } else if (const auto* n = std::get_if<std::optional<int>>(&cell)) {
    json::OptInt(w, *n);
  } else {
    json::StrList(w, std::get<std::vector<std::string>>(cell));
  }
}

// The UTF-8 byte order mark: spreadsheet programs read a CSV file without
// it in the system's legacy code page, and accents come out garbled.
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace

ExportFormat ParseExportFormat(std::string_view parameter, std::string_view value) {
  for (ExportFormat f : {ExportFormat::kCsv, ExportFormat::kJsonl, ExportFormat::kTxt}) {
    if (value == ExportFormatName(f)) return f;
  }
  throw UsageError(std::string(parameter),
                   std::string(parameter) + "=" + std::string(value) + ": must be csv, jsonl or txt");
}

std::string_view ExportFormatName(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv:
      return "csv";
    case ExportFormat::kJsonl:
      return "jsonl";
    case ExportFormat::kTxt:
      return "txt";
  }
  return "csv";
}

std::string_view ExportContentType(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv:
      return "text/csv; charset=utf-8; header=present";
    case ExportFormat::kJsonl:
      return "application/x-ndjson; charset=utf-8";
    case ExportFormat::kTxt:
      return "text/plain; charset=utf-8";
  }
  return "text/plain; charset=utf-8";
}

const std::vector<std::string_view>& ExportColumns() {
  static const std::vector<std::string_view> kNames = [] {
    std::vector<std::string_view> names;
    for (const ExportColumn& c : kColumns) names.push_back(c.name);
    return names;
  }();
  return kNames;
}

std::vector<Xapian::docid> SelectMatches(const Searcher& searcher, const SearchRequest& request) {
  const size_t max = searcher.limits().max_export;
  // One more than allowed tells an export that is too big from one that
  // fits exactly.
  const Xapian::MSet mset = searcher.Rank(request, 0, static_cast<Xapian::doccount>(max + 1));
  if (mset.size() > max) {
    SearchRequest count = request;
    count.page = 1;
    count.per_page = 1;
    count.facets.clear();
    const size_t total = searcher.Search(count).total;
    throw UsageError("max_export", "the search matches " + std::to_string(total) + " " +
                                       (request.group_by_document ? "documents" : "paragraphs") +
                                       ", more than max_export=" + std::to_string(max) +
                                       " rows; narrow it (a filter, a range of years) or export it in parts");
  }
  std::vector<Xapian::docid> ids;
  ids.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
  return ids;
}

std::vector<Xapian::docid> SelectPassages(const Searcher& searcher, std::string_view parameter,
                                          const std::vector<std::string>& passage_ids) {
  const size_t max = searcher.limits().max_export;
  if (passage_ids.size() > max) {
    throw UsageError("max_export", std::to_string(passage_ids.size()) +
                                       " passages asked for, more than max_export=" + std::to_string(max) + " rows");
  }
  const Xapian::Database& db = searcher.database();
  std::vector<Xapian::docid> ids;
  std::unordered_set<Xapian::docid> seen;
  for (const std::string& id : passage_ids) {
    const std::string term = schema::Term(schema::kPrefixPassageId, id);
    const auto it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) {
      throw UsageError(std::string(parameter),
                       std::string(parameter) + "=" + id + ": no passage of that id in the index");
    }
    if (seen.insert(*it).second) ids.push_back(*it);
  }
  return ids;
}

ExportWriter::ExportWriter(const Searcher& searcher, std::vector<Xapian::docid> selection, ExportFormat format,
                           std::string link_base)
    : searcher_(searcher), selection_(std::move(selection)), format_(format), link_base_(std::move(link_base)) {}

void ExportWriter::AppendRow(const Passage& p, std::string& out) const {
  const std::string link = PassageLink(link_base_, p);
  const RowSource source{p, link};
  switch (format_) {
    case ExportFormat::kCsv: {
      for (size_t i = 0; i < kColumns.size(); ++i) {
        if (i) out += ',';
        AppendCsvField(CellText(kColumns[i].get(source)), out);
      }
      out += "\r\n";
      break;
    }
    case ExportFormat::kJsonl: {
      rapidjson::StringBuffer buffer;
      JsonWriter w(buffer);
      w.StartObject();
      for (const ExportColumn& c : kColumns) {
        w.Key(c.name.data(), static_cast<rapidjson::SizeType>(c.name.size()));
        AppendJsonCell(w, c.get(source));
      }
      w.EndObject();
      out.append(buffer.GetString(), buffer.GetSize());
      out += '\n';
      break;
    }
    case ExportFormat::kTxt: {
      // A block a delegate reads or pastes: what to cite, where it is from,
      // who spoke, what was said, and where to find it.
      out += Citation(p) + "\n";
      out += p.title;
      if (p.date) out += " (" + *p.date + ")";
      out += "\n";
      const std::vector<std::string> delegations = DelegationNames(p);
      if (!delegations.empty()) out += "Delegations: " + Joined(delegations) + "\n";
      if (!p.paragraph.speakers.empty()) out += "Speakers: " + Joined(p.paragraph.speakers) + "\n";
      const std::vector<std::string> inferred = InferredCodes(p);
      if (!p.paragraph.action_lines.empty() || !inferred.empty()) {
        out += "Action lines: " + Joined(p.paragraph.action_lines);
        if (!inferred.empty()) {
          out += std::string(p.paragraph.action_lines.empty() ? "" : kListSeparator) + "inferred " + Joined(inferred);
        }
        out += "\n";
      }
      out += "\n" + p.paragraph.text + "\n\n" + link + "\n\n";
      break;
    }
  }
}

std::optional<std::string> ExportWriter::Next() {
  std::string chunk;
  if (!started_) {
    started_ = true;
    if (format_ == ExportFormat::kCsv) {
      chunk += kUtf8Bom;
      for (size_t i = 0; i < kColumns.size(); ++i) {
        if (i) chunk += ',';
        chunk += kColumns[i].name;
      }
      chunk += "\r\n";
    }
  }
  while (chunk.size() < kExportChunkBytes && next_ < selection_.size()) {
    AppendRow(searcher_.PassageAt(selection_[next_]), chunk);
    ++next_;
  }
  if (chunk.empty()) return std::nullopt;
  return chunk;
}

}  // namespace cstd::query
