// Fingerprints identify a finding by what the rule matches (family, table, chain, protocol,
// addresses, interfaces, ports, verdict), the offending token and the check id — never by line
// or column — so that moving or reformatting rules does not re-open baselined findings.
#pragma once

#include <string>
#include <string_view>

#include "linter/finding.h"
#include "linter/model.h"

namespace fwlint {

// The normalized matches of a rule, independent of spelling and position.
std::string rule_identity(const Rule& rule);
// A 16-hex-digit fingerprint of a check's finding on `token_text` in `rule`.
std::string rule_fingerprint(std::string_view check_id, const Rule& rule,
                             std::string_view token_text);
// The fingerprint of an input diagnostic: the check id and the offending line's text.
std::string text_fingerprint(std::string_view check_id, std::string_view line_text);

}  // namespace fwlint
