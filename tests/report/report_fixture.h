// Reports for the output-format tests: the real Linter on tests/report fixtures, and hand-made
// findings for what real input does not produce (odd characters, very many findings).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "linter/engine.h"
#include "linter/report/reporters.h"

namespace fwlint::testing {

struct LintedReport {
  SourceManager sources;
  LintReport report;
};

// tests/report/findings.rules (an iptables-save dump with findings of every severity, text edits
// and a non-ASCII comment) and tests/report/variables.sh (a finding with related locations),
// linted from the source directory so that paths are relative.
std::unique_ptr<LintedReport> lint_report_fixtures();

// A finding of a catalogue check at `line:column-end_column` of `file`.
Finding make_finding(std::string_view id, std::string_view name, Severity severity, uint32_t file,
                     uint32_t line, uint32_t column, uint32_t end_column, std::string message);

using Writer = void (*)(std::ostream&, const LintReport&, const SourceManager&);
std::string render(Writer writer, const LintedReport& linted);

// A fresh empty directory under the system temp directory, removed by the destructor.
class ScratchDirectory {
 public:
  ScratchDirectory();
  ~ScratchDirectory();
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace fwlint::testing
