// Port values as nft reads them: decimal or 0x hexadecimal numbers (a leading 0 is still
// decimal), `low-high` ranges, and service names, which fwlint resolves from the IANA registry
// rather than the host's /etc/services.
#pragma once

#include <string>
#include <string_view>

#include "linter/check.h"
#include "linter/ports.h"
#include "linter/registry.h"

namespace fwlint::nft {

struct PortValue {
  PortInterval interval;
  const CheckInfo* problem = nullptr;  // kInvalidPort or kUnknownServiceName when unresolved
  std::string message;

  bool ok() const { return problem == nullptr; }
};

// One number, range (`600-700`), service name, or `*` (a map's catch-all element). Names are looked
// up for the transports of `transports` in order (tcp, udp, sctp, dccp), or for all of them when it
// is empty.
PortValue port_value(std::string_view word, TransportSet transports, const Registry& registry);
// A range written with blanks around its dash (`8888 - 8999`).
PortValue port_range(std::string_view low, std::string_view high, TransportSet transports,
                     const Registry& registry);

}  // namespace fwlint::nft
