#include "linter/check.h"

namespace fwlint {

extern const CheckDef kRemovedPort;
extern const CheckDef kRetiredService;
extern const CheckDef kRangeIncludesRemovedPort;

namespace {
// One line per check, sorted by id.
const CheckDef* const kAllChecks[] = {
    &kRemovedPort,               // FW2001
    &kRetiredService,            // FW2002
    &kRangeIncludesRemovedPort,  // FW2003
};
}  // namespace

std::span<const CheckDef* const> all_checks() {
  return kAllChecks;
}

}  // namespace fwlint
