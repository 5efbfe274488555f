#include "model/sessions.h"

#include "model/errors.h"
#include "model/text.h"
#include "model/tsv.h"

namespace cstd {

namespace embedded {
std::string_view sessions_tsv();
}

const Sessions& Sessions::Builtin() {
  static const Sessions kBuiltin("data/sessions.tsv", embedded::sessions_tsv());
  return kBuiltin;
}

Sessions::Sessions(std::string_view table_name, std::string_view tsv) {
  const TsvTable table = ParseTsv(table_name, tsv);
  const size_t number = table.Column("session"), year = table.Column("year"), start = table.Column("start"),
               end = table.Column("end"), place = table.Column("place");
  for (const auto& row : table.rows) {
    const auto n = text::ParseInt(row[number]);
    const auto y = text::ParseInt(row[year]);
    if (!n || !y) throw DataError(table.name + ": session '" + row[number] + "' has no valid number and year");
    sessions_.push_back({static_cast<int>(*n), static_cast<int>(*y), row[start], row[end], row[place]});
  }
}

const Session* Sessions::Find(int number) const {
  for (const auto& s : sessions_) {
    if (s.number == number) return &s;
  }
  return nullptr;
}

const Session* Sessions::FindByYear(int year) const {
  for (const auto& s : sessions_) {
    if (s.year == year) return &s;
  }
  return nullptr;
}

}  // namespace cstd
