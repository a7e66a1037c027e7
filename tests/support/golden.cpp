#include "support/golden.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fwlint::testing {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

::testing::AssertionResult matches_golden(const fs::path& expected_file,
                                          const std::string& actual) {
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update != nullptr && std::string_view(update) == "1") {
    std::ofstream(expected_file, std::ios::binary) << actual;
    return ::testing::AssertionSuccess() << "rewrote " << expected_file;
  }
  if (!fs::exists(expected_file)) {
    return ::testing::AssertionFailure()
           << expected_file << " is missing; run with UPDATE_GOLDEN=1 to create it. Actual:\n"
           << actual;
  }
  std::string expected = read_text(expected_file);
  if (expected == actual) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "output differs from " << expected_file << "\n--- expected\n"
         << expected << "--- actual\n"
         << actual;
}

std::vector<fs::path> fixtures_in(const fs::path& directory) {
  std::vector<fs::path> fixtures;
  if (!fs::is_directory(directory)) return fixtures;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(directory)) {
    if (entry.is_regular_file() && entry.path().extension() != ".expected") {
      fixtures.push_back(entry.path());
    }
  }
  std::sort(fixtures.begin(), fixtures.end());
  return fixtures;
}

fs::path shared_dir() {
  fs::path shared = FWLINT_SHARED_DIR;
  return fs::is_directory(shared) ? shared : fs::path();
}

fs::path source_dir() {
  return FWLINT_SOURCE_DIR;
}

}  // namespace fwlint::testing
