// .fwlint.toml: parsing, precise errors with "did you mean", and its effect on a lint run.
#include "linter/config.h"

#include <gtest/gtest.h>

#include <fstream>

#include "linter/catalogue.h"
#include "linter/engine.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

std::string config_error(std::string_view text) {
  try {
    parse_config(text, ".fwlint.toml");
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

TEST(Config, ReadsEverySection) {
  Config config = parse_config(R"(
fail-on = "error"
[rules]
select = ["FW2"]
ignore = ["retired-service"]
severity = { FW2003 = "error" }
[rules.range-includes-removed-port]
max-range-width = 2048
[ports]
removed = [{ port = 4444, transports = ["tcp"], reason = "old backdoor port" }]
allowed = [{ ports = "6665-6669", reason = "IRC gateway" }]
[[per-path]]
paths = ["legacy/**"]
ignore = ["FW2001"]
)",
                               "cfg");
  EXPECT_EQ(config.fail_on, "error");
  EXPECT_EQ(config.options.max_range_width, 2048u);
  ASSERT_EQ(config.options.extra_removed.size(), 1u);
  EXPECT_EQ(config.options.extra_removed[0].ports.low, 4444);
  EXPECT_TRUE(config.options.extra_removed[0].transports.contains(Transport::kTcp));
  EXPECT_FALSE(config.options.extra_removed[0].transports.contains(Transport::kUdp));
  EXPECT_EQ(config.options.extra_removed[0].source, "cfg:10:12");
  ASSERT_EQ(config.options.allowed.size(), 1u);
  EXPECT_EQ(config.options.allowed[0].ports.high, 6669);
  EXPECT_EQ(config.severity.at("FW2003"), Severity::kError);
  ASSERT_EQ(config.per_path.size(), 1u);
}

TEST(Config, UnknownKeysNameTheLocationAndTheClosestName) {
  EXPECT_EQ(config_error("fail_on = \"error\"\n"),
            ".fwlint.toml:1:1: unknown key 'fail_on'; did you mean 'fail-on'?");
  EXPECT_EQ(config_error("[rules]\nselct = [\"FW2\"]\n"),
            ".fwlint.toml:2:1: unknown key 'selct' in [rules]; did you mean 'select'?");
  EXPECT_EQ(config_error("[rules]\nignore = [\"removed-prot\"]\n"),
            ".fwlint.toml:2:11: unknown check 'removed-prot'; did you mean 'removed-port'?");
  EXPECT_EQ(config_error("[rules.severity]\nFW2001 = \"fatal\"\n"),
            ".fwlint.toml:2:10: 'FW2001' must be one of error, warning, info");
  EXPECT_EQ(config_error("[ports]\nallowed = [{ port = 658 }]\n"),
            ".fwlint.toml:2:12: a port entry needs a non-empty 'reason'");
  EXPECT_NE(config_error("[rules\n").find(".fwlint.toml:1:"), std::string::npos);
  EXPECT_EQ(config_error("[[per-path]]\npaths = [\"a/[\"]\nignore = [\"FW2\"]\n"), "");
}

TEST(Config, SelectorsAndPerPathIgnores) {
  Config config = parse_config(
      "[rules]\nignore = [\"FW2003\"]\n[[per-path]]\npaths = [\"legacy/**\", \"*.sh\"]\n"
      "ignore = [\"FW2\"]\n",
      "");
  const CheckInfo& removed = *find_check_info("FW2001");
  const CheckInfo& range = *find_check_info("FW2003");
  const CheckInfo& syntax = *find_check_info("FW1001");
  EXPECT_TRUE(config.reports(removed, "site/rules.v4"));
  EXPECT_FALSE(config.reports(range, "site/rules.v4"));
  EXPECT_FALSE(config.reports(removed, "legacy/old/rules.v4"));
  EXPECT_FALSE(config.reports(removed, "fw.sh"));
  EXPECT_TRUE(config.reports(removed, "scripts/fw.sh")) << "* does not cross directories";
  EXPECT_TRUE(config.reports(syntax, "legacy/rules.v4"));
}

class ConfigOnDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("fwlint-config-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "site/edge");
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const fs::path& relative, std::string_view text) {
    std::ofstream(root_ / relative, std::ios::binary) << text;
  }
  fs::path root_;
};

TEST_F(ConfigOnDisk, NearestConfigWinsAndChangesTheFindings) {
  write(".fwlint.toml", "[rules]\nignore = [\"FW2002\"]\n");
  write("site/edge/.fwlint.toml",
        "[ports]\nallowed = [{ port = 659, reason = \"lab\" }]\n"
        "removed = [{ port = 4444, reason = \"backdoor\" }]\n");
  std::string dump =
      "*filter\n-A INPUT -p udp --dport 659 -j ACCEPT\n-A INPUT -p tcp --dport 658 -j ACCEPT\n"
      "-A INPUT -p tcp --dport 4444 -j ACCEPT\nCOMMIT\n";
  write("site/rules.v4", dump);
  write("site/edge/rules.v4", dump);
  EXPECT_EQ(find_config(root_ / "site/rules.v4"), root_ / ".fwlint.toml");
  EXPECT_EQ(find_config(root_ / "site/edge/rules.v4"), root_ / "site/edge/.fwlint.toml");

  SourceManager sources;
  LintOptions options;
  options.find_config_files = true;
  Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), options);
  LintReport report = linter.lint({{(root_ / "site/rules.v4").string(), true},
                                   {(root_ / "site/edge/rules.v4").string(), true}});
  std::vector<std::string> seen;
  for (const Finding& finding : report.findings) {
    seen.push_back(
        fs::path(sources.file(finding.span.file).path()).parent_path().filename().string() + ":" +
        std::to_string(finding.span.line) + ":" + std::string(finding.check_id));
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"site:2:FW2001", "edge:3:FW2002", "edge:4:FW2001"}));
  for (const Finding& finding : report.findings) {
    if (finding.span.line == 4) {
      EXPECT_NE(finding.message.find("backdoor"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace fwlint
