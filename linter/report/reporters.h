// Reporters turn a LintReport into text for people or JSON for machines. They contain no
// per-check code: everything they print comes from the findings and the check metadata.
#pragma once

#include <ostream>

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

}  // namespace fwlint
