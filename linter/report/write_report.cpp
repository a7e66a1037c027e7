#include <algorithm>
#include <iostream>
#include <map>

#include "linter/report/reporters.h"

namespace fwlint {

namespace {
constexpr std::string_view kFormats[] = {"text", "json", "sarif", "junit", "github", "gcc"};
}  // namespace

std::span<const std::string_view> report_formats() {
  return kFormats;
}

void write_report(std::string_view format, std::ostream& out, const LintReport& report,
                  const SourceManager& sources, const TextStyle& style) {
  if (format == "json") {
    write_json_report(out, report, sources);
  } else if (format == "sarif") {
    write_sarif_report(out, report, sources);
  } else if (format == "junit") {
    write_junit_report(out, report, sources);
  } else if (format == "github") {
    write_github_report(out, std::cerr, report, sources, github_context_from_environment());
  } else if (format == "gcc") {
    write_gcc_report(out, report, sources);
  } else {
    write_text_report(out, report, sources, style);
  }
}

void write_statistics(std::ostream& out, const LintReport& report) {
  std::map<std::pair<std::string_view, std::string_view>, size_t> counts;
  for (const Finding& finding : report.findings) ++counts[{finding.check_id, finding.check_name}];
  std::vector<std::pair<size_t, std::pair<std::string_view, std::string_view>>> rows;
  for (const auto& [check, count] : counts) rows.push_back({count, check});
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [count, check] : rows) {
    std::string number = std::to_string(count);
    out << std::string(number.size() < 6 ? 6 - number.size() : 0, ' ') << number << "  "
        << check.first << "  " << check.second << '\n';
  }
}

}  // namespace fwlint
