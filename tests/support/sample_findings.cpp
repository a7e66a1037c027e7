#include "support/sample_findings.h"

namespace fwlint::testing {

std::pair<uint32_t, uint32_t> position(const std::string& text, const std::string& line_start,
                                       const std::string& needle) {
  size_t line_begin = text.starts_with(line_start) ? 0 : text.find("\n" + line_start) + 1;
  size_t at = text.find(needle, line_begin);
  uint32_t line = 1;
  for (size_t i = 0; i < line_begin; ++i) line += text[i] == '\n' ? 1 : 0;
  return {line, static_cast<uint32_t>(at - line_begin + 1)};
}

const Finding* finding_at(const LintReport& report, std::string_view id,
                          std::pair<uint32_t, uint32_t> at, std::optional<uint32_t> file) {
  for (const Finding& finding : report.findings) {
    if (finding.check_id == id && finding.span.line == at.first &&
        finding.span.column == at.second && (!file || finding.span.file == *file)) {
      return &finding;
    }
  }
  return nullptr;
}

}  // namespace fwlint::testing
