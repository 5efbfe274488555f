// Real Xapian indexes for unit tests, written by the indexer's own code:
// from texts given in the test, or from the project's sample archive. For
// tests only.

#ifndef CSTD_TESTS_SUPPORT_INDEX_FIXTURE_H_
#define CSTD_TESTS_SUPPORT_INDEX_FIXTURE_H_

#include <string>
#include <utility>
#include <vector>

#include "model/document.h"
#include "tests/support/temp_dir.h"

namespace cstd::test_support {

/// A file of a test's archive: its name (what extraction derives the doc
/// id from) and its text.
struct TextFile {
  std::string name;
  std::string text;
};

/// A document as extraction gives one, for tests that need exact metadata:
/// id `id` (source "/archive/ID.txt"), body CSTD, type `type`, year `year`,
/// title "Document ID", and one paragraph per text, numbered from 1, each
/// one statement. The test sets anything else.
ExtractedDocument MakeDocument(const std::string& id, const std::string& type, int year,
                               const std::vector<std::string>& texts);

/// Extracts each of `files` as the indexer does (extract::Extract) and
/// writes them into the index at `index_dir` (created if missing) with one
/// IndexWriter, one commit. Throws what IndexWriter and Extract throw.
void WriteIndex(const std::string& index_dir, const std::vector<TextFile>& files);

/// Writes `docs`, already extracted (or made by the test), into the index
/// at `index_dir` (created if missing) with one IndexWriter, one commit.
/// Throws what IndexWriter throws.
void WriteDocuments(const std::string& index_dir, std::vector<ExtractedDocument> docs);

/// A document `id` (type "other") of the paragraphs `texts`, each written
/// as many times as its count and each one statement: an archive of known
/// word frequencies for unit tests of ranking and suggestions.
ExtractedDocument RepeatedParagraphs(const std::string& id, const std::vector<std::pair<std::string, int>>& texts);

/// Builds the index at `index_dir` from the project's sample archive
/// (data/sample) with indexer::Build on one thread, its log discarded.
/// Throws what Build throws.
void BuildSampleIndex(const std::string& index_dir);

/// The project's sample archive (data/sample).
std::string SampleArchivePath();

}  // namespace cstd::test_support

#endif  // CSTD_TESTS_SUPPORT_INDEX_FIXTURE_H_
