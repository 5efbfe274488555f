// Exports: every passage a search matches (or the passages a delegate
// picked), as rows of CSV, JSON lines or plain text, written a chunk at a
// time so that a long export never holds its rows in memory -- only their
// ids. GET /v1/export and cstd-query --export write through here.

#ifndef CSTD_QUERY_EXPORT_H_
#define CSTD_QUERY_EXPORT_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/searcher.h"

namespace cstd::query {

enum class ExportFormat { kCsv, kJsonl, kTxt };

/// "csv", "jsonl" or "txt". Throws UsageError naming `parameter` otherwise.
ExportFormat ParseExportFormat(std::string_view parameter, std::string_view value);

/// The format's name, which is also its file extension ("csv").
std::string_view ExportFormatName(ExportFormat format);

/// The media type of the format, with its charset.
std::string_view ExportContentType(ExportFormat format);

/// The columns of every row, in order: citation, symbol, title, type,
/// session, year, date, paragraph, page, speakers, delegations,
/// action_lines, action_lines_inferred, text, link, passage_id. The CSV
/// header and the keys of a JSON line are these names.
const std::vector<std::string_view>& ExportColumns();

/// The passages (Xapian document ids of `searcher`'s database) of every
/// match of `request`, in the order Search gives them (its sort; one per
/// document with group_by_document), so an export has exactly as many rows
/// as the search's total. Paging is ignored. Throws UsageError naming
/// max_export and the number of matches when more than
/// searcher.limits().max_export match, and as Searcher::Search.
std::vector<Xapian::docid> SelectMatches(const Searcher& searcher, const SearchRequest& request);

/// The passages `passage_ids` name, in that order (duplicates once).
/// Throws UsageError naming `parameter` and the first id the index does not
/// hold, or max_export when there are more ids than it allows.
std::vector<Xapian::docid> SelectPassages(const Searcher& searcher, std::string_view parameter,
                                          const std::vector<std::string>& passage_ids);

/// About this many bytes go out at a time: a few dozen rows, so a client
/// sees the first rows at once and the server holds one chunk per export.
inline constexpr size_t kExportChunkBytes = 64 * 1024;

/// Writes the rows of a selection, a chunk at a time.
///
/// CSV is RFC 4180 in UTF-8 with a byte order mark (which is how Excel
/// knows the bytes are UTF-8 and keeps accents), a header, CRLF line ends,
/// fields quoted when they hold a comma, a quote or a line break, and lists
/// (speakers, delegations, action lines) joined by "; ". A field that
/// begins with =, +, -, @, a tab or a carriage return gets a leading
/// apostrophe, so that a spreadsheet shows it as text rather than run it as
/// a formula (OWASP's advice on CSV injection); the JSON lines keep every
/// field as it is, for programs. Plain text is one block per paragraph: the
/// citation, the document, who spoke, the text and the link.
class ExportWriter {
 public:
  /// `searcher` must outlive the writer, and is read only from the thread
  /// calling Next(). Links are made on `link_base` (PassageLink).
  ExportWriter(const Searcher& searcher, std::vector<Xapian::docid> selection, ExportFormat format,
               std::string link_base);

  /// The next piece of the body: never empty, about kExportChunkBytes, made
  /// of whole rows (the first also of what precedes them: the BOM and the
  /// header); nullopt once everything is written. Throws what reading the
  /// index throws (Xapian::DatabaseModifiedError when the revision read was
  /// replaced meanwhile, DataError for a record that does not decode).
  std::optional<std::string> Next();

  /// Rows written so far.
  size_t rows() const { return next_; }

 private:
  void AppendRow(const Passage& p, std::string& out) const;

  const Searcher& searcher_;
  std::vector<Xapian::docid> selection_;
  ExportFormat format_;
  std::string link_base_;
  size_t next_ = 0;
  bool started_ = false;
};

}  // namespace cstd::query

#endif  // CSTD_QUERY_EXPORT_H_
