#include "report/report_fixture.h"

#include <unistd.h>

#include <sstream>

#include "support/golden.h"

namespace fwlint::testing {

namespace fs = std::filesystem;

std::unique_ptr<LintedReport> lint_report_fixtures() {
  auto linted = std::make_unique<LintedReport>();
  fs::path previous = fs::current_path();
  fs::current_path(source_dir());
  Linter linter(linted->sources, Registry::builtin(), RetiredServices::builtin(), {});
  linted->report =
      linter.lint({{"tests/report/findings.rules", true}, {"tests/report/variables.sh", true}});
  fs::current_path(previous);
  return linted;
}

Finding make_finding(std::string_view id, std::string_view name, Severity severity, uint32_t file,
                     uint32_t line, uint32_t column, uint32_t end_column, std::string message) {
  Finding finding;
  finding.check_id = id;
  finding.check_name = name;
  finding.severity = severity;
  finding.span = {file, line, column, line, end_column};
  finding.message = std::move(message);
  return finding;
}

std::string render(Writer writer, const LintedReport& linted) {
  std::ostringstream out;
  writer(out, linted.report, linted.sources);
  return out.str();
}

ScratchDirectory::ScratchDirectory() {
  std::string pattern = (fs::temp_directory_path() / "fwlint-report-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

ScratchDirectory::~ScratchDirectory() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

}  // namespace fwlint::testing
