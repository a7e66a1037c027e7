// Splitting a line of an iptables-save / iptables-restore file into arguments, the way
// iptables-restore does it.
#pragma once

#include <string_view>

#include "parsers/iptables/arg.h"

namespace fwlint::iptables {

// Appends the arguments of `line` (a view into the file) to `out`. Blanks separate arguments;
// double or single quotes group (also in the middle of a word); inside double quotes a backslash
// escapes the next character. Returns the opening quote of an unterminated string, or an empty
// view when the line is well formed (the unterminated string then runs to the end of the line).
std::string_view split_restore_line(std::string_view line, ArgList& out);

}  // namespace fwlint::iptables
