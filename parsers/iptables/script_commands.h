// Recognising what a simple command of a firewall script does: assign variables, or run
// iptables / ip6tables (directly, by path, or through a variable such as $IPT).
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "linter/model.h"
#include "parsers/iptables/shell_expand.h"
#include "parsers/iptables/shell_lexer.h"

namespace fwlint::iptables {

// Applies `NAME=value` words (and `export`/`local`/`readonly`/`declare NAME=value`) to
// `environment` when they are the whole command, and returns how many leading words are
// assignments (prefix assignments of another command only set its environment: not applied).
size_t apply_assignments(std::span<const Word> words, Environment& environment);

struct IptablesInvocation {
  size_t word = 0;  // the command word (iptables, /sbin/ip6tables, $IPT) in the words
  Family family = Family::kIpv4;
  std::vector<Field> extra_args;  // further words of the variable's value: IPT="iptables -w"
};

// Whether the command runs iptables or ip6tables, after `sudo` and similar prefixes. A variable
// counts when the script assigns it an iptables path, or when it is unknown here but named like
// one (IPT, IPTABLES, IP6T…) and followed by an option.
std::optional<IptablesInvocation> find_iptables(std::span<const Word> words,
                                                const Environment& environment);

}  // namespace fwlint::iptables
