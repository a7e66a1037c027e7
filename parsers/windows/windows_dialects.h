// Suggestions in Windows' own terms. netsh dumps and PowerShell exports are read-outs of a
// machine's policy, so besides the edit of the file the findings carry the netsh or PowerShell
// command that makes the change on the machine; a .reg file is re-imported, so its suggestion is
// the rule string itself with the port taken out.
#pragma once

#include "linter/model.h"

namespace fwlint::windows {

const Dialect& netsh_dialect();
const Dialect& registry_dialect();
const Dialect& powershell_dialect();  // CSV and JSON exports

}  // namespace fwlint::windows
