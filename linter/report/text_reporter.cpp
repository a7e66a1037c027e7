#include <algorithm>
#include <array>

#include "linter/report/reporters.h"

namespace fwlint {

namespace {

struct Palette {
  bool enabled;
  std::string_view wrap(std::string_view code) const { return enabled ? code : ""; }
  std::string_view bold() const { return wrap("\033[1m"); }
  std::string_view reset() const { return wrap("\033[0m"); }
  std::string_view green() const { return wrap("\033[32m"); }
  std::string_view cyan() const { return wrap("\033[36m"); }
  std::string_view severity(Severity severity) const {
    switch (severity) {
      case Severity::kError:
        return wrap("\033[1;31m");
      case Severity::kWarning:
        return wrap("\033[1;33m");
      case Severity::kInfo:
        return wrap("\033[1;34m");
    }
    return "";
  }
};

std::string location(const SourceManager& sources, const SourceSpan& span) {
  return sources.file(span.file).path() + ":" + std::to_string(span.line) + ":" +
         std::to_string(span.column);
}

// The excerpt keeps tabs in the marker line so the caret stays under the token.
void write_excerpt(std::ostream& out, const SourceFile& file, const SourceSpan& span,
                   const Palette& palette) {
  std::string_view line = file.line_text(span.line);
  if (line.empty() && span.column <= 1) return;
  std::string number = std::to_string(span.line);
  std::string gutter(number.size(), ' ');
  out << ' ' << number << " | " << line << '\n';
  out << ' ' << gutter << " | ";
  size_t start = std::min<size_t>(span.column - 1, line.size());
  for (size_t i = 0; i < start; ++i) out << (line[i] == '\t' ? '\t' : ' ');
  size_t end =
      span.end_line == span.line ? std::min<size_t>(span.end_column - 1, line.size()) : line.size();
  size_t width = std::max<size_t>(1, end > start ? end - start : 1);
  out << palette.green() << '^' << std::string(width - 1, '~') << palette.reset() << '\n';
}

}  // namespace

void write_text_report(std::ostream& out, const LintReport& report, const SourceManager& sources,
                       const TextStyle& style) {
  Palette palette{style.color};
  std::array<size_t, 3> counts{};
  for (const Finding& finding : report.findings) {
    ++counts[static_cast<size_t>(finding.severity)];
    out << palette.bold() << location(sources, finding.span) << ": " << palette.reset()
        << palette.severity(finding.severity) << severity_name(finding.severity) << '['
        << finding.check_id << ']' << palette.reset() << ": " << finding.message << '\n';
    if (style.quiet) continue;
    write_excerpt(out, sources.file(finding.span.file), finding.span, palette);
    if (!finding.suggestion.empty()) {
      out << "  " << palette.cyan() << "suggestion:" << palette.reset() << ' ' << finding.suggestion
          << '\n';
    }
    for (const RelatedLocation& related : finding.related) {
      out << "  note: " << location(sources, related.span) << ": " << related.message << '\n';
    }
  }
  if (style.quiet) return;
  size_t rules = 0;
  for (const InputOutcome& input : report.inputs) rules += input.rule_count;
  auto plural = [](size_t n, std::string_view word) {
    return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
  };
  out << plural(counts[2], "error") << ", " << plural(counts[1], "warning") << ", " << counts[0]
      << " info in " << plural(report.inputs.size(), "file") << " (" << plural(rules, "rule")
      << ")\n";
}

}  // namespace fwlint
