// The fwlint subcommands besides linting itself.
#pragma once

#include <ostream>
#include <string>

namespace fwlint {

// Documented exit codes.
enum class ExitCode : int { kClean = 0, kFindings = 1, kInputFailed = 2, kUsage = 3 };

// `fwlint explain ID|NAME|PORT[/PROTO]`: a check's documentation, or the registry's and the
// overlay's facts about a port, each with its source.
ExitCode run_explain(const std::string& subject, std::ostream& out, std::ostream& err);
// `fwlint rules`: the catalogue of checks and input diagnostics.
ExitCode run_rules(const std::string& format, std::ostream& out);

}  // namespace fwlint
