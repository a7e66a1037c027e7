// What checks and parsers report.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linter/source.h"

namespace fwlint {

enum class Severity : uint8_t { kInfo, kWarning, kError };
std::string_view severity_name(Severity severity);  // "info", "warning", "error"
std::optional<Severity> parse_severity(std::string_view name);

struct TextEdit {
  SourceSpan span;
  std::string replacement;
};

struct RelatedLocation {
  SourceSpan span;
  std::string message;
};

// One rule that uses a shared definition: "accepting" and "filter input".
struct RuleUse {
  std::string_view verdict;  // an adjective (static), or empty when the verdict says nothing
  std::string place;         // table and chain
  friend bool operator==(const RuleUse&, const RuleUse&) = default;
};

struct Finding {
  std::string_view check_id;    // "FW2001"; static storage
  std::string_view check_name;  // "removed-port"; static storage
  Severity severity = Severity::kWarning;
  SourceSpan span;       // the offending token
  SourceSpan rule_span;  // the statement it belongs to; where inline suppressions are looked for
  std::string message;
  std::string suggestion;
  std::vector<RelatedLocation> related;
  std::vector<TextEdit> edits;  // applying all of them carries out the suggestion
  // For a port written in a shared definition (a set, define, macro or variable): its name and
  // the rules that use it, which merge_shared_findings counts in the message.
  std::string shared_name;
  std::vector<RuleUse> shared_users;
  // Stable identity across line moves and reformatting: built from what the rule matches, not
  // from where it stands (linter/fingerprint.h). Baselines and SARIF partialFingerprints use it.
  std::string fingerprint;
};

// Deterministic report order: file, line, column, id, message.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace fwlint
