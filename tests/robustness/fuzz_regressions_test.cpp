// Every input a fuzz target once failed on (tests/fuzz_regressions/<target>/<what-it-found>)
// goes through every front end again as the fuzz targets run it; under the sanitizer build a
// memory error or undefined behaviour fails the test, and a hang runs into ctest's timeout.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/fuzz_front_ends.h"
#include "linter/source.h"
#include "parsers/parser.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

const fs::path kRegressions = fs::path(FWLINT_SOURCE_DIR) / "tests" / "fuzz_regressions";

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> regression_inputs() {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::recursive_directory_iterator(kRegressions)) {
    if (entry.is_regular_file()) inputs.push_back(entry.path());
  }
  return inputs;
}

std::vector<std::string> pf_diagnostics(const std::string& content) {
  SourceManager sources;
  const SourceFile& file = sources.add("regression.conf", content);
  ParseContext context{Registry::builtin()};
  std::vector<std::string> messages;
  for (const Finding& finding : front_end_named("pf")->parse(file, context).diagnostics) {
    messages.push_back(finding.message);
  }
  return messages;
}

TEST(FuzzRegressions, EveryInputRunsThroughEveryFrontEnd) {
  const std::vector<fs::path> inputs = regression_inputs();
  ASSERT_FALSE(inputs.empty()) << kRegressions;
  for (const fs::path& input : inputs) {
    SCOPED_TRACE(input.string());
    const std::string bytes = read_bytes(input);
    ASSERT_FALSE(bytes.empty());
    fuzz_front_ends(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(),
                    {Format::kIptablesSave, Format::kIptablesScript, Format::kNftables,
                     Format::kNftablesJson, Format::kPf, Format::kWindowsNetsh, Format::kWindowsReg,
                     Format::kWindowsPowershellCsv, Format::kWindowsPowershellJson});
  }
}

// Expanding it doubled its words at every level; now each use is one finding, not a blow-up.
TEST(FuzzRegressions, AMacroUsedTwiceInsideItselfIsReportedNotExpanded) {
  const std::string input = read_bytes(kRegressions / "pf" / "macro-used-twice-inside-itself");
  const std::vector<std::string> messages = pf_diagnostics(input);
  int loops = 0;
  for (const std::string& message : messages) {
    loops += message == "macro $LAN expands into itself";
    EXPECT_LT(message.size(), 300u) << message;
  }
  EXPECT_GE(loops, 1) << testing::PrintToString(messages);
  EXPECT_LT(messages.size(), static_cast<size_t>(std::count(input.begin(), input.end(), '\n')));
}

}  // namespace
}  // namespace fwlint
