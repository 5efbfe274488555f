#include "indexer/passage_indexer.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "model/countries.h"
#include "model/document_json.h"
#include "model/names.h"
#include "model/schema.h"
#include "model/synonyms.h"
#include "model/text.h"

namespace cstd::indexer {

ResolvedSpeakers ResolveSpeakers(ExtractedDocument& extracted, SpeakerRegistry& registry) {
  ResolvedSpeakers out;
  // Each name once per document and context: the registry counts documents.
  std::map<std::pair<std::string, std::string>, std::string> resolved;  // (name, country) -> id
  std::map<std::string, std::string> by_name;                           // name -> first id
  const auto resolve = [&](const std::string& name, const std::string& country) {
    const auto key = std::make_pair(name, country);
    if (const auto it = resolved.find(key); it != resolved.end()) return it->second;
    std::string id = registry.Resolve(name, extract::NameContext{country, extracted.document.year}, true);
    resolved.emplace(key, id);
    by_name.emplace(name, id);
    return id;
  };
  for (Speaker& speaker : extracted.speakers) speaker.id = resolve(speaker.name, speaker.country.value_or(""));
  for (Paragraph& paragraph : extracted.paragraphs) {
    for (Statement& statement : paragraph.statements) {
      for (Speaker& speaker : statement.speakers) speaker.id = resolve(speaker.name, speaker.country.value_or(""));
    }
    // A paragraph names its statements' speakers: the same people.
    std::vector<std::string>& paragraph_ids = out.ids.emplace_back();
    for (const auto& name : paragraph.speakers) {
      const auto it = by_name.find(name);
      paragraph_ids.push_back(it != by_name.end() ? it->second : resolve(name, ""));
    }
  }
  for (const auto& [key, id] : resolved) {
    if (!id.empty() && !out.forms.count(id)) out.forms.emplace(id, registry.Forms(id));
  }
  return out;
}

PassageIndexer::PassageIndexer(const RecordCodec& codec, Xapian::WritableDatabase* spelling)
    : codec_(codec), spelling_(spelling) {
  term_generator_.set_stemmer(stemmer_);
  term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  if (spelling) {
    term_generator_.set_database(*spelling);
    term_generator_.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
  }
}

std::string PassageIndexer::Store(const std::string& record) {
  std::string stored = codec_.Compress(record);
  raw_bytes_ += record.size();
  stored_bytes_ += stored.size();
  if (compare_) compared_bytes_ += compare_->Compress(record).size();
  return stored;
}

std::string PassageIndexer::DocumentRecord(const Document& doc) {
  return Store(EncodeDocument(doc));
}

void PassageIndexer::AddAcronymTerms(const std::string& text, Xapian::Document& xdoc) const {
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

void PassageIndexer::IndexName(const std::string& name, std::string_view prefix) {
  // A gap between names, so that a phrase never spans two of them.
  term_generator_.increase_termpos(kNameGap);
  term_generator_.index_text(name, kNameWdf, std::string(prefix));
  const std::string folded = names::FoldName(name);
  if (folded != text::AsciiLower(name)) {
    term_generator_.increase_termpos(kNameGap);
    term_generator_.index_text(folded, kNameWdf, std::string(prefix));
  }
  // The term generator keeps spellings of unprefixed words only.
  if (spelling_) {
    for (const auto& word : names::NameWords(name)) spelling_->add_spelling(word);
  }
}

std::vector<PassageIndexer::Indexed> PassageIndexer::Index(const ExtractedDocument& extracted,
                                                           const ResolvedSpeakers& speakers) {
  const auto& speaker_ids = speakers.ids;
  const Document& doc = extracted.document;
  std::vector<Indexed> out;
  size_t ordinal = 0;
  for (const Paragraph& paragraph : extracted.paragraphs) {
    Passage passage;
    passage.doc_id = doc.id;
    passage.passage_id = schema::PassageId(doc.id, ordinal + 1);
    passage.ordinal = static_cast<int>(ordinal + 1);
    passage.paragraph = paragraph;
    if (ordinal < speaker_ids.size()) passage.speaker_ids = speaker_ids[ordinal];
    ++ordinal;
    passage.body = doc.body;
    passage.title = doc.title;
    passage.symbol = doc.symbol;
    passage.type = doc.type;
    passage.session = doc.session;
    passage.year = doc.year;
    passage.date = doc.date;

    Xapian::Document xdoc;
    term_generator_.set_document(xdoc);
    term_generator_.index_text(paragraph.text);
    // The title is on every passage of a document: its words matter for
    // matching ("title:" and plain queries), their positions would only fill
    // the position table with copies.
    term_generator_.index_text_without_positions(doc.title, 1, std::string(schema::kPrefixTitle));
    AddAcronymTerms(paragraph.text, xdoc);
    // Who speaks, as words: every form of each speaker's name, and the
    // titles this document prints ("King", "Sheikh"), so "King Tupou" finds
    // him; each delegation's name and short name (not every variant: "US"
    // and "CAR" are words too).
    for (const auto& id : passage.speaker_ids) {
      if (const auto it = speakers.forms.find(id); it != speakers.forms.end()) {
        for (const auto& form : it->second) IndexName(form, schema::kPrefixSpeakerName);
      }
    }
    for (const auto& statement : paragraph.statements) {
      for (const auto& s : statement.speakers) {
        if (s.honorific) IndexName(*s.honorific, schema::kPrefixSpeakerName);
        if (!speakers.forms.count(s.id)) IndexName(s.name, schema::kPrefixSpeakerName);
      }
    }
    for (const auto& code : paragraph.countries) {
      const Country* c = Countries::Builtin().FindByCode(code);
      if (!c) continue;
      IndexName(c->short_name, schema::kPrefixDelegationName);
      if (c->name != c->short_name) IndexName(c->name, schema::kPrefixDelegationName);
    }

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
    for (const auto& a : paragraph.action_lines_inferred) boolean(schema::kPrefixActionLineInferred, a.code);

    xdoc.add_value(schema::kSlotDocId, doc.id);
    if (doc.year) xdoc.add_value(schema::kSlotYear, Xapian::sortable_serialise(*doc.year));
    if (doc.session) xdoc.add_value(schema::kSlotSession, Xapian::sortable_serialise(*doc.session));
    if (doc.date) {
      xdoc.add_value(schema::kSlotDate, *doc.date);
    } else if (doc.year) {
      xdoc.add_value(schema::kSlotDate, std::to_string(*doc.year));
    }
    if (paragraph.number) xdoc.add_value(schema::kSlotParagraph, Xapian::sortable_serialise(*paragraph.number));
    xdoc.add_value(schema::kSlotOrdinal, Xapian::sortable_serialise(static_cast<double>(passage.ordinal)));
    if (!paragraph.countries.empty()) xdoc.add_value(schema::kSlotCountries, schema::PackValues(paragraph.countries));
    if (!passage.speaker_ids.empty()) xdoc.add_value(schema::kSlotSpeakers, schema::PackValues(passage.speaker_ids));
    if (!paragraph.action_lines.empty()) {
      xdoc.add_value(schema::kSlotActionLinesExplicit, schema::PackValues(paragraph.action_lines));
    }
    std::vector<std::string> all_lines = paragraph.action_lines;
    for (const auto& a : paragraph.action_lines_inferred) all_lines.push_back(a.code);
    if (!all_lines.empty()) xdoc.add_value(schema::kSlotActionLines, schema::PackValues(all_lines));
    if (!doc.type.empty()) xdoc.add_value(schema::kSlotType, doc.type);
    if (!doc.body.empty()) xdoc.add_value(schema::kSlotBody, doc.body);
    xdoc.set_data(Store(EncodePassage(passage)));
    out.push_back({passage.passage_id, std::move(xdoc)});
  }
  return out;
}

void AddSpelling(Xapian::WritableDatabase& db) {
  // Unprefixed terms start with a lower-case letter or a digit; prefixes are
  // capitals. Words with digits are not worth suggesting.
  const auto add = [&](const std::string& word, Xapian::doccount freq) {
    if (word.empty() || std::isupper(static_cast<unsigned char>(word[0]))) return;
    if (std::any_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); })) return;
    db.add_spelling(word, freq);
  };
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) add(*it, it.get_termfreq());
  // Names are searched by default too: "souter" is a word, not a typo of "foster".
  for (std::string_view prefix : {schema::kPrefixSpeakerName, schema::kPrefixDelegationName}) {
    const std::string p(prefix);
    for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) add((*it).substr(p.size()), it.get_termfreq());
  }
}


}  // namespace cstd::indexer
