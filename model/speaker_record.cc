#include "model/speaker_record.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>

#include "model/document_json.h"
#include "model/errors.h"
#include "model/names.h"

namespace cstd {

using json::Member;

namespace {

// "U THANT", "GROMYKO": printed in capitals only.
bool AllCapitals(std::string_view s) {
  bool upper = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') upper = true;
  }
  return upper;
}

}  // namespace

const std::string& SpeakerRecord::DisplayName() const {
  static const std::string kNone;
  const auto full = [](const SpeakerForm& f) { return names::KeyWords(f.name).size() >= 2; };
  const bool any_full = std::any_of(forms.begin(), forms.end(), full);
  const SpeakerForm* best = nullptr;
  for (const SpeakerForm& f : forms) {
    if (any_full && !full(f)) continue;
    if (!best || f.count > best->count ||
        (f.count == best->count && AllCapitals(best->name) && !AllCapitals(f.name))) {
      best = &f;
    }
  }
  return best ? best->name : kNone;
}

void WriteSpeakerForm(JsonWriter& w, const SpeakerForm& f) {
  w.StartObject();
  Member(w, "name", f.name);
  Member(w, "count", f.count);
  Member(w, "how", names::DescribeHow(f.how));
  if (!f.matched.empty()) {
    Member(w, "matched", f.matched);
  }
  if (f.by_year) {
    Member(w, "by_year", true);
  }
  if (!f.also.empty()) {
    Member(w, "also", f.also);
  }
  w.EndObject();
}

std::string EncodeSpeakerRecord(const SpeakerRecord& r) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  Member(w, "name", r.DisplayName());
  w.Key("forms");
  w.StartArray();
  for (const SpeakerForm& f : r.forms) WriteSpeakerForm(w, f);
  w.EndArray();
  Member(w, "countries", r.countries);
  w.Key("years");
  w.StartArray();
  for (int y : r.years) w.Int(y);
  w.EndArray();
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

SpeakerRecord DecodeSpeakerRecord(std::string_view id, std::string_view data) {
  rapidjson::Document json;
  json.Parse(data.data(), data.size());
  const auto bad = [&](const char* why) {
    return IndexError("speaker record '" + std::string(id) + "': " + why + "; rebuild the index (--rebuild)");
  };
  if (json.HasParseError() || !json.IsObject()) throw bad("not a JSON object");
  SpeakerRecord r;
  r.id = std::string(id);
  const auto forms = json.FindMember("forms");
  if (forms == json.MemberEnd() || !forms->value.IsArray() || forms->value.Empty()) throw bad("no forms");
  const auto str = [](const rapidjson::Value& o, const char* key) {
    const auto it = o.FindMember(key);
    return it != o.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength())
                                                       : std::string();
  };
  for (const auto& f : forms->value.GetArray()) {
    if (!f.IsObject()) throw bad("a form is not an object");
    SpeakerForm form;
    form.name = str(f, "name");
    if (form.name.empty()) throw bad("a form has no name");
    if (const auto it = f.FindMember("count"); it != f.MemberEnd() && it->value.IsUint()) form.count = it->value.GetUint();
    if (const auto it = f.FindMember("how"); it != f.MemberEnd() && it->value.IsArray()) {
      std::vector<std::string> how;
      for (const auto& v : it->value.GetArray()) {
        if (v.IsString()) how.emplace_back(v.GetString(), v.GetStringLength());
      }
      form.how = names::HowFromDescription(how);
    }
    form.matched = str(f, "matched");
    if (const auto it = f.FindMember("by_year"); it != f.MemberEnd() && it->value.IsBool()) {
      form.by_year = it->value.GetBool();
    }
    if (const auto it = f.FindMember("also"); it != f.MemberEnd() && it->value.IsArray()) {
      for (const auto& v : it->value.GetArray()) {
        if (v.IsString()) form.also.emplace_back(v.GetString(), v.GetStringLength());
      }
    }
    r.forms.push_back(std::move(form));
  }
  if (const auto it = json.FindMember("countries"); it != json.MemberEnd() && it->value.IsArray()) {
    for (const auto& v : it->value.GetArray()) {
      if (v.IsString()) r.countries.emplace_back(v.GetString(), v.GetStringLength());
    }
  }
  if (const auto it = json.FindMember("years"); it != json.MemberEnd() && it->value.IsArray()) {
    for (const auto& v : it->value.GetArray()) {
      if (v.IsInt()) r.years.push_back(v.GetInt());
    }
  }
  return r;
}

}  // namespace cstd
