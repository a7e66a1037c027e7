// --format sarif: schema-valid SARIF 2.1.0 with rule metadata, fingerprints, fixes and GitHub's
// result limit.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "report/report_fixture.h"
#include "support/golden.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The log's only run (moved out: the limit test's run is large).
json sarif_run(const testing::LintedReport& linted) {
  json log = json::parse(testing::render(&write_sarif_report, linted));
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_EQ(log["runs"].size(), 1u);
  return std::move(log["runs"][0]);
}

const json& rule_of(const json& run, const json& result) {
  return run["tool"]["driver"]["rules"][result["ruleIndex"].get<size_t>()];
}

TEST(SarifReport, ValidatesAgainstTheOfficialSchema) {
  fs::path schema = testing::shared_dir() / "data/sarif-schema-2.1.0.json";
  if (testing::shared_dir().empty() || !fs::exists(schema)) GTEST_SKIP() << "no ../shared";
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  auto linted = testing::lint_report_fixtures();
  testing::ScratchDirectory scratch;
  fs::path log = scratch.path() / "fwlint.sarif";
  std::ofstream(log) << testing::render(&write_sarif_report, *linted);
  std::string command = "/usr/bin/python3 '" +
                        (testing::source_dir() / "tests/tools/validate_sarif.py").string() + "' '" +
                        schema.string() + "' '" + log.string() + "'";
  int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 77) GTEST_SKIP() << "python3-jsonschema is not installed";
  EXPECT_EQ(WEXITSTATUS(status), 0) << "the schema's complaints are above";
}

TEST(SarifReport, DescribesEveryCheckOfTheCatalogue) {
  auto linted = testing::lint_report_fixtures();
  json run = sarif_run(*linted);
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "fwlint");
  EXPECT_EQ(driver["version"], FWLINT_VERSION);
  std::vector<std::string> ids;
  for (const json& rule : driver["rules"]) ids.push_back(rule["id"]);
  ASSERT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  for (const CheckDef* check : all_checks()) {
    auto it = std::find(ids.begin(), ids.end(), check->info.id);
    ASSERT_NE(it, ids.end()) << check->info.id;
    const json& rule = driver["rules"][it - ids.begin()];
    EXPECT_EQ(rule["name"], check->info.name);
    EXPECT_EQ(rule["shortDescription"]["text"], check->info.summary);
    EXPECT_FALSE(rule["fullDescription"]["text"].get<std::string>().empty());
    EXPECT_EQ(rule["help"]["markdown"], check->info.doc);
    std::string level = rule["defaultConfiguration"]["level"];
    EXPECT_EQ(level, check->info.severity == Severity::kInfo ? "note"
                                                             : severity_name(check->info.severity));
  }
  EXPECT_NE(std::find(ids.begin(), ids.end(), "FW1001"), ids.end()) << "input diagnostics too";
}

TEST(SarifReport, ResultsCarryLocationsFingerprintsAndFixes) {
  auto linted = testing::lint_report_fixtures();
  ASSERT_FALSE(linted->report.findings.empty());
  json run = sarif_run(*linted);
  const json& results = run["results"];
  ASSERT_EQ(results.size(), linted->report.findings.size());
  std::vector<std::string> levels;
  size_t with_fixes = 0;
  size_t with_related = 0;
  for (const json& result : results) {
    EXPECT_EQ(rule_of(run, result)["id"], result["ruleId"]);
    levels.push_back(result["level"]);
    EXPECT_EQ(result["partialFingerprints"]["fwlint/v1"].get<std::string>().size(), 16u);
    const json& physical = result["locations"][0]["physicalLocation"];
    EXPECT_EQ(physical["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    std::string uri = physical["artifactLocation"]["uri"];
    EXPECT_TRUE(uri == "tests/report/findings.rules" || uri == "tests/report/variables.sh") << uri;
    EXPECT_EQ(
        run["artifacts"][physical["artifactLocation"]["index"].get<size_t>()]["location"]["uri"],
        uri);
    EXPECT_GE(physical["region"]["endColumn"], physical["region"]["startColumn"]);
    EXPECT_NE(result["message"]["text"].get<std::string>().find("\nSuggestion: "),
              std::string::npos);
    for (const json& fix : result.value("fixes", json::array())) {
      ++with_fixes;
      const json& replacement = fix["artifactChanges"][0]["replacements"][0];
      EXPECT_GE(replacement["deletedRegion"]["startLine"].get<int>(), 1);
      EXPECT_TRUE(replacement["insertedContent"]["text"].is_string());
    }
    if (result.contains("relatedLocations")) {
      ++with_related;
      EXPECT_EQ(result["relatedLocations"][0]["id"], 1);
      EXPECT_FALSE(result["relatedLocations"][0]["message"]["text"].get<std::string>().empty());
    }
  }
  EXPECT_GT(with_fixes, 0u);
  EXPECT_GT(with_related, 0u);
  auto rank = [](const std::string& level) {
    return level == "error" ? 0 : level == "warning" ? 1 : 2;
  };
  EXPECT_TRUE(std::is_sorted(levels.begin(), levels.end(), [&](const auto& a, const auto& b) {
    return rank(a) < rank(b);
  })) << "worst first";
  EXPECT_NE(std::find(levels.begin(), levels.end(), "note"), levels.end());
}

TEST(SarifReport, FixReplacesTheEditedText) {
  auto linted = testing::lint_report_fixtures();
  json run = sarif_run(*linted);
  for (const json& result : run["results"]) {
    if (!result.contains("fixes")) continue;
    const json& region =
        result["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"];
    const Finding* finding = nullptr;
    for (const Finding& candidate : linted->report.findings) {
      if (candidate.fingerprint == result["partialFingerprints"]["fwlint/v1"]) finding = &candidate;
    }
    ASSERT_NE(finding, nullptr);
    ASSERT_FALSE(finding->edits.empty());
    EXPECT_EQ(region["startLine"], finding->edits[0].span.line);
    EXPECT_EQ(
        result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        finding->edits[0].replacement);
    EXPECT_EQ(result["fixes"][0]["description"]["text"], finding->suggestion);
  }
}

TEST(SarifReport, ColumnsCountUtf16CodeUnitsAndPathsBecomeUris) {
  testing::LintedReport linted;
  // "é" is two bytes in UTF-8 but one UTF-16 unit; "𝄞" is four bytes and two units.
  const SourceFile& file = linted.sources.add("/etc/fw rules/é.v4", "# café 𝄞 x\n");
  linted.report.inputs.push_back({file.path(), file.index(), nullptr, 0, true});
  linted.report.findings.push_back(testing::make_finding("FW2001", "removed-port", Severity::kError,
                                                         file.index(), 1, 14, 15, "x"));
  json run = sarif_run(linted);
  EXPECT_EQ(run["columnKind"], "utf16CodeUnits");
  const json& physical = run["results"][0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(physical["region"]["startColumn"], 11);
  EXPECT_EQ(physical["region"]["endColumn"], 12);
  EXPECT_EQ(physical["artifactLocation"]["uri"], "file:///etc/fw%20rules/%C3%A9.v4");
  EXPECT_FALSE(physical["artifactLocation"].contains("uriBaseId"));
  EXPECT_EQ(run["artifacts"][0]["roles"][0], "analysisTarget");
}

TEST(SarifReport, KeepsTheWorstResultsWithinGithubsLimit) {
  testing::LintedReport linted;
  const SourceFile& file = linted.sources.add("many.rules", std::string(30000, '\n'));
  linted.report.inputs.push_back({file.path(), file.index(), nullptr, 0, true});
  // Notes first in file order, the errors and warnings last: a plain cut would lose them.
  const size_t total = kSarifMaxResults + 10;
  for (uint32_t line = 1; line <= total; ++line) {
    Severity severity = line > total - 4   ? Severity::kError
                        : line > total - 8 ? Severity::kWarning
                                           : Severity::kInfo;
    linted.report.findings.push_back(testing::make_finding("FW2001", "removed-port", severity,
                                                           file.index(), line, 1, 2,
                                                           "finding " + std::to_string(line)));
  }
  json run = sarif_run(linted);
  const json& results = run["results"];
  ASSERT_EQ(results.size(), kSarifMaxResults);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(results[i]["level"], "error");
  for (size_t i = 4; i < 8; ++i) EXPECT_EQ(results[i]["level"], "warning");
  EXPECT_EQ(results[8]["message"]["text"], "finding 1") << "then file order";
  EXPECT_EQ(results.back()["message"]["text"], "finding " + std::to_string(kSarifMaxResults - 8));
  const json& invocation = run["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], true);
  ASSERT_EQ(invocation["toolExecutionNotifications"].size(), 1u);
  std::string note = invocation["toolExecutionNotifications"][0]["message"]["text"];
  EXPECT_NE(note.find("found 25010 findings"), std::string::npos) << note;
  EXPECT_NE(note.find("the 10 least severe were left out (0 error, 0 warning, 10 note)"),
            std::string::npos)
      << note;
}

TEST(SarifReport, NoNotificationWithinTheLimit) {
  auto linted = testing::lint_report_fixtures();
  json invocation = sarif_run(*linted)["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], true);
  EXPECT_FALSE(invocation.contains("toolExecutionNotifications"));
}

}  // namespace
}  // namespace fwlint
