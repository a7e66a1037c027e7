// Text and JSON input of the same ruleset give the same findings: each pair in
// tests/fixtures/nftables/twins is `nft list ruleset` and `nft -j list ruleset` of one ruleset
// loaded into the kernel (samples/nftables/nftables.conf and the nftables check goldens).
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "linter/engine.h"
#include "support/golden.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

using Summary = std::vector<std::tuple<std::string, std::string, std::string>>;

Summary findings_of(const fs::path& path) {
  SourceManager sources;
  Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), {});
  LintReport report = linter.lint({{path.string(), true}});
  Summary summary;
  for (const Finding& finding : report.findings) {
    summary.emplace_back(std::string(finding.check_id),
                         std::string(severity_name(finding.severity)), finding.message);
  }
  std::sort(summary.begin(), summary.end());
  return summary;
}

TEST(NftTextJsonParity, TwinsGiveTheSameFindings) {
  fs::path directory = testing::source_dir() / "tests" / "fixtures" / "nftables" / "twins";
  size_t pairs = 0;
  for (const fs::path& text : testing::fixtures_in(directory)) {
    if (text.extension() != ".nft") continue;
    fs::path json = text;
    json.replace_extension(".json");
    SCOPED_TRACE(text.filename().string());
    ASSERT_TRUE(fs::exists(json));
    Summary from_text = findings_of(text);
    EXPECT_FALSE(from_text.empty());
    EXPECT_EQ(from_text, findings_of(json));
    ++pairs;
  }
  EXPECT_GE(pairs, 4u);
}

}  // namespace
}  // namespace fwlint
