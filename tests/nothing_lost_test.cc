// Nothing lost, checked on real archives: cstd-text-integrity over the
// public CSTD documents (texts and PDFs), the sample archive, and the UN
// General Debate speeches of sessions 70 to 78 (1,746 files, unpacked from
// ../shared/corpus/ungdc into a temporary folder): every letter of every
// file's body text must reach a paragraph.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "tests/support/process.h"

namespace cstd::testing {
namespace {

namespace fs = std::filesystem;

TEST(NothingLostTest, EveryLetterOfTheBodyReachesAParagraph) {
  const std::string shared = CSTD_SHARED_DIR;
  const TempDir temp("nothing-lost");
  const fs::path ungdc = temp.path();
  const RunResult unpack = RunCommand({"/usr/bin/tar", "-I", "zstd", "-xf", shared + "/corpus/ungdc/ungdc-1946-2023.tar.zst",
                                       "-C", ungdc.string(), "--wildcards", "*_7[0-8]_20*"});
  ASSERT_EQ(unpack.exit_code, 0) << unpack.err;
  const RunResult r = RunCommand({ProgramPath("cstd-text-integrity"), shared + "/corpus/cstd", shared + "/corpus/cstd-pdf",
                                  std::string(CSTD_SOURCE_DIR) + "/data/sample", ungdc.string()});
  std::printf("%s", r.out.c_str());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find(" 0 files lose text"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("text integrity: 1755 files"), std::string::npos) << "every file read: " << r.out;
}

}  // namespace
}  // namespace cstd::testing
