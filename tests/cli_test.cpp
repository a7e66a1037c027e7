// The fwlint binary as users and CI run it: exit codes, output formats, subcommands.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/golden.h"

namespace fwlint {
namespace {

struct FwlintRun {
  int exit_code;
  std::string out;
};

// Runs fwlint with `arguments` (shell words) from the source directory, capturing stdout.
FwlintRun run_fwlint(const std::string& arguments, const std::string& stdin_text = "") {
  std::string command = "cd '" + testing::source_dir().string() + "' && ";
  if (!stdin_text.empty()) command += "printf '%s' '" + stdin_text + "' | ";
  command += std::string(FWLINT_BINARY) + " " + arguments + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  FwlintRun run{-1, ""};
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer;
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) run.out.append(buffer.data(), n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

TEST(Cli, SamplesReport658And659WithSuggestionsAndExitOne) {
  FwlintRun run = run_fwlint("--color never samples/iptables");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("error[FW2001]: port 659/udp"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("warning[FW2002]: port 658/tcp"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("suggestion:"), std::string::npos);
  EXPECT_EQ(run.out.find("\033["), std::string::npos) << "no colour when asked for none";
}

TEST(Cli, JsonOutputIsStableAndComplete) {
  FwlintRun run = run_fwlint("--format json samples/iptables/rules.v4");
  EXPECT_EQ(run.exit_code, 1);
  nlohmann::json report = nlohmann::json::parse(run.out);
  EXPECT_EQ(report["schema"], "fwlint-findings/1");
  ASSERT_FALSE(report["findings"].empty());
  for (const nlohmann::json& finding : report["findings"]) {
    EXPECT_EQ(finding["path"], "samples/iptables/rules.v4");
    EXPECT_GE(finding["span"]["line"].get<int>(), 1);
    EXPECT_GT(finding["span"]["end_column"].get<int>(), finding["span"]["column"].get<int>());
    EXPECT_FALSE(finding["suggestion"].get<std::string>().empty());
  }
  EXPECT_EQ(report["inputs"][0]["format"], "iptables-save");
}

TEST(Cli, FailOnThresholds) {
  const std::string clean_only_info = "--fail-on warning -";
  std::string drop_rule = "*filter\n-A INPUT -p tcp --dport 47 -j DROP\nCOMMIT\n";
  EXPECT_EQ(run_fwlint(clean_only_info, drop_rule).exit_code, 0) << "a DROP rule is info only";
  EXPECT_EQ(run_fwlint("--fail-on info -", drop_rule).exit_code, 1);
  EXPECT_EQ(run_fwlint("--fail-on never samples/iptables").exit_code, 0);
  EXPECT_EQ(run_fwlint("--fail-on error samples/iptables/rules.v4").exit_code, 1);
}

TEST(Cli, ExitCodesForBadInputAndUsage) {
  EXPECT_EQ(run_fwlint("does/not/exist.rules").exit_code, 2);
  EXPECT_EQ(run_fwlint("--fail-on sometimes samples").exit_code, 3);
  EXPECT_EQ(run_fwlint("--input-format nope samples").exit_code, 3);
  EXPECT_EQ(run_fwlint("").exit_code, 3);
  EXPECT_EQ(run_fwlint("explain FW9999").exit_code, 3);
}

TEST(Cli, VersionNamesTheRegistryDate) {
  FwlintRun run = run_fwlint("--version");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("IANA registry 2026-08-17"), std::string::npos) << run.out;
}

TEST(Cli, ExplainTellsTheStoryOf658) {
  FwlintRun run = run_fwlint("explain 658");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("658/tcp: assigned to tenfold"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("IANA has not removed this assignment"), std::string::npos);
  EXPECT_NE(run.out.find("retired-services list"), std::string::npos);
  FwlintRun check = run_fwlint("explain removed-port");
  EXPECT_EQ(check.exit_code, 0);
  EXPECT_NE(check.out.find("FW2001 removed-port"), std::string::npos);
}

TEST(Cli, RulesListsTheCatalogue) {
  FwlintRun run = run_fwlint("rules --format json");
  EXPECT_EQ(run.exit_code, 0);
  nlohmann::json catalogue = nlohmann::json::parse(run.out);
  std::vector<std::string> ids;
  for (const nlohmann::json& entry : catalogue) ids.push_back(entry["id"]);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "FW2003"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "FW1001"), ids.end());
}

TEST(Cli, DumpPrintsTheModel) {
  FwlintRun run = run_fwlint("dump samples/iptables/rules.v4");
  EXPECT_EQ(run.exit_code, 0);
  nlohmann::json model = nlohmann::json::parse(run.out);
  EXPECT_EQ(model["schema"], "fwlint-model/1");
  EXPECT_EQ(model["format"], "iptables-save");
  EXPECT_EQ(model["tables"].size(), 3u);
}

TEST(Cli, ReadsStandardInput) {
  FwlintRun run =
      run_fwlint("--quiet -", "*filter\n-A INPUT -p udp --dport 659 -j ACCEPT\nCOMMIT\n");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out.rfind("<stdin>:2:", 0), 0u) << run.out;
}

}  // namespace
}  // namespace fwlint

namespace fwlint {
namespace {

TEST(Cli, CommittedRuleReferenceIsUpToDate) {
  FwlintRun run = run_fwlint("rules --format markdown");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_TRUE(testing::matches_golden(testing::source_dir() / "docs/rules.md", run.out))
      << "regenerate with: build/fwlint rules --format markdown > docs/rules.md";
}

// --diff shows the edits and changes nothing; --fix applies them atomically, keeps the file's
// permission bits, and leaves nothing for a second --diff.
TEST(Cli, DiffShowsAndFixAppliesTheEdits) {
  namespace fs = std::filesystem;
  fs::path directory = fs::temp_directory_path() / ("fwlint-fix-" + std::to_string(getpid()));
  fs::create_directories(directory);
  fs::path rules = directory / "rules.v4";
  fs::copy_file(testing::source_dir() / "samples/iptables/rules.v4", rules,
                fs::copy_options::overwrite_existing);
  fs::permissions(rules, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  std::string before = testing::read_text(rules);

  FwlintRun diff = run_fwlint("--diff '" + rules.string() + "'");
  EXPECT_EQ(diff.exit_code, 1);
  EXPECT_NE(diff.out.find("+-A INPUT -s 10.20.0.0/24 -p tcp -m multiport --dports 111,2049 "),
            std::string::npos)
      << diff.out;
  EXPECT_EQ(testing::read_text(rules), before);

  FwlintRun fix = run_fwlint("--fix -q '" + rules.string() + "'");
  EXPECT_EQ(fix.exit_code, 1);  // findings without an edit remain
  std::string after = testing::read_text(rules);
  EXPECT_NE(after.find("--dports 111,2049 "), std::string::npos);
  EXPECT_EQ(after.find("--dports 111,658,2049"), std::string::npos);
  EXPECT_EQ(fs::status(rules).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(run_fwlint("--diff '" + rules.string() + "'").exit_code, 0);
  size_t leftovers = 0;
  for (const auto& entry : fs::directory_iterator(directory)) leftovers += entry.path() != rules;
  EXPECT_EQ(leftovers, 0u);
  fs::remove_all(directory);
}

// --write-baseline records every finding, also those the baseline given with it accepts.
TEST(Cli, WriteBaselineRecordsWhatAnOlderBaselineAccepts) {
  namespace fs = std::filesystem;
  fs::path directory = fs::temp_directory_path() / ("fwlint-baseline-" + std::to_string(getpid()));
  fs::create_directories(directory);
  std::string first = (directory / "first.json").string();
  std::string second = (directory / "second.json").string();
  EXPECT_EQ(run_fwlint("--write-baseline '" + first + "' samples/iptables/rules.v4").exit_code, 0);
  EXPECT_EQ(run_fwlint("--baseline '" + first + "' --write-baseline '" + second +
                       "' samples/iptables/rules.v4")
                .exit_code,
            0);
  EXPECT_FALSE(testing::read_text(first).empty());
  EXPECT_EQ(testing::read_text(second), testing::read_text(first));
  fs::remove_all(directory);
}

}  // namespace
}  // namespace fwlint
