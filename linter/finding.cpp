#include "linter/finding.h"

#include <tuple>

namespace fwlint {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "?";
}

std::optional<Severity> parse_severity(std::string_view name) {
  for (Severity s : {Severity::kInfo, Severity::kWarning, Severity::kError}) {
    if (severity_name(s) == name) return s;
  }
  return std::nullopt;
}

bool finding_less(const Finding& a, const Finding& b) {
  return std::tie(a.span.file, a.span.line, a.span.column, a.check_id, a.message) <
         std::tie(b.span.file, b.span.line, b.span.column, b.check_id, b.message);
}

}  // namespace fwlint
