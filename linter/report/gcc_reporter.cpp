#include "linter/report/report_support.h"
#include "linter/report/reporters.h"

namespace fwlint {

namespace {

// Editors' error parsers read one diagnostic per line.
std::string one_line(std::string_view text) {
  std::string line(text);
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return line;
}

}  // namespace

void write_gcc_report(std::ostream& out, const LintReport& report, const SourceManager& sources) {
  for (const Finding& finding : report.findings) {
    out << sources.file(finding.span.file).path() << ':' << finding.span.line << ':'
        << finding.span.column << ": " << compiler_level(finding.severity) << ": "
        << one_line(finding.message) << " [" << finding.check_id << "]\n";
  }
}

}  // namespace fwlint
