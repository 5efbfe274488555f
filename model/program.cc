#include "model/program.h"

#include <xapian.h>

#include <iostream>

#include "model/errors.h"
#include "model/schema.h"

#ifndef CSTD_VERSION
#define CSTD_VERSION "unknown"
#endif

namespace cstd {

std::string VersionString(const std::string& program) {
  return program + " " + CSTD_VERSION + " (index schema " + std::to_string(schema::kVersion) + ", Xapian " +
         Xapian::version_string() + ")";
}

void AddVersionFlag(CLI::App& app, const std::string& program) {
  app.add_flag_callback(
      "--version",
      [program]() {
        std::cout << VersionString(program) << "\n";
        throw CLI::Success();
      },
      "Print the version and exit");
}

int RunProgram(CLI::App& app, int argc, char** argv, const std::function<int()>& body) {
  const std::string name = app.get_name();
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << name << ": " << e.what() << " (see " << name << " --help)\n";
    return kExitUsage;
  }
  try {
    return body();
  } catch (const UsageError& e) {
    std::cerr << name << ": " << e.what() << "\n";
    return kExitUsage;
  } catch (const Error& e) {
    std::cerr << name << ": " << e.what() << "\n";
    return kExitFailure;
  } catch (const Xapian::Error& e) {
    std::cerr << name << ": index error: " << e.get_msg() << "\n";
    return kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << name << ": " << e.what() << "\n";
    return kExitFailure;
  }
}

}  // namespace cstd
