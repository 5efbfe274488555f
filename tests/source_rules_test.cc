// Rules of the source that a compiler does not check and a bug taught us.
// Each rule names the class of bug it keeps out.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// Xapian 1.4's Query::MatchAll and Query::MatchNothing are static objects,
// and Query's reference counts are not atomic: searchd threads copying one
// at once corrupt its count and crash the server (twice: empty-q searches,
// then a year range the index has no value in, found by tools/soak). Code
// makes its own match-all query (query/searcher.cc, MatchAllQuery).
constexpr const char* kSharedQueries[] = {"Query::MatchAll", "Query::MatchNothing"};

// Lines of `text` (numbered from 1) that use a shared query in code, not
// in a `//` comment.
std::vector<int> LinesUsingSharedQueries(const std::string& text) {
  std::vector<int> found;
  std::istringstream in(text);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string code = line.substr(0, line.find("//"));
    for (const char* name : kSharedQueries) {
      if (code.find(name) != std::string::npos) {
        found.push_back(number);
        break;
      }
    }
  }
  return found;
}

TEST(SourceRulesTest, TheScanFindsASharedQueryInCodeOnly) {
  struct Case {
    const char* text;
    std::vector<int> lines;
  };
  const Case cases[] = {
      {"return Xapian::Query::MatchAll;\n", {1}},
      {"a();\n  q = Xapian::Query(OP_AND_NOT, Xapian::Query::MatchNothing, x);\n", {2}},
      {"// Not Query::MatchAll: shared.\n", {}},
      {"f(); // Query::MatchNothing would be shared\n", {}},
      {"Xapian::Query all{std::string()};\n", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(LinesUsingSharedQueries(c.text), c.lines) << c.text;
}

TEST(SourceRulesTest, NoCodeCopiesXapiansSharedQueries) {
  const fs::path root(CSTD_SOURCE_DIR);
  size_t files = 0;
  for (const char* folder : {"model", "extract", "indexer", "query", "searchd", "tools", "fuzz", "tests"}) {
    if (!fs::exists(root / folder)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".cc" && ext != ".h")) continue;
      if (entry.path().filename() == "source_rules_test.cc") continue;  // names the rule
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      ++files;
      for (int line : LinesUsingSharedQueries(text.str())) {
        ADD_FAILURE() << entry.path().string() << ":" << line
                      << ": copies a static Xapian query across threads; use Xapian::Query(std::string())";
      }
    }
  }
  EXPECT_GT(files, 100u) << "the scan read too few files under " << root;
}

}  // namespace
