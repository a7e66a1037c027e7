// Reading the rule specification of an iptables command (everything after `-A CHAIN`) into the
// model: protocol, addresses, interfaces, ports, comment, target. Both front ends use it.
#pragma once

#include <span>
#include <vector>

#include "linter/finding.h"
#include "linter/model.h"
#include "linter/registry.h"
#include "parsers/iptables/arg.h"

namespace fwlint::iptables {

struct SpecContext {
  const SourceFile& file;
  const Registry& registry;
  std::vector<Finding>& diagnostics;
  bool scripted = false;  // a shell script: values may be variables without a literal value
};

struct SpecResult {
  bool looks_ipv4 = false;     // a dotted IPv4 address
  bool looks_ipv6 = false;     // an IPv6 address, icmpv6 or another IPv6-only match
  Family only = Family::kAny;  // `-4` / `-6`: the rule applies to that family only
};

// Fills the matches and the action of `rule` from `spec`. Ports come only from the port options
// of the tcp, udp, sctp, dccp and multiport matches; every other option is kept verbatim in
// rule.other_matches, grouped by the match that introduced it. Problems become FW1xxx
// diagnostics at the offending token; the rule is always filled as far as it can be, and a port
// value that could not be read marks its side `unresolved` rather than leaving it "any".
SpecResult read_rule_spec(const ArgList& list, std::span<const Arg> spec, SpecContext& context,
                          Rule& rule);

}  // namespace fwlint::iptables
