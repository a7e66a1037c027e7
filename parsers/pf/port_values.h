// pf port values: numbers (decimal or 0x hex) and service names, and what the port operators
// (`=`, `!=`, `<`, `<=`, `>`, `>=`, `a:b`, `a >< b`, `a <> b`) cover.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linter/check.h"
#include "linter/ports.h"
#include "linter/registry.h"

namespace fwlint::pf {

struct PortValue {
  std::optional<uint16_t> port;
  const CheckInfo* problem = nullptr;  // set when `port` is empty
  std::string message;
};

// A number, or a service name: from the IANA registry (which also knows names whose assignment
// was removed, `imap4-ssl` → 585) for the rule's transports first, then for tcp and udp whatever
// the rule's protocol (pfctl's getservice() asks for tcp, then udp), then the few names the BSDs'
// /etc/services add (`smtps`, `spamd`).
PortValue resolve_port(std::string_view text, TransportSet transports, const Registry& registry);

enum class PortOp : uint8_t {
  kEqual,         // 22, = 22
  kNotEqual,      // != 22
  kLess,          // < 1024
  kLessEqual,     // <= 1024
  kGreater,       // > 1024
  kGreaterEqual,  // >= 1024
  kRange,         // 600:700, both ends included
  kExclusive,     // 600 >< 700, both ends excluded
  kOutside,       // 600 <> 700, below 600 or above 700
};

// The operator an operator token stands for (unary or binary), if any.
std::optional<PortOp> port_op(std::string_view text);
// The ports an item covers; empty when it covers none (`< 0`, `28 >< 29`, `700:600`).
// kNotEqual gives the complement of `low`.
std::vector<PortInterval> op_intervals(PortOp op, uint16_t low, uint16_t high);

}  // namespace fwlint::pf
