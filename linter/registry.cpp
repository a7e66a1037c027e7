#include "linter/registry.h"

#include <algorithm>

#include "linter/registry_data.h"

namespace fwlint {

std::string_view port_status_name(PortStatus status) {
  switch (status) {
    case PortStatus::kAssigned:
      return "assigned";
    case PortStatus::kReserved:
      return "reserved";
    case PortStatus::kUnassigned:
      return "unassigned";
    case PortStatus::kRemoved:
      return "removed";
  }
  return "?";
}

std::string_view Registry::date() const {
  return data_->date;
}

std::string_view registry_date() {
  return Registry::builtin().date();
}

PortInfo Registry::lookup(uint16_t port, Transport transport) const {
  PortInfo info;
  info.port = port;
  info.transport = transport;
  const std::span<const RegistryEntry> entries = data_->entries;
  // The last entry starting at or before (transport, port).
  auto after =
      std::upper_bound(entries.begin(), entries.end(), std::pair(transport, port),
                       [](const std::pair<Transport, uint16_t>& key, const RegistryEntry& e) {
                         return key < std::pair(e.transport, e.low);
                       });
  if (after == entries.begin()) return info;
  const RegistryEntry& entry = *(after - 1);
  if (entry.transport != transport || entry.high < port) return info;
  info.status = entry.status;
  info.service_names = data_->service_names.subspan(entry.names, entry.name_count);
  info.description = data_->descriptions[entry.description];
  if (entry.removal >= 0) info.removal = &data_->removals[static_cast<size_t>(entry.removal)];
  return info;
}

std::optional<uint16_t> Registry::resolve_service(std::string_view name,
                                                  Transport transport) const {
  const std::span<const ServiceIndexEntry> index = data_->service_index;
  auto compare = [&](const ServiceIndexEntry& e) {
    const int c = service_name_compare(data_->service_names[e.name], name);
    if (c != 0) return c;
    return e.transport == transport ? 0 : (e.transport < transport ? -1 : 1);
  };
  auto it = std::partition_point(index.begin(), index.end(),
                                 [&](const ServiceIndexEntry& e) { return compare(e) < 0; });
  if (it != index.end() && compare(*it) == 0) return it->port;
  // A name IANA took back still means its old port to the tools that resolve it from an old
  // services file; resolving it lets removed-port report the rule instead of a parse error.
  for (const Removal& removal : data_->removals) {
    if (removal.transport != transport || removal.ports.low != removal.ports.high) continue;
    std::string_view names = removal.former_name;
    for (size_t start = 0; start < names.size();) {
      size_t slash = std::min(names.find('/', start), names.size());
      if (service_name_compare(names.substr(start, slash - start), name) == 0) {
        return removal.ports.low;
      }
      start = slash + 1;
    }
  }
  return std::nullopt;
}

std::span<const Removal> Registry::removals() const {
  return data_->removals;
}

std::vector<uint16_t> Registry::removed_ports_in(PortInterval interval, Transport transport) const {
  std::vector<uint16_t> ports;
  // Removals are sorted by port and, per transport, disjoint: the result comes out ascending.
  for (const Removal& removal : data_->removals) {
    if (removal.transport != transport) continue;
    const uint32_t low = std::max(removal.ports.low, interval.low);
    const uint32_t high = std::min(removal.ports.high, interval.high);
    for (uint32_t port = low; port <= high; ++port) ports.push_back(static_cast<uint16_t>(port));
  }
  return ports;
}

}  // namespace fwlint
