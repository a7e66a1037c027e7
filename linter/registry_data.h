// The table layout behind Registry: what rules/data/iana_registry.inc defines and what
// fwlint-gen-registry writes. Internal to the registry; checks use linter/registry.h.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "linter/ports.h"
#include "linter/registry.h"

namespace fwlint {

// Consecutive ports of one transport that share every fact. Ports no entry covers are
// unassigned with no description.
struct RegistryEntry {
  uint16_t low;
  uint16_t high;
  Transport transport;
  PortStatus status;
  uint16_t name_count;  // names are Data::service_names[names, names + name_count)
  uint32_t names;
  uint32_t description;  // index into Data::descriptions
  int32_t removal;       // index into Data::removals, or -1
};

// Service name to port, for resolve_service().
struct ServiceIndexEntry {
  uint32_t name;  // index into Data::service_names
  Transport transport;
  uint16_t port;  // the lowest port IANA lists the name on for this transport
};

struct Registry::Data {
  std::string_view date;
  std::span<const std::string_view> descriptions;
  std::span<const std::string_view> service_names;   // each entry's names are contiguous
  std::span<const Removal> removals;                 // sorted by port, then transport
  std::span<const RegistryEntry> entries;            // sorted by transport, then low
  std::span<const ServiceIndexEntry> service_index;  // sorted by service_name_compare, transport
};

// ASCII case-insensitive three-way comparison; service names are ASCII (RFC 6335).
constexpr int service_name_compare(std::string_view a, std::string_view b) {
  auto lower = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 'A' && u <= 'Z' ? static_cast<unsigned char>(u - 'A' + 'a') : u;
  };
  const size_t n = a.size() < b.size() ? a.size() : b.size();
  for (size_t i = 0; i < n; ++i) {
    const unsigned char x = lower(a[i]);
    const unsigned char y = lower(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

}  // namespace fwlint
