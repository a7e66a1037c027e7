// --format github: workflow commands with GitHub's escaping, worst first, a closing count and a
// Markdown job summary that never fails the run.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "report/report_fixture.h"
#include "support/golden.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

struct GithubOutput {
  std::string out;
  std::string errors;
};

GithubOutput run_github(const testing::LintedReport& linted, const GithubContext& context) {
  std::ostringstream out;
  std::ostringstream errors;
  write_github_report(out, errors, linted.report, linted.sources, context);
  return {out.str(), errors.str()};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(GithubReport, EscapesDataAndProperties) {
  testing::LintedReport linted;
  const SourceFile& file = linted.sources.add("./dir,x/a:b%.rules", "-A INPUT --dport 659\n");
  linted.report.inputs.push_back({file.path(), file.index(), nullptr, 0, true});
  Finding finding = testing::make_finding("FW2001", "removed-port", Severity::kError, 0, 1, 18, 21,
                                          "100% sure, really: yes\r\nnext");
  finding.suggestion = "drop it: now";
  linted.report.findings.push_back(finding);
  std::vector<std::string> lines = lines_of(run_github(linted, {}).out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(
      lines[0],
      "::error file=dir%2Cx/a%3Ab%25.rules,line=1,col=18,endLine=1,endColumn=21,"
      "title=FW2001 removed-port::100%25 sure, really: yes%0D%0Anext%0ASuggestion: drop it: now");
  EXPECT_EQ(lines[1], "fwlint: 1 finding (1 error, 0 warnings, 0 info) in 1 file");
}

TEST(GithubReport, OneCommandPerFindingWorstFirst) {
  auto linted = testing::lint_report_fixtures();
  std::vector<std::string> lines = lines_of(run_github(*linted, {}).out);
  ASSERT_EQ(lines.size(), linted->report.findings.size() + 1);
  auto rank = [](const std::string& line) {
    return line.starts_with("::error ") ? 0 : line.starts_with("::warning ") ? 1 : 2;
  };
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    EXPECT_TRUE(lines[i].starts_with("::error file=tests/report/") ||
                lines[i].starts_with("::warning file=tests/report/") ||
                lines[i].starts_with("::notice file=tests/report/"))
        << lines[i];
    if (i > 0) {
      EXPECT_LE(rank(lines[i - 1]), rank(lines[i])) << lines[i];
    }
  }
  EXPECT_EQ(rank(lines.front()), 0);
  EXPECT_EQ(rank(lines[lines.size() - 2]), 2);
  EXPECT_TRUE(lines.back().starts_with("fwlint: " + std::to_string(linted->report.findings.size()) +
                                       " findings ("))
      << lines.back();
}

TEST(GithubReport, SaysWhenGithubWillNotShowEverything) {
  testing::LintedReport linted;
  const SourceFile& file = linted.sources.add("many.rules", std::string(20, '\n'));
  linted.report.inputs.push_back({file.path(), file.index(), nullptr, 0, true});
  for (uint32_t line = 1; line <= 11; ++line) {
    linted.report.findings.push_back(
        testing::make_finding("FW2001", "removed-port", Severity::kError, 0, line, 1, 1, "port"));
  }
  std::string out = run_github(linted, {}).out;
  EXPECT_NE(out.find("; GitHub displays at most 10 error and 10 warning annotations per step"),
            std::string::npos)
      << out;
}

TEST(GithubReport, AppendsAJobSummaryWithLinks) {
  auto linted = testing::lint_report_fixtures();
  testing::ScratchDirectory scratch;
  fs::path summary = scratch.path() / "summary.md";
  std::ofstream(summary) << "earlier step\n";
  GithubContext context{summary.string(), "https://github.example/org/repo/blob/abc123"};
  GithubOutput output = run_github(*linted, context);
  EXPECT_EQ(output.errors, "");
  std::string markdown = testing::read_text(summary);
  EXPECT_TRUE(markdown.starts_with("earlier step\n## fwlint\n")) << markdown;
  EXPECT_NE(markdown.find("| Check | Errors | Warnings | Info |"), std::string::npos);
  EXPECT_NE(markdown.find("| FW2001 removed-port | "), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("[tests/report/findings.rules:5](https://github.example/org/repo/blob/"
                          "abc123/tests/report/findings.rules#L5)"),
            std::string::npos)
      << markdown;
}

TEST(GithubReport, UnwritableSummaryIsReportedNotFatal) {
  auto linted = testing::lint_report_fixtures();
  GithubContext context{"/nonexistent-fwlint-directory/summary.md", ""};
  GithubOutput output = run_github(*linted, context);
  EXPECT_NE(output.errors.find("cannot write the job summary to "
                               "/nonexistent-fwlint-directory/summary.md"),
            std::string::npos)
      << output.errors;
  EXPECT_EQ(lines_of(output.out).size(), linted->report.findings.size() + 1);
}

TEST(GithubReport, SummaryEscapesMarkdownAndLinksOnlyRelativePaths) {
  testing::LintedReport linted;
  const SourceFile& file = linted.sources.add("/etc/fw.rules", "x\n");
  linted.report.inputs.push_back({file.path(), file.index(), nullptr, 0, true});
  linted.report.findings.push_back(testing::make_finding(
      "FW2001", "removed-port", Severity::kWarning, 0, 1, 1, 2, "a | b <script> *c*\nd"));
  std::ostringstream out;
  write_github_summary(out, linted.report, linted.sources, "https://github.example/o/r/blob/s");
  EXPECT_NE(
      out.str().find("| /etc/fw.rules:1 | warning | FW2001 | a \\| b \\<script\\> \\*c\\*<br>d |"),
      std::string::npos)
      << out.str();
}

}  // namespace
}  // namespace fwlint
