// samples/windows holds one realistic export per format; each must report the removed port 659,
// the retired 658/udp and a range covering 659, with no input finding.
#include <gtest/gtest.h>

#include <set>

#include "linter/engine.h"
#include "support/golden.h"

namespace fwlint {
namespace {

TEST(WindowsSamples, EveryFormatReportsEveryRegistryCheck) {
  std::vector<std::filesystem::path> samples =
      testing::fixtures_in(testing::source_dir() / "samples/windows");
  ASSERT_EQ(samples.size(), 4u);
  std::set<std::string_view> formats;
  for (const std::filesystem::path& sample : samples) {
    SCOPED_TRACE(sample.filename().string());
    SourceManager sources;
    Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), {});
    LintReport report = linter.lint({{sample.string(), true}});
    ASSERT_EQ(report.inputs.size(), 1u);
    ASSERT_NE(report.inputs[0].front_end, nullptr);
    formats.insert(report.inputs[0].front_end->name);
    std::set<std::string_view> checks;
    for (const Finding& finding : report.findings) {
      EXPECT_FALSE(finding.check_id.starts_with("FW1")) << finding.message;
      checks.insert(finding.check_id);
    }
    EXPECT_EQ(checks, (std::set<std::string_view>{"FW2001", "FW2002", "FW2003"}));
  }
  EXPECT_EQ(formats,
            (std::set<std::string_view>{"windows-netsh", "windows-reg", "windows-powershell-csv",
                                        "windows-powershell-json"}));
}

}  // namespace
}  // namespace fwlint
