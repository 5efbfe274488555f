#include "extract/catalogue.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "model/code_titles.h"
#include "extract/speech.h"
#include "model/countries.h"
#include "model/csv.h"
#include "model/errors.h"
#include "model/names.h"
#include "model/text.h"

namespace cstd::extract {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// The canonical field a column name or JSON key stands for, or "".
std::string CanonicalField(std::string_view column) {
  const std::string key = text::FoldKey(column);
  static const std::vector<std::pair<std::string_view, std::string_view>> kAliases = {
      {"path", "path"},       {"file", "path"},        {"filename", "path"},
      {"file name", "path"},  {"symbol", "symbol"},    {"title", "title"},
      {"type", "type"},       {"body", "body"},        {"session", "session"},
      {"year", "year"},       {"date", "date"},        {"author", "author"},
      {"country", "country"}, {"iso code", "code"},    {"iso3", "code"},
      {"speaker", "speaker"}, {"speakers", "speaker"}, {"name of person speaking", "speaker"},
      {"post", "post"},       {"role", "post"},
  };
  for (const auto& [alias, field] : kAliases) {
    if (key == alias) return std::string(field);
  }
  return "";
}

// Values that stand for "nothing" in hand-kept catalogues' name and post columns.
bool IsPlaceholder(std::string_view value) {
  const std::string key = text::FoldKey(value);
  return key.empty() || key == "missing" || key == "n a" || key == "na" || key == "none" || key == "null" ||
         key == "unknown";
}

// '/'-separated, no "./" segments, no repeated or trailing '/'.
std::string NormalisePath(std::string_view path) {
  std::string s(text::Trim(path));
  std::replace(s.begin(), s.end(), '\\', '/');
  std::string out;
  for (std::string_view part : text::Split(s, '/')) {
    if (part.empty() || part == ".") continue;
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

bool IsIsoDate(std::string_view s) {
  const auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!digits(0, 4)) return false;
  if (s.size() >= 7 && (s[4] != '-' || !digits(5, 2) || s.substr(5, 2) < "01" || s.substr(5, 2) > "12")) return false;
  if (s.size() == 10 && (s[7] != '-' || !digits(8, 2) || s.substr(8, 2) < "01" || s.substr(8, 2) > "31")) return false;
  return true;
}

std::string Extension(const std::string& name) {
  std::string ext = std::filesystem::path(name).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

std::string Location(std::string_view file, size_t line) {
  return std::string(file) + ":" + std::to_string(line);
}

// JSON scalar as catalogue text; nullopt (and *why set) for what is not one.
std::optional<std::string> JsonScalar(const rapidjson::Value& v, std::string* why) {
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  if (v.IsNull()) return std::string();
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  if (v.IsUint64()) return std::to_string(v.GetUint64());
  if (v.IsDouble()) {
    const double d = v.GetDouble();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
    std::ostringstream out;
    out << d;
    return out.str();
  }
  if (v.IsArray()) {
    std::string joined;
    for (const auto& item : v.GetArray()) {
      if (!item.IsString()) {
        *why = "an array of other than strings";
        return std::nullopt;
      }
      if (!joined.empty()) joined += "; ";
      joined.append(item.GetString(), item.GetStringLength());
    }
    return joined;
  }
  *why = v.IsBool() ? "true or false" : "an object";
  return std::nullopt;
}

}  // namespace

std::string Catalogue::RowRef::ToString() const {
  return Location(file, line) + ": " + label;
}

void Catalogue::Warn(size_t line, const std::string& message) {
  warnings_.push_back(Location(files_.back(), line) + ": " + message);
}

void Catalogue::AddRow(size_t line, const std::vector<std::pair<std::string, std::string>>& fields) {
  Row row;
  row.file = files_.size() - 1;
  row.line = line;
  std::string code, session_text, year_text, country_text, speaker_text;
  bool has_code_field = false;
  for (const auto& [column, raw] : fields) {
    const std::string field = CanonicalField(column);
    const std::string value = text::CollapseSpace(raw);
    if (field.empty()) {
      if (reported_keys_.insert(column).second) Warn(line, "'" + column + "' is not a catalogue field; ignored");
      continue;
    }
    if (field == "code") has_code_field = true;
    if (value.empty()) continue;
    if (field == "path") {
      row.path = NormalisePath(raw);
    } else if (field == "symbol") {
      row.symbol = value;
    } else if (field == "title") {
      row.title = value;
    } else if (field == "type") {
      std::string type = value;
      std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
      const auto& types = CodeTitles::DocumentTypes();
      if (types.Find(type)) {
        row.type = type;
      } else {
        std::string list;
        for (const auto& t : types.all()) list += (list.empty() ? "" : ", ") + t.code;
        Warn(line, "field '" + column + "': '" + value + "' is not a document type (" + list + "); field ignored");
      }
    } else if (field == "body") {
      row.body = value;
    } else if (field == "session") {
      session_text = value;
      const auto n = text::ParseInt(value);
      if (n && *n > 0 && *n < 100000) {
        row.session = static_cast<int>(*n);
      } else {
        Warn(line, "field '" + column + "': '" + value + "' is not a session number; field ignored");
      }
    } else if (field == "year") {
      year_text = value;
      const auto n = text::ParseInt(value);
      if (n && *n >= 1000 && *n <= 9999) {
        row.year = static_cast<int>(*n);
      } else {
        Warn(line, "field '" + column + "': '" + value + "' is not a year; field ignored");
      }
    } else if (field == "date") {
      if (IsIsoDate(value)) {
        row.date = value;
      } else {
        Warn(line, "field '" + column + "': '" + value + "' is not an ISO date (YYYY-MM-DD); field ignored");
      }
    } else if (field == "author") {
      row.author = value;
    } else if (field == "country") {
      country_text = value;
    } else if (field == "code") {
      code = value;
      std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::toupper(c); });
    } else if (field == "speaker") {
      speaker_text = raw;
    } else if (field == "post") {
      if (!IsPlaceholder(value)) row.post = value;
    }
  }
  if (row.date && !row.year) row.year = static_cast<int>(*text::ParseInt(row.date->substr(0, 4)));

  for (std::string_view part : text::Split(speaker_text, ';')) {
    if (IsPlaceholder(part)) continue;
    const names::PersonName name = names::ParsePersonName(part);
    Speaker speaker;
    speaker.id = names::SpeakerId(name.name);
    if (speaker.id.empty()) continue;
    speaker.name = name.name;
    if (!name.titles.empty()) speaker.honorific = name.titles;
    if (!name.post_nominals.empty()) speaker.post_nominals = name.post_nominals;
    speaker.role = row.post;
    row.speakers.push_back(std::move(speaker));
  }

  const Countries& countries = Countries::Builtin();
  if (!row.path.empty()) {
    // A file's row: country (or failing it an ISO Code) is the delegation.
    const std::string& wanted = !country_text.empty() ? country_text : code;
    if (!wanted.empty()) {
      if (const Country* c = countries.Find(wanted)) {
        row.country = c->code;
      } else {
        Warn(line, "field 'country': '" + wanted + "' is not a known country code or name; field ignored");
      }
    }
    row.label = row.path;
    if (row.country) row.delegation = *row.country;
  } else if (has_code_field) {
    // The UNGDC's form: matched through ISO3_SESSION_YEAR file names.
    if (!row.session || !row.year) {
      Warn(line, std::string("no usable ") + (!row.session ? "Session" : "Year") + " (" +
                     (!row.session ? "'" + session_text + "'" : "'" + year_text + "'") +
                     "), so no file can be named by it; row ignored");
      return;
    }
    row.country_name = country_text;
    row.key = SpeechKeyString(code.empty() ? "?" : code, *row.session, *row.year);
    if (const Country* c = country_text.empty() ? nullptr : countries.Find(country_text)) {
      row.name_code = c->code;
      if (code.empty() || !countries.FindByCode(code)) row.by_name = c->code;
    }
    // Apply gives the file's code: the row's own, or the one its Country names.
    row.delegation = row.by_name.empty() ? code : row.by_name;
    if (!row.type) row.type = "speech";
    if (!row.body) row.body = "UNGA";
    row.label = row.key + " (" + (country_text.empty() ? "no Country" : country_text);
    if (!row.speakers.empty()) row.label += ", " + text::CollapseSpace(speaker_text);
    row.label += ")";
  } else {
    Warn(line, "no path or file (and no ISO Code, Session and Year); row ignored");
    return;
  }
  rows_.push_back(std::move(row));
}

void Catalogue::BuildMaps() {
  by_path_.clear();
  by_key_.clear();
  by_name_key_.clear();
  for (size_t i = 0; i < rows_.size(); ++i) {
    const Row& row = rows_[i];
    if (!row.path.empty()) by_path_[row.path].push_back(i);
    if (!row.key.empty()) by_key_[row.key].push_back(i);
    if (!row.by_name.empty()) by_name_key_[SpeechKeyString(row.by_name, *row.session, *row.year)].push_back(i);
  }
}

Catalogue Catalogue::Load(const std::string& path) {
  const std::string ext = Extension(path);
  if (ext != ".csv" && ext != ".jsonl" && ext != ".ndjson") {
    throw UsageError("--metadata", path + ": a catalogue is a .csv or .jsonl file");
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw UsageError("--metadata", path + ": is a folder, not a catalogue");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("--metadata", path + ": cannot read catalogue: " + std::strerror(errno));
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw UsageError("--metadata", path + ": cannot read catalogue");
  return Parse(path, content.str());
}

Catalogue Catalogue::Parse(const std::string& name, std::string_view content) {
  Catalogue catalogue;
  catalogue.files_.push_back(name);
  if (const auto bad = text::FindInvalidUtf8(content)) {
    const size_t line = 1 + static_cast<size_t>(std::count(content.begin(), content.begin() + *bad, '\n'));
    throw InputError(name, "line " + std::to_string(line) + ": not UTF-8 (byte " + std::to_string(*bad) +
                               "); save the catalogue as UTF-8");
  }
  const std::string ext = Extension(name);
  if (ext == ".csv") {
    const auto records = ParseCsv(name, content, &catalogue.warnings_);
    if (records.empty()) throw InputError(name, "line 1: empty catalogue, no header");
    const CsvRecord& header = records.front();
    std::vector<std::string> columns;
    std::unordered_set<std::string> seen;
    for (const auto& raw : header.fields) {
      const std::string column = text::CollapseSpace(raw);
      const std::string field = CanonicalField(column);
      if (field.empty() && catalogue.reported_keys_.insert(column).second) {
        catalogue.Warn(header.line, "column '" + column + "' is not a catalogue field; ignored");
      }
      if (!field.empty() && !seen.insert(field).second) {
        catalogue.Warn(header.line, "column '" + column + "' repeats field '" + field + "'; the later one wins");
      }
      columns.push_back(column);
    }
    if (!seen.count("path") && !(seen.count("code") && seen.count("session") && seen.count("year"))) {
      throw InputError(name, "line " + std::to_string(header.line) +
                                 ": no recognisable header: expected a 'path' or 'file' column, or the UNGDC's "
                                 "'Year', 'Session' and 'ISO Code'");
    }
    for (size_t r = 1; r < records.size(); ++r) {
      const CsvRecord& record = records[r];
      if (record.fields.size() > columns.size()) {
        catalogue.Warn(record.line, std::to_string(record.fields.size()) + " fields but the header has " +
                                        std::to_string(columns.size()) + "; the extra ones are ignored");
      }
      // Fewer fields than columns is common in hand-kept files: the missing ones are empty.
      std::vector<std::pair<std::string, std::string>> fields;
      for (size_t c = 0; c < columns.size() && c < record.fields.size(); ++c) {
        fields.emplace_back(columns[c], record.fields[c]);
      }
      catalogue.AddRow(record.line, fields);
    }
  } else if (ext == ".jsonl" || ext == ".ndjson") {
    if (content.substr(0, kBom.size()) == kBom) content.remove_prefix(kBom.size());
    size_t line = 0;
    bool first = true;
    for (std::string_view text_line : text::Split(content, '\n')) {
      ++line;
      if (!text_line.empty() && text_line.back() == '\r') text_line.remove_suffix(1);
      if (text::Trim(text_line).empty()) continue;
      rapidjson::Document d;
      d.Parse(text_line.data(), text_line.size());
      std::string problem;
      if (d.HasParseError()) {
        problem = std::string("not JSON: ") + rapidjson::GetParseError_En(d.GetParseError()) + " at column " +
                  std::to_string(d.GetErrorOffset() + 1);
      } else if (!d.IsObject()) {
        problem = "not a JSON object";
      }
      if (!problem.empty()) {
        if (first) throw InputError(name, "line " + std::to_string(line) + ": " + problem + "; not a JSONL catalogue");
        catalogue.Warn(line, problem + "; line ignored");
        continue;
      }
      first = false;
      std::vector<std::pair<std::string, std::string>> fields;
      for (const auto& member : d.GetObject()) {
        const std::string key(member.name.GetString(), member.name.GetStringLength());
        std::string why;
        const auto value = JsonScalar(member.value, &why);
        if (!value) {
          catalogue.Warn(line, "key '" + key + "' is " + why + ", not a string or number; ignored");
          continue;
        }
        fields.emplace_back(key, *value);
      }
      catalogue.AddRow(line, fields);
    }
    if (first) throw InputError(name, "line 1: empty catalogue, no JSON object");
  } else {
    throw UsageError("--metadata", name + ": a catalogue is a .csv or .jsonl file");
  }
  catalogue.BuildMaps();
  return catalogue;
}

bool Catalogue::Apply(std::string_view relative, ExtractedDocument& doc) {
  const std::string path = NormalisePath(relative);
  std::vector<size_t> matched;
  // Every suffix of the path that starts a component: "a/b/c.txt", "b/c.txt", "c.txt".
  for (size_t from = 0; from != std::string::npos;) {
    const auto it = by_path_.find(path.substr(from));
    if (it != by_path_.end()) matched.insert(matched.end(), it->second.begin(), it->second.end());
    const size_t slash = path.find('/', from);
    from = slash == std::string::npos ? std::string::npos : slash + 1;
  }
  const std::string file_name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  const auto speech = ParseSpeechFileName(file_name);
  std::vector<size_t> by_name;
  if (speech) {
    const std::string key = SpeechKeyString(speech->code, speech->session, speech->year);
    if (const auto it = by_key_.find(key); it != by_key_.end()) {
      matched.insert(matched.end(), it->second.begin(), it->second.end());
    } else if (const auto named = by_name_key_.find(key); named != by_name_key_.end()) {
      by_name = named->second;
      matched.insert(matched.end(), by_name.begin(), by_name.end());
    }
  }
  if (matched.empty()) return false;
  std::sort(matched.begin(), matched.end());
  matched.erase(std::unique(matched.begin(), matched.end()), matched.end());

  Document& d = doc.document;
  std::optional<std::string> title;
  std::optional<std::string> country;
  std::vector<Speaker> speakers;
  std::string lines;
  for (size_t index : matched) {
    Row& row = rows_[index];
    const bool first_use = !row.used;
    row.used = true;
    lines += (lines.empty() ? "" : ", ") + Location(files_[row.file], row.line);
    if (row.symbol) d.symbol = row.symbol;
    if (row.title) title = row.title;
    if (row.type) d.type = *row.type;
    if (row.body) d.body = *row.body;
    if (row.session) d.session = row.session;
    if (row.year) d.year = row.year;
    if (row.date) d.date = row.date;
    if (row.author) d.author = row.author;
    if (row.country) country = row.country;
    if (!row.key.empty() && speech) country = speech->code;  // the speaking delegation is the file's
    for (const Speaker& s : row.speakers) {
      const bool known = std::any_of(speakers.begin(), speakers.end(), [&](const Speaker& o) { return o.id == s.id; });
      if (!known) speakers.push_back(s);
    }
    if (!row.key.empty() && speech && row.by_name.empty() && !row.name_code.empty() && row.name_code != speech->code) {
      doc.warnings.push_back("catalogue " + Location(files_[row.file], row.line) + ": its Country '" + row.country_name + "' is " +
                             row.name_code + ", not this file's " + speech->code + "; the file's code is kept");
    }
    if (std::find(by_name.begin(), by_name.end(), index) != by_name.end()) {
      const std::string note = Location(files_[row.file], row.line) + ": ISO Code '" + row.key.substr(0, row.key.find('_')) +
                               "' is not a country code; matched by its Country '" + row.country_name + "' (" +
                               row.by_name + ")";
      doc.warnings.push_back("catalogue " + note);
      if (first_use) matched_by_name_.push_back(note);
    }
  }
  if (matched.size() > 1) {
    doc.warnings.push_back("catalogue: " + std::to_string(matched.size()) + " rows match this file (" + lines +
                           "); later rows override, all speakers are listed");
  }

  if (country) {
    for (Speaker& s : speakers) {
      if (!s.country) s.country = country;
    }
  }
  if (country || !speakers.empty()) {
    std::vector<std::string> names;
    for (const Speaker& s : speakers) names.push_back(s.name);
    for (Paragraph& p : doc.paragraphs) {
      if (country) p.countries = {*country};
      if (!speakers.empty()) p.speakers = names;
      for (Statement& st : p.statements) {
        if (country) st.countries = {*country};
        if (!speakers.empty()) st.speakers = speakers;
      }
    }
    if (!speakers.empty()) doc.speakers = speakers;
  }
  if (title) {
    d.title = *title;
  } else if (d.type == "speech") {
    std::string who;
    if (country) {
      const Country* c = Countries::Builtin().FindByCode(*country);
      who = c ? c->short_name : *country;
    } else if (!speakers.empty()) {
      who = speakers.front().name;
    }
    if (!who.empty()) d.title = SpeechTitle(d.body, who, d.session, d.year);
  }
  // A speech the catalogue names is cited by paragraph like any other.
  NumberSpeechByPosition(doc);
  return true;
}

std::vector<Catalogue::RowRef> Catalogue::Unmatched() const {
  std::vector<RowRef> out;
  for (const Row& row : rows_) {
    if (!row.used) out.push_back({files_[row.file], row.line, row.label});
  }
  return out;
}

void Catalogue::Merge(Catalogue other) {
  const size_t offset = files_.size();
  for (auto& f : other.files_) files_.push_back(std::move(f));
  for (Row& row : other.rows_) {
    row.file += offset;
    rows_.push_back(std::move(row));
  }
  for (auto& w : other.warnings_) warnings_.push_back(std::move(w));
  for (auto& n : other.matched_by_name_) matched_by_name_.push_back(std::move(n));
  BuildMaps();
}

std::vector<SpeakerAnchor> Catalogue::Anchors() const {
  std::vector<SpeakerAnchor> anchors;
  for (const Row& row : rows_) {
    for (const Speaker& s : row.speakers) anchors.push_back({s.name, NameContext{row.delegation, row.year}});
  }
  return anchors;
}

}  // namespace cstd::extract
