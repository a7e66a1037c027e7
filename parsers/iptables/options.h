// The iptables options the front end interprets, and what each one needs.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "linter/model.h"

namespace fwlint::iptables {

enum class OptionKind : uint8_t {
  // Commands.
  kAppend,
  kInsert,
  kDelete,
  kReplace,
  kCheck,
  kNewChain,
  kDeleteChain,
  kFlush,
  kZero,
  kPolicy,
  kRenameChain,
  kList,
  kListRules,
  // Options that belong to the command, not the rule.
  kTable,
  kWait,      // -w [seconds]: the seconds are optional
  kCounters,  // -c PKTS BYTES
  kQuiet,     // -v, -n, -x, --line-numbers, --modprobe=...: change nothing in the rule
  // Rule matches and the target.
  kProtocol,
  kSource,
  kDestination,
  kInInterface,
  kOutInterface,
  kJump,
  kGoto,
  kMatch,
  kDestinationPort,   // --dport: one port or range
  kSourcePort,        // --sport
  kDestinationPorts,  // multiport --dports: a list
  kSourcePorts,       // multiport --sports
  kEitherPorts,       // multiport --ports: source or destination
  kComment,
  kKnownOther,  // an option whose argument count is known but which is kept verbatim
};

struct OptionInfo {
  OptionKind kind;
  uint8_t arity;  // arguments taken (for kWait: at most)
};

// `name` without its dashes: "dport", "p".
std::optional<OptionInfo> find_long_option(std::string_view name);
std::optional<OptionInfo> find_short_option(char letter);

bool is_command(OptionKind kind);

// The verdict of a `-j` target: the built-in verdicts and the extension targets iptables ships;
// nullopt for anything else, which is then a user chain.
std::optional<Verdict> target_verdict(std::string_view target);

// The built-in chains of a table ("filter" → INPUT, FORWARD, OUTPUT); false for unknown tables.
bool is_builtin_chain(std::string_view table, std::string_view chain);
bool is_known_table(std::string_view table);

Direction chain_direction(std::string_view chain);

}  // namespace fwlint::iptables
