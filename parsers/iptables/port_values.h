// Port values as iptables reads them: numbers in C notation (0x hex, leading-0 octal), service
// names resolved per transport from the IANA registry (never /etc/services), `a:b` ranges with
// either bound optional.
#pragma once

#include <string>
#include <string_view>

#include "linter/ports.h"
#include "linter/registry.h"

namespace fwlint::iptables {

enum class PortProblem : uint8_t {
  kNone,
  kOutOfRange,      // a number above 65535, or digits iptables does not read as a number
  kReversed,        // "5:3"
  kUnknownService,  // a name the registry does not list for the rule's transports
  kEmpty,           // an empty list entry ("22,,80")
};

struct PortValue {
  PortInterval interval;
  PortProblem problem = PortProblem::kNone;
  std::string_view culprit;  // the part of the text the problem is about
  std::string message;       // set when problem != kNone
};

// One port or range ("22", "600:700", ":1023", "1024:", "ssh", "ftp-data:ftp").
// Names are looked up for each transport of `transports` in order (tcp, udp, sctp, dccp), or
// for all of them when the set is empty.
PortValue parse_port_range(std::string_view text, TransportSet transports,
                           const Registry& registry);

}  // namespace fwlint::iptables
