// How suggestions are phrased for iptables: multiport lists, `iptables -D` commands, and for
// scripts the lines to delete.
#pragma once

#include "linter/model.h"

namespace fwlint::iptables {

// rewrite_ports: a multiport list gets a new value; a single `--dport` that must become several
// intervals becomes `-m multiport --dports …`. multiport takes at most 15 ports (a range counts
// twice): when the kept list would exceed that, the option is kept and the dropped ports are
// excluded with an added `-m multiport ! --dports …`, which iptables accepts and which matches
// exactly the kept ports. For a scripted value that came through a variable or loop, the edit
// replaces the reference in the rule with the literal ports.
// delete_rule: `iptables -t TABLE -D CHAIN SPEC` (ip6tables for IPv6).
// restrict_transports: the statement with its protocol replaced, one statement per transport.
const Dialect& save_dialect();

// As save_dialect, except delete_rule names the script lines to delete.
const Dialect& script_dialect();

}  // namespace fwlint::iptables
