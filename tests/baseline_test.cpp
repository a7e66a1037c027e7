// Baselines survive moving and reformatting rules, and still catch new findings.
#include "linter/baseline.h"

#include <gtest/gtest.h>

#include <fstream>

namespace fwlint {
namespace {

namespace fs = std::filesystem;

class BaselineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("fwlint-baseline-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  LintReport lint(const std::string& text, SourceManager& sources) {
    std::ofstream(dir_ / "rules.v4", std::ios::binary) << text;
    Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), {});
    return linter.lint({{(dir_ / "rules.v4").string(), true}});
  }
  fs::path dir_;
};

TEST_F(BaselineTest, AcceptsOldFindingsAfterRulesMoveAndReportsNewOnes) {
  SourceManager before_sources;
  LintReport before = lint(
      "*filter\n-A INPUT -p udp --dport 659 -j ACCEPT\n-A INPUT -p tcp --dport 658 -j ACCEPT\n"
      "COMMIT\n",
      before_sources);
  ASSERT_EQ(before.findings.size(), 2u);
  Baseline::write(dir_ / "baseline.json", before, before_sources);

  SourceManager after_sources;
  LintReport after = lint(
      "*filter\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n"
      "-A INPUT   -p tcp   --dport 658   -j ACCEPT\n"
      "-A INPUT -p udp --dport 659 -j ACCEPT\n"
      "-A INPUT -p tcp --dport 47 -j ACCEPT\nCOMMIT\n",
      after_sources);
  ASSERT_EQ(after.findings.size(), 3u);
  size_t accepted = Baseline::load(dir_ / "baseline.json").filter(after.findings, after_sources);
  EXPECT_EQ(accepted, 2u);
  ASSERT_EQ(after.findings.size(), 1u);
  EXPECT_EQ(after.findings[0].span.line, 5u);
}

TEST_F(BaselineTest, EachEntryAcceptsOnlyAsManyFindingsAsItRecorded) {
  SourceManager sources;
  LintReport one = lint("*filter\n-A INPUT -p udp --dport 659 -j ACCEPT\nCOMMIT\n", sources);
  Baseline::write(dir_ / "baseline.json", one, sources);
  SourceManager again;
  LintReport two = lint(
      "*filter\n-A INPUT -p udp --dport 659 -j ACCEPT\n-A INPUT -p udp --dport 659 -j ACCEPT\n"
      "COMMIT\n",
      again);
  EXPECT_EQ(Baseline::load(dir_ / "baseline.json").filter(two.findings, again), 1u);
  EXPECT_EQ(two.findings.size(), 1u);
}

TEST_F(BaselineTest, MalformedBaselineIsAConfigurationError) {
  std::ofstream(dir_ / "bad.json") << "{\"schema\": \"other\"}";
  EXPECT_THROW(Baseline::load(dir_ / "bad.json"), ConfigError);
  EXPECT_THROW(Baseline::load(dir_ / "missing.json"), ConfigError);
}

}  // namespace
}  // namespace fwlint
