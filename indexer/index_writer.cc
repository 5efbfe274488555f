#include "indexer/index_writer.h"

#include <cctype>
#include <filesystem>

#include "model/document_json.h"
#include "model/errors.h"
#include "model/index_layout.h"
#include "model/schema.h"
#include "model/synonyms.h"
#include "model/text.h"

namespace cstd::indexer {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFirstGeneration = "gen-000001";

std::string Fnv1aHex(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buffer, 8);
}

}  // namespace

IndexWriter::IndexWriter(const std::string& index_dir) : index_dir_(index_dir) {
  std::error_code ec;
  fs::create_directories(index_dir, ec);
  if (ec) throw IndexError(index_dir + ": cannot create index folder: " + ec.message());
  const auto current = ReadCurrentGeneration(index_dir);
  generation_ = current.value_or(kFirstGeneration);
  const std::string path = (fs::path(index_dir) / generation_).string();
  try {
    db_ = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    if (current) {
      CheckSchemaVersion(db_, path);
    } else {
      db_.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kVersion));
      db_.set_metadata(std::string(schema::kMetaGeneration), generation_);
      db_.commit();
      WriteCurrentGeneration(index_dir, generation_);
    }
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError(index_dir + ": another build holds this index; wait for it to finish");
  } catch (const Xapian::Error& e) {
    throw IndexError(path + ": cannot open index for writing: " + e.get_msg());
  }
  speakers_ = std::make_unique<SpeakerRegistry>(db_);
  term_generator_.set_stemmer(stemmer_);
  term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  // Spelling data feeds "did you mean" suggestions at query time.
  term_generator_.set_database(db_);
  term_generator_.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
  // Spelled-out forms of acronyms are synonyms of the acronym's term, so a
  // query that spells a form out also finds passages that use the acronym.
  try {
    for (const Synonym& synonym : Synonyms::Builtin().all()) {
      for (const std::string& expansion : synonym.expansions) db_.add_synonym(expansion, synonym.term);
    }
  } catch (const Xapian::Error& e) {
    throw IndexError(path + ": cannot record synonyms: " + e.get_msg());
  }
}

void IndexWriter::AddAcronymTerms(const std::string& text, Xapian::Document& xdoc) const {
  const std::string lower = text::AsciiLower(text);
  for (const Synonym& synonym : Synonyms::Builtin().all()) {
    for (const std::string& expansion : synonym.expansions) {
      size_t pos = lower.find(expansion);
      bool found = false;
      while (pos != std::string::npos && !found) {
        const size_t end = pos + expansion.size();
        found = (pos == 0 || !std::isalnum(static_cast<unsigned char>(lower[pos - 1]))) &&
                (end == lower.size() || !std::isalnum(static_cast<unsigned char>(lower[end])));
        pos = lower.find(expansion, pos + 1);
      }
      if (!found) continue;
      // Both forms the query parser may look up: unstemmed, and stemmed
      // with Xapian's 'Z' prefix (STEM_SOME).
      xdoc.add_term(synonym.term);
      xdoc.add_term("Z" + stemmer_(synonym.term));
      break;
    }
  }
}

void IndexWriter::RemoveDocument(const std::string& doc_id) {
  db_.delete_document(schema::Term(schema::kPrefixDocId, doc_id));
  db_.set_metadata(std::string(schema::kMetaDocumentPrefix) + doc_id, "");
}

size_t IndexWriter::Replace(ExtractedDocument& extracted) {
  Document& doc = extracted.document;
  try {
    const std::string source_key = std::string(schema::kMetaSourcePrefix) + doc.source;
    // The file may have been indexed before under another id.
    const std::string previous_id = db_.get_metadata(source_key);
    if (!previous_id.empty()) RemoveDocument(previous_id);
    // Two files may share a name in different folders: keep both.
    const std::string owner = db_.get_metadata(std::string(schema::kMetaDocumentPrefix) + doc.id);
    if (!owner.empty() && DecodeDocument(owner).source != doc.source) doc.id += "-" + Fnv1aHex(doc.source);
    RemoveDocument(doc.id);

    // Index-wide speaker ids, in the statements too.
    for (Paragraph& paragraph : extracted.paragraphs) {
      for (Statement& statement : paragraph.statements) {
        for (Speaker& speaker : statement.speakers) speaker.id = speakers_->Resolve(speaker.name, db_);
      }
    }
    for (Speaker& speaker : extracted.speakers) speaker.id = speakers_->Resolve(speaker.name, db_);

    size_t ordinal = 0;
    for (const Paragraph& paragraph : extracted.paragraphs) {
      ++ordinal;
      Passage passage;
      passage.doc_id = doc.id;
      passage.passage_id = doc.id + "-" + std::to_string(ordinal);
      passage.ordinal = static_cast<int>(ordinal);
      passage.paragraph = paragraph;
      for (const auto& name : paragraph.speakers) passage.speaker_ids.push_back(speakers_->Resolve(name, db_));
      passage.title = doc.title;
      passage.symbol = doc.symbol;
      passage.type = doc.type;
      passage.session = doc.session;
      passage.year = doc.year;
      passage.date = doc.date;

      Xapian::Document xdoc;
      term_generator_.set_document(xdoc);
      term_generator_.index_text(paragraph.text);
      term_generator_.increase_termpos();
      term_generator_.index_text(doc.title, 1, std::string(schema::kPrefixTitle));
      AddAcronymTerms(paragraph.text, xdoc);

      const auto boolean = [&](std::string_view prefix, std::string_view value) {
        if (!value.empty()) xdoc.add_boolean_term(schema::Term(prefix, value));
      };
      boolean(schema::kPrefixPassageId, passage.passage_id);
      boolean(schema::kPrefixDocId, doc.id);
      boolean(schema::kPrefixType, doc.type);
      boolean(schema::kPrefixBody, doc.body);
      if (doc.session) boolean(schema::kPrefixSession, std::to_string(*doc.session));
      if (doc.year) boolean(schema::kPrefixYear, std::to_string(*doc.year));
      for (const auto& c : paragraph.countries) boolean(schema::kPrefixCountry, c);
      for (const auto& id : passage.speaker_ids) boolean(schema::kPrefixSpeaker, id);
      for (const auto& a : paragraph.action_lines) boolean(schema::kPrefixActionLine, a);

      xdoc.add_value(schema::kSlotDocId, doc.id);
      if (doc.year) xdoc.add_value(schema::kSlotYear, Xapian::sortable_serialise(*doc.year));
      if (doc.session) xdoc.add_value(schema::kSlotSession, Xapian::sortable_serialise(*doc.session));
      if (doc.date) {
        xdoc.add_value(schema::kSlotDate, *doc.date);
      } else if (doc.year) {
        xdoc.add_value(schema::kSlotDate, std::to_string(*doc.year));
      }
      if (paragraph.number) xdoc.add_value(schema::kSlotParagraph, Xapian::sortable_serialise(*paragraph.number));
      xdoc.add_value(schema::kSlotOrdinal, Xapian::sortable_serialise(static_cast<double>(ordinal)));
      if (!paragraph.countries.empty()) xdoc.add_value(schema::kSlotCountries, schema::PackValues(paragraph.countries));
      if (!passage.speaker_ids.empty()) xdoc.add_value(schema::kSlotSpeakers, schema::PackValues(passage.speaker_ids));
      if (!paragraph.action_lines.empty()) {
        xdoc.add_value(schema::kSlotActionLines, schema::PackValues(paragraph.action_lines));
      }
      if (!doc.type.empty()) xdoc.add_value(schema::kSlotType, doc.type);
      xdoc.set_data(EncodePassage(passage));
      db_.replace_document(schema::Term(schema::kPrefixPassageId, passage.passage_id), xdoc);
    }
    db_.set_metadata(std::string(schema::kMetaDocumentPrefix) + doc.id, EncodeDocument(doc));
    db_.set_metadata(source_key, doc.id);
    return ordinal;
  } catch (const Xapian::Error& e) {
    throw IndexError(index_dir_ + ": writing " + doc.source + ": " + e.get_msg());
  }
}

void IndexWriter::Commit() {
  try {
    db_.commit();
  } catch (const Xapian::Error& e) {
    throw IndexError(index_dir_ + ": commit failed, the index keeps its last committed state: " + e.get_msg());
  }
}

}  // namespace cstd::indexer
