// cstd-action-lines-eval: how right the action-line tags are, on the
// hand-judged set in tools/action_lines/judged.jsonl (README there). Each
// judged passage is found again by extracting its file and matching its
// text; the tags extraction gives are compared with the judgement:
//   explicit  the lines the text names (Paragraph::action_lines) against
//             the judged "explicit";
//   inferred  the lines inferred (Paragraph::action_lines_inferred)
//             against the judged "about" (what the passage is about), on
//             the lines the passage does not name;
//   either    every line tagged, named or inferred, against "about": what
//             the facet's default mode gives a delegate.
// Precision and recall per line and overall (micro-averaged), for all
// passages or for the odd or even half of the set (--half), so that rules
// can be written looking at one half and reported on the other.
//
// With --count, no judging: every file under each folder given is
// extracted and the passages tagged with each line are counted (named,
// inferred, either), so a delegate knows how full each facet is.
//
//   build/bin/cstd-action-lines-eval --shared ../shared --ungdc /tmp/ungdc/TXT [--half odd|even] [--show]
//   build/bin/cstd-action-lines-eval --count /tmp/ungdc/TXT --count ../shared/corpus/cstd

#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "extract/extract.h"
#include "model/errors.h"
#include "model/program.h"

namespace {

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  double Recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
};

std::set<std::string> Codes(const rapidjson::Value& array) {
  std::set<std::string> out;
  for (const auto& v : array.GetArray()) out.insert(v.GetString());
  return out;
}

void Tally(const std::set<std::string>& got, const std::set<std::string>& want, std::map<std::string, Counts>& by_line,
           Counts& all) {
  for (int n = 1; n <= 11; ++n) {
    const std::string code = "C" + std::to_string(n);
    const bool g = got.count(code) > 0, w = want.count(code) > 0;
    Counts& c = by_line[code];
    if (g && w) ++c.tp, ++all.tp;
    if (g && !w) ++c.fp, ++all.fp;
    if (!g && w) ++c.fn, ++all.fn;
  }
}

// Passages tagged per line under `root` (every regular file, recursively;
// files that cannot be read are counted and skipped).
void CountTagged(const std::string& root) {
  std::map<int, std::array<uint64_t, 3>> by_line;  // named, inferred, either
  uint64_t files = 0, unreadable = 0, passages = 0, tagged = 0;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    cstd::ExtractedDocument doc;
    try {
      doc = cstd::extract::ExtractFile(path.string(), std::filesystem::relative(path, root).string());
    } catch (const cstd::InputError&) {
      ++unreadable;
      continue;
    }
    ++files;
    for (const cstd::Paragraph& p : doc.paragraphs) {
      ++passages;
      std::set<int> named, inferred;
      for (const auto& code : p.action_lines) named.insert(std::stoi(code.substr(1)));
      for (const auto& line : p.action_lines_inferred) inferred.insert(std::stoi(line.code.substr(1)));
      if (!named.empty() || !inferred.empty()) ++tagged;
      for (int n : named) ++by_line[n][0];
      for (int n : inferred) ++by_line[n][1];
      for (int n = 1; n <= 11; ++n) by_line[n][2] += named.count(n) + inferred.count(n) > 0 ? 1 : 0;
    }
  }
  std::cout << "passages tagged per line under " << root << ": " << files << " files (" << unreadable
            << " unreadable), " << passages << " passages, " << tagged << " with any line\n";
  std::cout << "| line | named | inferred | either |\n| --- | ---: | ---: | ---: |\n";
  for (int n = 1; n <= 11; ++n) {
    std::cout << "| C" << n << " | " << by_line[n][0] << " | " << by_line[n][1] << " | " << by_line[n][2] << " |\n";
  }
}

std::string Row(const std::string& name, const Counts& c) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(2) << name << "  P " << c.Precision() << " R " << c.Recall() << "  (tp "
      << c.tp << " fp " << c.fp << " fn " << c.fn << ")";
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Scores the action-line tags against the hand-judged set.", "cstd-action-lines-eval"};
  std::string judged = "tools/action_lines/judged.jsonl", shared = "../shared", ungdc, half = "all";
  bool show = false;
  std::vector<std::string> count;
  app.add_option("--judged", judged, "The judged set (JSON lines)")->check(CLI::ExistingFile);
  app.add_option("--shared", shared, "The shared folder (corpus/cstd)")->check(CLI::ExistingDirectory);
  app.add_option("--ungdc", ungdc, "The unpacked UNGDC TXT folder (to score)")->check(CLI::ExistingDirectory);
  app.add_option("--count", count, "Instead of scoring, count the passages tagged per line under this folder (repeat)")
      ->check(CLI::ExistingDirectory)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--half", half, "all, odd or even passages of the set")->check(CLI::IsMember({"all", "odd", "even"}));
  app.add_flag("--show", show, "Print each passage where tags and judgement differ");
  return cstd::RunProgram(app, argc, argv, [&]() {
    if (!count.empty()) {
      for (const std::string& root : count) CountTagged(root);
      return cstd::kExitOk;
    }
    if (ungdc.empty()) throw cstd::UsageError("--ungdc", "--ungdc is needed to score the judged set (or give --count)");
    std::ifstream in(judged);
    if (!in) throw cstd::UsageError("--judged", judged + ": cannot be read (run from the checkout's top folder, or give --judged)");
    std::map<std::string, cstd::ExtractedDocument> documents;  // by source
    std::map<std::string, Counts> explicit_lines, inferred_lines, either_lines;
    Counts explicit_all, inferred_all, either_all;
    size_t passages = 0, missing = 0, index = 0;
    for (std::string line; std::getline(in, line); ++index) {
      if (line.empty()) continue;
      if ((half == "odd" && index % 2 == 0) || (half == "even" && index % 2 == 1)) continue;
      rapidjson::Document j;
      j.Parse(line.c_str());
      if (j.HasParseError() || !j.IsObject()) throw cstd::DataError(judged + ": line " + std::to_string(index + 1) + " is not JSON");
      const std::string source = j["source"].GetString();
      std::string path;
      if (source.rfind("corpus/", 0) == 0) path = shared + "/" + source;
      if (source.rfind("data/", 0) == 0) path = source;
      if (source.rfind("ungdc/TXT/", 0) == 0) path = ungdc + "/" + source.substr(10);
      auto it = documents.find(source);
      if (it == documents.end()) {
        it = documents.emplace(source, cstd::extract::ExtractFile(path, std::filesystem::path(path).filename())).first;
      }
      const std::string text = j["text"].GetString();
      const cstd::Paragraph* found = nullptr;
      for (const cstd::Paragraph& p : it->second.paragraphs) {
        if (p.text == text) found = &p;
      }
      if (!found) {
        ++missing;
        if (show) std::cout << "not found: " << j["id"].GetString() << "\n";
        continue;
      }
      ++passages;
      std::set<std::string> named(found->action_lines.begin(), found->action_lines.end()), inferred_codes;
      for (const auto& inferred : found->action_lines_inferred) inferred_codes.insert(inferred.code);
      std::set<std::string> tagged = named;
      tagged.insert(inferred_codes.begin(), inferred_codes.end());
      const std::set<std::string> want_explicit = Codes(j["explicit"]), want_about = Codes(j["about"]);
      std::set<std::string> want_inferred;  // what the passage is about, of the lines it does not name
      for (const auto& c : want_about) {
        if (!named.count(c)) want_inferred.insert(c);
      }
      Tally(named, want_explicit, explicit_lines, explicit_all);
      Tally(inferred_codes, want_inferred, inferred_lines, inferred_all);
      Tally(tagged, want_about, either_lines, either_all);
      if (show && (tagged != want_about || named != want_explicit)) {
        std::cout << j["id"].GetString() << ": tagged";
        for (const auto& c : tagged) std::cout << " " << c << (named.count(c) ? "!" : "");
        std::cout << " | judged";
        for (const auto& c : want_about) std::cout << " " << c << (want_explicit.count(c) ? "!" : "");
        std::cout << "\n  evidence:";
        for (const auto& inferred : found->action_lines_inferred) {
          std::cout << " " << inferred.code << "[";
          for (const auto& e : inferred.evidence) std::cout << e << ";";
          std::cout << "]";
        }
        std::cout << "\n  " << text.substr(0, 300) << "\n";
      }
    }
    std::cout << "action lines, " << half << " half: " << passages << " passages (" << missing << " not found)\n";
    std::cout << Row("explicit  all", explicit_all) << "\n"
              << Row("inferred  all", inferred_all) << "\n"
              << Row("either    all", either_all) << "\n";
    for (int n = 1; n <= 11; ++n) {
      const std::string code = "C" + std::to_string(n);
      std::cout << Row("  " + code + (n < 10 ? " " : "") + "  explicit", explicit_lines[code]) << "   |"
                << Row(" inferred", inferred_lines[code]) << "   |" << Row(" either", either_lines[code]) << "\n";
    }
    return missing == 0 ? cstd::kExitOk : cstd::kExitFailure;
  });
}
