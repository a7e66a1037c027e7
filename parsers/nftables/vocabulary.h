// The words of nft's grammar that the front ends need to tell statements apart, and what they
// mean for the model (families, hooks, verdicts, transport protocols).
#pragma once

#include <optional>
#include <string_view>

#include "linter/model.h"
#include "linter/ports.h"

namespace fwlint::nft {

// `ip`, `ip6`, `inet`, `arp`, `bridge`, `netdev`.
bool is_family(std::string_view word);
Family family_of(std::string_view word);
// The nft family word for delete commands ("ip", "ip6", "inet").
std::string_view family_word(Family family);

Direction direction_of_hook(std::string_view hook);

// A verdict word (`accept`, `drop`, `reject`, `jump`, `goto`, `return`, `continue`, `queue`) and
// the NAT statements (`dnat`, `snat`, `masquerade`, `redirect`).
std::optional<Verdict> verdict_of(std::string_view word);

// `tcp`, `udp`, `sctp`, `dccp` and their IANA protocol numbers (6, 17, 132, 33).
std::optional<Transport> transport_of_protocol(std::string_view word);

// Protocol headers that a payload expression starts with (`tcp`, `ip`, `ether`, `vxlan`, …).
bool is_header(std::string_view word);
// `vxlan`, `geneve`, `gre`, `gretap`: the header expressions after them match the inner packet.
bool is_tunnel(std::string_view word);
// Meta keys that may be written without `meta` (`iifname`, `mark`, …).
bool is_bare_meta_key(std::string_view word);
// Words that begin an expression or a statement inside a rule: where the arguments of the
// previous statement stop.
bool starts_statement(std::string_view word);
// Relational operators, in symbols or words (`==`, `ne`, `<`, …).
bool is_relational_operator(std::string_view word);
// Binary operators on the left-hand side (`&`, `and`, `<<`, …).
bool is_binary_operator(std::string_view word);

}  // namespace fwlint::nft
