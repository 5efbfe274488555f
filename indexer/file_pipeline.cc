#include "indexer/file_pipeline.h"

#include "extract/extract.h"
#include "extract/reader.h"
#include "model/errors.h"

namespace cstd::indexer {

PreparedFile PrepareFile(const SourceFile& file, std::optional<std::string> known_hash) {
  PreparedFile out;
  if (!extract::IsSupported(file.path)) {
    out.skipped = "unsupported format";
    return out;
  }
  try {
    out.hash = known_hash ? std::move(*known_hash) : ContentHash(extract::ReadBytes(file.path));
    out.doc = extract::ExtractFile(file.path, file.relative);
  } catch (const InputError& e) {
    out.doc.reset();
    out.skipped = e.reason();
  }
  return out;
}

void ApplyCatalogue(extract::Catalogue* catalogue, PreparedFile& file, const SourceFile& source) {
  if (catalogue && file.doc) file.catalogue_row = catalogue->Apply(source.relative, *file.doc);
}

void CountPreparedFile(const PreparedFile& file, const SourceFile& source, bool with_catalogue,
                       BuildSummary& summary, Progress& progress) {
  if (!file.doc) {
    summary.skipped.emplace_back(source.path, file.skipped);
    progress.Warn("warning: " + source.path + ": " + file.skipped + ", skipped");
    return;
  }
  if (file.doc->letters_missing > 0) {
    summary.files_losing_text.push_back(source.path);
    progress.Warn("warning: " + source.path + ": " + extract::TextLostWarning(*file.doc));
  }
  if (with_catalogue) {
    if (file.catalogue_row) {
      ++summary.files_with_row;
    } else {
      summary.files_without_row.push_back(source.path);
    }
  }
  summary.bytes += source.record.size;
}

void FileOrder::Settle(PreparedFile& file, const SourceFile& source) {
  if (!file.doc) return;
  ApplyCatalogue(catalogue_, file, source);
  ExtractedDocument& doc = *file.doc;
  if (!ids_.insert(doc.document.id).second) {
    doc.document.id = DisambiguatedId(doc.document.id, doc.document.source);
    ids_.insert(doc.document.id);
  }
  file.speakers = ResolveSpeakers(doc, registry_);
}

std::string DisambiguatedId(const std::string& doc_id, const std::string& source) {
  return doc_id + "-" + ContentHash(source).substr(0, 8);
}

}  // namespace cstd::indexer
