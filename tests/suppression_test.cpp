// Inline suppressions: where they apply, reasons, expiry, and unused ones.
#include "linter/suppression.h"

#include <gtest/gtest.h>

#include "linter/engine.h"

namespace fwlint {
namespace {

std::vector<std::string> lint_lines(const std::string& dump, std::string today = "2026-11-26") {
  SourceManager sources;
  const SourceFile& file = sources.add("s.rules", dump);
  LintOptions options;
  options.today = today;
  Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), options);
  ParseResult parsed = linter.parse(file, *front_end_named("iptables-save"));
  std::vector<Finding> findings = linter.check(parsed.ruleset);
  apply_suppressions(file, today, findings);
  std::sort(findings.begin(), findings.end(), finding_less);
  std::vector<std::string> lines;
  for (const Finding& finding : findings) {
    lines.push_back(std::to_string(finding.span.line) + ":" + std::to_string(finding.span.column) +
                    " " + std::string(finding.check_id) + " " +
                    std::string(severity_name(finding.severity)));
  }
  return lines;
}

TEST(Suppression, ParsesIdsNamesReasonAndExpiry) {
  SourceManager sources;
  const SourceFile& file = sources.add(
      "x",
      "# fwlint: disable=FW2001,retired-service reason=\"ERP still needs it\" until=2027-06-30\n"
      "-A INPUT -m comment --comment \"fwlint: disable=FW2002 reason=lab only\" -j ACCEPT\n");
  std::vector<Suppression> found = find_suppressions(file);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].checks, (std::vector<std::string>{"FW2001", "retired-service"}));
  EXPECT_EQ(found[0].reason, "ERP still needs it");
  EXPECT_EQ(found[0].until, "2027-06-30");
  EXPECT_EQ(found[0].span.column, 3u);
  EXPECT_EQ(found[1].reason, "lab only");
  EXPECT_EQ(found[1].until, "");
}

TEST(Suppression, InTheRuleCommentOrOnTheCommentLineAbove) {
  EXPECT_EQ(lint_lines("*filter\n"
                       "# fwlint: disable=removed-port reason=\"vendor appliance\"\n"
                       "-A INPUT -p udp --dport 659 -j ACCEPT\n"
                       "-A INPUT -p tcp --dport 658 -m comment --comment \"fwlint: disable=FW2002 "
                       "reason='ERP'\" -j ACCEPT\n"
                       "-A INPUT -p udp --dport 659 -j ACCEPT\n"
                       "COMMIT\n"),
            (std::vector<std::string>{"5:25 FW2001 error"}));
}

TEST(Suppression, WithoutReasonStillAppliesButIsReported) {
  EXPECT_EQ(lint_lines("*filter\n# fwlint: disable=FW2001\n-A INPUT -p udp --dport 659 -j ACCEPT\n"
                       "COMMIT\n"),
            (std::vector<std::string>{"2:3 FW1020 info"}));
}

TEST(Suppression, ExpiredStopsSuppressingAndIsReported) {
  std::string dump =
      "*filter\n# fwlint: disable=FW2001 reason=\"migration\" until=2026-01-31\n"
      "-A INPUT -p udp --dport 659 -j ACCEPT\nCOMMIT\n";
  EXPECT_EQ(lint_lines(dump, "2026-11-26"),
            (std::vector<std::string>{"2:3 FW1021 warning", "3:25 FW2001 error"}));
  EXPECT_EQ(lint_lines(dump, "2026-01-31"), (std::vector<std::string>{}));
}

TEST(Suppression, UnusedOrUnknownIsReported) {
  EXPECT_EQ(lint_lines("*filter\n# fwlint: disable=FW2002 reason=\"x\"\n"
                       "-A INPUT -p tcp --dport 22 -j ACCEPT\n# fwlint: disable=FW9999 reason=y\n"
                       "-A INPUT -p udp --dport 659 -j ACCEPT\nCOMMIT\n"),
            (std::vector<std::string>{"2:3 FW1022 info", "4:3 FW1022 info", "4:3 FW1022 info",
                                      "5:25 FW2001 error"}));
}

}  // namespace
}  // namespace fwlint
