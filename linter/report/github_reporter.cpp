#include <array>
#include <cstdlib>
#include <fstream>
#include <map>

#include "linter/report/report_support.h"
#include "linter/report/reporters.h"

namespace fwlint {

namespace {

// GitHub shows at most this many error and warning annotations per step, and in all per job.
constexpr size_t kShownPerStep = 10;
constexpr size_t kShownPerJob = 50;
// The job summary lists this many findings; the annotations and the log carry all of them.
constexpr size_t kSummaryFindings = 100;

// Workflow command data: percent-encoding of '%', CR and LF, as the Actions runner decodes it.
std::string escape_data(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '%':
        escaped += "%25";
        break;
      case '\r':
        escaped += "%0D";
        break;
      case '\n':
        escaped += "%0A";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

// Workflow command properties also end at ':' and ','.
std::string escape_property(std::string_view text) {
  std::string escaped;
  for (char c : escape_data(text)) {
    if (c == ':') {
      escaped += "%3A";
    } else if (c == ',') {
      escaped += "%2C";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string_view command_name(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "notice";
  }
  return "notice";
}

void write_annotation(std::ostream& out, const Finding& finding, const SourceManager& sources) {
  const SourceFile& file = sources.file(finding.span.file);
  const SourceSpan& span = finding.span;
  out << "::" << command_name(finding.severity)
      << " file=" << escape_property(portable_path(file.path()));
  if (span.valid()) {
    out << ",line=" << span.line << ",col=" << utf16_column(file, span.line, span.column)
        << ",endLine=" << span.end_line
        << ",endColumn=" << utf16_column(file, span.end_line, span.end_column);
  }
  std::string title = std::string(finding.check_id) + ' ' + std::string(finding.check_name);
  std::string message = finding.message;
  if (!finding.suggestion.empty()) message += "\nSuggestion: " + finding.suggestion;
  out << ",title=" << escape_property(title) << "::" << escape_data(message) << '\n';
}

std::string plural(size_t count, std::string_view word) {
  return std::to_string(count) + ' ' + std::string(word) + (count == 1 ? "" : "s");
}

std::array<size_t, 3> severity_counts(const LintReport& report) {
  std::array<size_t, 3> counts{};
  for (const Finding& finding : report.findings) ++counts[static_cast<size_t>(finding.severity)];
  return counts;
}

// Backslash-escapes what Markdown or HTML would interpret, and keeps a table row on one line.
std::string markdown_text(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    if (c == '\n') {
      escaped += "<br>";
    } else if (c == '\r') {
      continue;
    } else {
      if (std::string_view("\\`*_[]<>|&~").find(c) != std::string_view::npos) escaped += '\\';
      escaped += c;
    }
  }
  return escaped;
}

std::string markdown_location(const Finding& finding, const SourceManager& sources,
                              const std::string& blob_url) {
  std::string path = portable_path(sources.file(finding.span.file).path());
  std::string label = markdown_text(path + ':' + std::to_string(finding.span.line));
  bool linkable = !blob_url.empty() && !is_absolute_path(path) && finding.span.valid();
  if (!linkable) return label;
  return '[' + label + "](" + blob_url + '/' + percent_encode_path(path) + "#L" +
         std::to_string(finding.span.line) + ')';
}

}  // namespace

GithubContext github_context_from_environment() {
  auto variable = [](const char* name) {
    const char* value = std::getenv(name);
    return std::string(value == nullptr ? "" : value);
  };
  GithubContext context{variable("GITHUB_STEP_SUMMARY"), ""};
  std::string server = variable("GITHUB_SERVER_URL");
  std::string repository = variable("GITHUB_REPOSITORY");
  std::string sha = variable("GITHUB_SHA");
  if (!server.empty() && !repository.empty() && !sha.empty()) {
    context.blob_url = server + '/' + repository + "/blob/" + sha;
  }
  return context;
}

void write_github_summary(std::ostream& out, const LintReport& report, const SourceManager& sources,
                          const std::string& blob_url) {
  std::array<size_t, 3> counts = severity_counts(report);
  out << "## fwlint\n\n";
  if (report.findings.empty()) {
    out << "No findings in " << plural(report.inputs.size(), "file") << ".\n\n";
    return;
  }
  out << "**" << plural(report.findings.size(), "finding") << "** in "
      << plural(report.inputs.size(), "file") << ": " << plural(counts[2], "error") << ", "
      << plural(counts[1], "warning") << ", " << counts[0] << " info.\n\n";
  std::map<std::pair<std::string_view, std::string_view>, std::array<size_t, 3>> per_check;
  for (const Finding& finding : report.findings) {
    ++per_check[{finding.check_id, finding.check_name}][static_cast<size_t>(finding.severity)];
  }
  out << "| Check | Errors | Warnings | Info |\n|---|---:|---:|---:|\n";
  for (const auto& [check, check_counts] : per_check) {
    out << "| " << check.first << ' ' << markdown_text(check.second) << " | " << check_counts[2]
        << " | " << check_counts[1] << " | " << check_counts[0] << " |\n";
  }
  std::vector<const Finding*> ordered = worst_first(report);
  size_t shown = std::min(ordered.size(), kSummaryFindings);
  out << "\n### "
      << (shown < ordered.size() ? "First " + std::to_string(shown) + " findings"
                                 : std::string("Findings"))
      << "\n\n| Location | Severity | Check | Message |\n|---|---|---|---|\n";
  for (size_t i = 0; i < shown; ++i) {
    const Finding& finding = *ordered[i];
    out << "| " << markdown_location(finding, sources, blob_url) << " | "
        << severity_name(finding.severity) << " | " << finding.check_id << " | "
        << markdown_text(finding.message) << " |\n";
  }
  if (shown < ordered.size()) {
    out << "\n" << ordered.size() - shown << " more in the annotations and the step's log.\n";
  }
  out << '\n';
}

void write_github_report(std::ostream& out, std::ostream& errors, const LintReport& report,
                         const SourceManager& sources, const GithubContext& context) {
  for (const Finding* finding : worst_first(report)) write_annotation(out, *finding, sources);
  std::array<size_t, 3> counts = severity_counts(report);
  out << "fwlint: " << plural(report.findings.size(), "finding") << " ("
      << plural(counts[2], "error") << ", " << plural(counts[1], "warning") << ", " << counts[0]
      << " info) in " << plural(report.inputs.size(), "file");
  if (counts[2] > kShownPerStep || counts[1] > kShownPerStep ||
      report.findings.size() > kShownPerJob) {
    out << "; GitHub displays at most " << kShownPerStep << " error and " << kShownPerStep
        << " warning annotations per step and " << kShownPerJob
        << " per job, so the worst come first and every finding is in this log";
  }
  out << '\n';
  if (context.step_summary_path.empty()) return;
  std::ofstream summary(context.step_summary_path, std::ios::binary | std::ios::app);
  if (summary) {
    write_github_summary(summary, report, sources, context.blob_url);
    summary.flush();
  }
  if (!summary) {
    errors << "fwlint: cannot write the job summary to " << context.step_summary_path
           << " (GITHUB_STEP_SUMMARY); the annotations are complete without it\n";
  }
}

}  // namespace fwlint
