// --format gcc: the one-line diagnostics editors' error parsers read.
#include <gtest/gtest.h>

#include <sstream>

#include "report/report_fixture.h"

namespace fwlint {
namespace {

TEST(GccReport, OneExactLinePerFindingInReportOrder) {
  testing::LintedReport linted;
  const SourceFile& file = linted.sources.add("fw/rules.v4", std::string(9, '\n'));
  linted.report.inputs.push_back({file.path(), file.index(), nullptr, 0, true});
  linted.report.findings = {
      testing::make_finding("FW2001", "removed-port", Severity::kError, 0, 3, 27, 30,
                            "port 659/udp was removed by IANA"),
      testing::make_finding("FW2002", "retired-service", Severity::kWarning, 0, 5, 9, 12,
                            "port 658/tcp: tenfold is retired"),
      testing::make_finding("FW2001", "removed-port", Severity::kInfo, 0, 8, 31, 33,
                            "a deny rule for 61\nsecond line"),
  };
  std::string out = testing::render(&write_gcc_report, linted);
  EXPECT_EQ(out,
            "fw/rules.v4:3:27: error: port 659/udp was removed by IANA [FW2001]\n"
            "fw/rules.v4:5:9: warning: port 658/tcp: tenfold is retired [FW2002]\n"
            "fw/rules.v4:8:31: note: a deny rule for 61 second line [FW2001]\n");
}

TEST(GccReport, ListsEveryFindingOfARealRun) {
  auto linted = testing::lint_report_fixtures();
  std::istringstream out(testing::render(&write_gcc_report, *linted));
  size_t index = 0;
  for (std::string line; std::getline(out, line); ++index) {
    ASSERT_LT(index, linted->report.findings.size()) << line;
    const Finding& finding = linted->report.findings[index];
    std::string level =
        finding.severity == Severity::kInfo ? "note" : std::string(severity_name(finding.severity));
    EXPECT_TRUE(line.starts_with(linted->sources.file(finding.span.file).path() + ':' +
                                 std::to_string(finding.span.line) + ':' +
                                 std::to_string(finding.span.column) + ": " + level + ": "))
        << line;
    EXPECT_TRUE(line.ends_with(" [" + std::string(finding.check_id) + "]")) << line;
  }
  EXPECT_EQ(index, linted->report.findings.size());
}

}  // namespace
}  // namespace fwlint
