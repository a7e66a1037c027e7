// Parser goldens: tests/fixtures/pf/<case>.conf with <case>.conf.expected holding the model as
// `fwlint dump` prints it, then the input findings. Files in subdirectories are only included.
// UPDATE_GOLDEN=1 rewrites the expectations.
#include <gtest/gtest.h>

#include "linter/report/model_json.h"
#include "pf/pf_test_support.h"
#include "support/golden.h"

namespace fwlint::pf_testing {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> cases() {
  std::vector<fs::path> result;
  for (const fs::path& path : testing::fixtures_in(testing::source_dir() / "tests/fixtures/pf")) {
    if (path.extension() == ".conf" && path.parent_path().filename() == "pf") {
      result.push_back(path);
    }
  }
  return result;
}

class PfGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(PfGolden, MatchesExpectation) {
  const fs::path& fixture = GetParam();
  Parsed parsed(FromFile{fixture});
  nlohmann::json dump = model_to_json(parsed.ruleset(), parsed.sources());
  dump["file"] = fixture.filename().string();
  std::string actual = dump.dump(2) + "\n";
  for (const Finding& finding : parsed.result().diagnostics) {
    actual += fs::path(parsed.sources().file(finding.span.file).path()).filename().string() + ":" +
              std::to_string(finding.span.line) + ":" + std::to_string(finding.span.column) + ": " +
              std::string(severity_name(finding.severity)) + "[" + std::string(finding.check_id) +
              "]: " + finding.message + "\n";
  }
  fs::path expected = fixture;
  expected += ".expected";
  EXPECT_TRUE(testing::matches_golden(expected, actual));
}

std::string case_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, PfGolden, ::testing::ValuesIn(cases()), case_name);

}  // namespace
}  // namespace fwlint::pf_testing
