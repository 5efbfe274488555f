// The on-disk layout of an index folder, shared by its writer (cstd-indexer)
// and its readers (cstd-searchd, cstd-query).
//
//   DIR/CURRENT        one line: the name of the live generation folder
//   DIR/gen-NNNNNN/    a Xapian database (one generation)
//
// The live generation changes only by an atomic rename of CURRENT, so a
// reader always opens a whole generation.

#ifndef CSTD_MODEL_INDEX_LAYOUT_H_
#define CSTD_MODEL_INDEX_LAYOUT_H_

#include <xapian.h>

#include <optional>
#include <string>

namespace cstd {

/// Name of the pointer file inside an index folder.
inline constexpr const char* kCurrentFile = "CURRENT";

/// The live generation's folder name, or nullopt if `index_dir` holds no
/// index yet. Throws IndexError if CURRENT exists but cannot be read or names
/// a folder that is missing.
std::optional<std::string> ReadCurrentGeneration(const std::string& index_dir);

/// Points CURRENT at `generation` atomically: writes a temporary file, fsyncs
/// it, renames it over CURRENT and fsyncs the folder. Throws IndexError (with
/// the OS's reason) on failure; CURRENT is then unchanged.
void WriteCurrentGeneration(const std::string& index_dir, const std::string& generation);

/// Opens the live generation of `index_dir` for reading and checks its schema
/// version. Throws IndexError when there is no index, when Xapian cannot open
/// it, or when its schema version differs from schema::kVersion.
Xapian::Database OpenIndex(const std::string& index_dir);

/// Throws IndexError unless `db` carries schema::kVersion. `where` names the
/// index in the message.
void CheckSchemaVersion(const Xapian::Database& db, const std::string& where);

}  // namespace cstd

#endif  // CSTD_MODEL_INDEX_LAYOUT_H_
