// The command of an iptables invocation or iptables-restore line: which command (-A, -I, -P…),
// its chain and parameters, the table option, and the arguments that form the rule.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "linter/finding.h"
#include "linter/source.h"
#include "parsers/iptables/arg.h"
#include "parsers/iptables/options.h"

namespace fwlint::iptables {

struct Command {
  const Arg* command = nullptr;  // the -A / --append argument; null when the line has none
  OptionKind kind = OptionKind::kAppend;
  std::string_view chain;  // the chain as iptables sees it; empty when none was given
  std::string_view chain_written;
  const Arg* chain_arg = nullptr;
  std::string_view position;  // -I CHAIN 3, -R CHAIN 3, -D CHAIN 3
  std::string_view position_written;
  const Arg* policy = nullptr;  // -P CHAIN POLICY
  const Arg* table_option = nullptr;
  std::string_view table;  // -t TABLE
  std::vector<Arg> spec;   // the rule specification, command options removed
};

// Splits `args` into the command and the rule specification. Problems (a second command, a
// command without its chain) are reported into `diagnostics`.
void read_command(std::span<const Arg> args, const SourceFile& file, Command& command,
                  std::vector<Finding>& diagnostics);

bool takes_rule(OptionKind kind);  // -A, -I: the commands that add a rule

}  // namespace fwlint::iptables
