// Reporters turn a LintReport into text for people or JSON for machines. They contain no
// per-check code: everything they print comes from the findings and the check metadata.
#pragma once

#include <ostream>
#include <span>
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

// Counts per check, most frequent first (`--statistics`).
void write_statistics(std::ostream& out, const LintReport& report);

// The --format values, in the order --help lists them.
std::span<const std::string_view> report_formats();
// Writes `report` in one of report_formats().
void write_report(std::string_view format, std::ostream& out, const LintReport& report,
                  const SourceManager& sources, const TextStyle& style);

}  // namespace fwlint
