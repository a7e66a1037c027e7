// Reads IANA's registry file (service-names-port-numbers.xml) and derives what Registry serves
// for every (port, transport). fwlint-gen-registry writes rules/data/iana_registry.inc from it;
// the same code can load a newer registry file at run time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linter/ports.h"
#include "linter/registry.h"
#include "linter/registry_csv.h"

namespace fwlint {

// Consecutive ports of one transport that share every fact.
struct RegistryRun {
  PortInterval ports;
  Transport transport = Transport::kTcp;
  PortStatus status = PortStatus::kUnassigned;
  std::vector<std::string> service_names;  // IANA's spelling, in registry order
  std::string description;                 // IANA's text, whitespace runs collapsed
  int32_t removal = -1;                    // index into RegistryTables::removals
};

struct ServiceNameEntry {
  std::string name;  // IANA's spelling
  Transport transport = Transport::kTcp;
  uint16_t port = 0;  // the lowest port the name is listed on for this transport
};

struct RegistryTables {
  std::string date;                        // the registry's <updated>
  std::vector<RemovalRow> removals;        // sorted by port, then transport
  std::vector<RegistryRun> runs;           // sorted by transport, then port
  std::vector<ServiceNameEntry> services;  // sorted by service_name_compare, then transport
  std::vector<std::string> warnings;       // removals the registry contradicts, records skipped
};

// Status per (port, transport): removed when `removals` lists it (those facts win: the table
// lists only assignments IANA has not given away since, and a contradiction becomes a warning);
// else assigned when a record names a service there; else reserved when a record's description
// says "Reserved"; else unassigned. A record without a protocol covers TCP and UDP. Ports that
// no record and no removal mention get no run. Throws ConfigError naming the source, line and
// column when the XML is malformed or is not the registry, or when removals overlap.
RegistryTables build_registry_tables(std::string_view xml_text, std::string_view xml_source,
                                     std::vector<RemovalRow> removals,
                                     std::string_view removals_source);

}  // namespace fwlint
