// Parser goldens for the Windows front ends: each fixture under tests/fixtures/windows/<format>/
// is read the way the linter reads it (UTF-16 decoded, format detected from the content) and its
// model dump plus the parser's FW1xxx findings are compared with <fixture>.expected.
// Fixtures named malformed* are read with their directory's front end named explicitly.
#include <gtest/gtest.h>

#include <sstream>

#include "linter/engine.h"
#include "linter/report/model_json.h"
#include "support/golden.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

std::string expected_front_end(const fs::path& fixture) {
  std::string directory = fixture.parent_path().filename().string();
  if (directory == "netsh") return "windows-netsh";
  if (directory == "reg") return "windows-reg";
  return fixture.extension() == ".json" ? "windows-powershell-json" : "windows-powershell-csv";
}

std::string render(const fs::path& fixture, const ParseResult& parsed,
                   const SourceManager& sources) {
  nlohmann::json dump = model_to_json(parsed.ruleset, sources);
  dump["file"] = fixture.filename().string();  // no machine-specific path in the golden
  std::ostringstream out;
  // A dump in a legacy code page is not UTF-8: its bytes show as U+FFFD.
  out << dump.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  for (const Finding& finding : parsed.diagnostics) {
    out << finding.span.line << ':' << finding.span.column << '-' << finding.span.end_line << ':'
        << finding.span.end_column << ": " << severity_name(finding.severity) << '['
        << finding.check_id << "]: " << finding.message << '\n';
  }
  return out.str();
}

class WindowsParserGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(WindowsParserGolden, MatchesExpectation) {
  const fs::path& fixture = GetParam();
  SourceManager sources;
  Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), {});
  std::vector<Finding> problems;
  std::optional<uint32_t> index = linter.read({fixture.string(), true}, problems);
  ASSERT_TRUE(index.has_value());
  const SourceFile& file = sources.file(*index);
  const FrontEnd* expected = front_end_named(expected_front_end(fixture));
  ASSERT_NE(expected, nullptr);
  const FrontEnd* front_end = expected;
  if (!fixture.filename().string().starts_with("malformed")) {
    front_end = linter.choose_front_end(file, true, problems);
    EXPECT_EQ(front_end, expected) << "content detection picked another format";
    ASSERT_NE(front_end, nullptr);
  }
  EXPECT_TRUE(problems.empty());
  ParseResult parsed = linter.parse(file, *front_end);
  EXPECT_EQ(parsed.ruleset.order, EvaluationOrder::kBlockBeatsAllow);
  EXPECT_NE(parsed.ruleset.dialect, nullptr);
  fs::path expectation = fixture;
  expectation += ".expected";
  EXPECT_TRUE(testing::matches_golden(expectation, render(fixture, parsed, sources)));
}

std::string fixture_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name =
      info.param.parent_path().filename().string() + "_" + info.param.filename().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, WindowsParserGolden,
                         ::testing::ValuesIn(testing::fixtures_in(testing::source_dir() /
                                                                  "tests/fixtures/windows")),
                         fixture_name);

}  // namespace
}  // namespace fwlint
