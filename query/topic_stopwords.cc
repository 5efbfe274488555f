#include "query/topic_stopwords.h"

#include <string_view>

#include "model/tsv.h"

namespace cstd {
namespace embedded {
std::string_view topic_stopwords_tsv();
}

namespace query {

const std::set<std::string>& TopicStopwords() {
  static const std::set<std::string> kWords = [] {
    const TsvTable table = ParseTsv("data/topic_stopwords.tsv", embedded::topic_stopwords_tsv());
    std::set<std::string> words;
    for (const auto& row : table.rows) words.insert(row[table.Column("word")]);
    return words;
  }();
  return kWords;
}

}  // namespace query
}  // namespace cstd
