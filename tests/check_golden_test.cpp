// Golden tests per check: tests/rules/<ID>-<name>/<case>.<ext> with <case>.<ext>.expected holding
// that check's findings in the one-line gcc style, each followed by its suggestion. An empty
// expectation means the case must be clean.
#include <gtest/gtest.h>

#include <sstream>

#include "linter/engine.h"
#include "support/golden.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

std::string render(const LintReport& report, const SourceManager& sources, std::string_view id) {
  std::ostringstream out;
  for (const Finding& finding : report.findings) {
    if (finding.check_id != id) continue;
    out << fs::path(sources.file(finding.span.file).path()).filename().string() << ':'
        << finding.span.line << ':' << finding.span.column << '-' << finding.span.end_column << ": "
        << severity_name(finding.severity) << '[' << finding.check_id << "]: " << finding.message
        << "\n  suggestion: " << finding.suggestion << '\n';
    for (const TextEdit& edit : finding.edits) {
      out << "  edit " << edit.span.line << ':' << edit.span.column << '-' << edit.span.end_line
          << ':' << edit.span.end_column << " -> \"" << edit.replacement << "\"\n";
    }
  }
  return out.str();
}

class CheckGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(CheckGolden, MatchesExpectation) {
  const fs::path& fixture = GetParam();
  std::string directory = fixture.parent_path().filename().string();
  std::string id = directory.substr(0, directory.find('-'));
  SourceManager sources;
  Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), {});
  LintReport report = linter.lint({{fixture.string(), true}});
  ASSERT_FALSE(report.any_input_failed()) << fixture;
  fs::path expected = fixture;
  expected += ".expected";
  EXPECT_TRUE(testing::matches_golden(expected, render(report, sources, id)));
}

std::string fixture_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name =
      info.param.parent_path().filename().string() + "_" + info.param.filename().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Rules, CheckGolden,
                         ::testing::ValuesIn(testing::fixtures_in(testing::source_dir() /
                                                                  "tests/rules")),
                         fixture_name);

}  // namespace
}  // namespace fwlint
