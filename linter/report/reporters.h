// Reporters turn a LintReport into text for people, JSON for machines and the formats CI tools
// read. They contain no per-check code: everything they print comes from the findings and the
// check metadata.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "linter/engine.h"

namespace fwlint {

struct TextStyle {
  bool color = false;
  bool quiet = false;  // one line per finding, no excerpt, no summary
};

// `path:line:col: severity[ID]: message`, the source line with the token underlined, the
// suggestion and related locations, then a summary line.
void write_text_report(std::ostream& out, const LintReport& report, const SourceManager& sources,
                       const TextStyle& style);

// Schema "fwlint-findings/1" (docs/json-output.md).
void write_json_report(std::ostream& out, const LintReport& report, const SourceManager& sources);

// SARIF 2.1.0 (docs/output-formats.md): one run, rules from the check catalogue, results worst
// first. At most kSarifMaxResults results (GitHub code scanning's limit per run): the least severe
// are left out and a tool execution notification says how many.
inline constexpr size_t kSarifMaxResults = 25000;
void write_sarif_report(std::ostream& out, const LintReport& report, const SourceManager& sources);

// JUnit XML: a <testsuite> per input file, a <testcase> per check of the catalogue in that file,
// failing with that check's findings there.
void write_junit_report(std::ostream& out, const LintReport& report, const SourceManager& sources);

// Where GitHub Actions takes a job summary and how its links reach a file; empty when absent.
struct GithubContext {
  std::string step_summary_path;  // $GITHUB_STEP_SUMMARY
  std::string blob_url;           // $GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA
};
GithubContext github_context_from_environment();

// GitHub Actions workflow commands, one per finding, worst first, then a plain summary line. With
// a step summary path, appends write_github_summary() there; a summary that cannot be written is
// reported on `errors` and is never fatal.
void write_github_report(std::ostream& out, std::ostream& errors, const LintReport& report,
                         const SourceManager& sources, const GithubContext& context);
// A Markdown job summary: counts per check, then the first findings with links to their lines.
void write_github_summary(std::ostream& out, const LintReport& report, const SourceManager& sources,
                          const std::string& blob_url);

// `path:line:col: severity: message [ID]`, one line per finding, as compilers print diagnostics.
void write_gcc_report(std::ostream& out, const LintReport& report, const SourceManager& sources);

// Counts per check, most frequent first (`--statistics`).
void write_statistics(std::ostream& out, const LintReport& report);

// The --format values, in the order --help lists them.
std::span<const std::string_view> report_formats();
// Writes `report` in one of report_formats().
void write_report(std::string_view format, std::ostream& out, const LintReport& report,
                  const SourceManager& sources, const TextStyle& style);

}  // namespace fwlint
