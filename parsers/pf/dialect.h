// How suggestions are phrased for pf.conf.
// rewrite_ports: the written port list or value with the dropped ports taken out (a range split
// around them), everything else kept as written. A port written in a macro is taken out of the
// macro's definition instead, so that the edit replaces the whole definition and shows the
// resulting text, the same for every rule that uses the macro; when that would leave the macro
// empty, the reference is taken out of the rule.
// delete_rule: "delete line N: `…`".
// restrict_transports: the statement with its `proto` value replaced.
#pragma once

#include "linter/model.h"

namespace fwlint::pf {

const Dialect& dialect();

}  // namespace fwlint::pf
