// Inline suppressions, in whatever comment channel the format has (an iptables
// `--comment`, an nft or pf `#` comment, a Windows rule description), on the rule itself or on a
// comment line directly above it:
//   fwlint: disable=FW2001,retired-service reason="ERP still needs it" until=2027-06-30
// A suppression without a reason still works but is reported; an expired one stops working and
// is reported; one that suppresses nothing, or names no check, is reported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linter/finding.h"
#include "linter/source.h"

namespace fwlint {

struct Suppression {
  SourceSpan span;                  // the directive, from "fwlint:" to its end
  std::vector<std::string> checks;  // ids or names as written
  std::string reason;
  std::string until;  // YYYY-MM-DD, or empty for no expiry
};

std::vector<Suppression> find_suppressions(const SourceFile& file);

// Removes the findings that suppressions in `file` cover and adds the findings about the
// suppressions themselves. `today` is YYYY-MM-DD.
void apply_suppressions(const SourceFile& file, std::string_view today,
                        std::vector<Finding>& findings);

}  // namespace fwlint
