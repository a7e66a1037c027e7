// The IANA Service Name and Transport Protocol Port Number Registry, compiled into the binary,
// and the curated overlay of services IANA still lists but whose product is gone.
// Neither reads the network or /etc/services.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "linter/ports.h"

namespace fwlint {

enum class PortStatus : uint8_t { kAssigned, kReserved, kUnassigned, kRemoved };
std::string_view port_status_name(PortStatus status);  // "assigned", "reserved", ...

// Facts about an assignment IANA removed or de-registered and has not given to anyone since.
struct Removal {
  PortInterval ports;
  Transport transport = Transport::kTcp;
  std::string_view former_name;  // empty when no source names it
  std::string_view removed_on;   // "2025-02-13", "2007-09", "A/B" (ISO 8601 interval), "../B"
  std::string_view kind;  // "removed", "deregistered", "deprecated", "reserved-after-removal"
  std::string_view iana_wording;  // IANA's own text
  std::string_view evidence;      // where each fact comes from
};

// What the registry says about one (port, transport).
struct PortInfo {
  uint16_t port = 0;
  Transport transport = Transport::kTcp;
  PortStatus status = PortStatus::kUnassigned;
  std::span<const std::string_view> service_names;  // empty unless assigned
  std::string_view description;                     // IANA's description of the record
  const Removal* removal = nullptr;                 // set exactly when status == kRemoved
};

class Registry {
 public:
  // The registry compiled into fwlint (rules/data/iana_registry.inc).
  static const Registry& builtin();

  std::string_view date() const;  // the registry's <updated> date, "2026-08-17"

  // O(1) or O(log n), no allocation.
  PortInfo lookup(uint16_t port, Transport transport) const;
  // Case-insensitive service name to port, from the registry only ("ssh" → 22 for tcp). A name
  // whose assignment IANA removed resolves to its former port ("compressnet" → 2).
  std::optional<uint16_t> resolve_service(std::string_view name, Transport transport) const;
  // Every removal, sorted by port then transport.
  std::span<const Removal> removals() const;
  // The removed ports inside `interval` for `transport`, ascending.
  std::vector<uint16_t> removed_ports_in(PortInterval interval, Transport transport) const;

  struct Data;  // defined in linter/registry_data.h
  explicit Registry(const Data* data) : data_(data) {}

 private:
  const Data* data_;
};

// Registry::builtin().date(): the IANA registry version fwlint was built with (for --version).
std::string_view registry_date();

// A service IANA still lists but that is retired in the world (rules/data/retired-services.toml).
struct RetiredService {
  uint16_t port = 0;
  TransportSet transports;
  std::string service;  // the IANA service name still registered ("tenfold")
  std::string product;  // what it was ("TenFold Corporation's application service")
  std::string retired;  // when and how it went away ("2008: TenFold merged into Versata")
  std::string summary;  // one sentence for findings
  std::vector<std::string> evidence;  // citations, one fact each
};

class RetiredServices {
 public:
  // The overlay compiled into fwlint.
  static const RetiredServices& builtin();
  // Parses overlay TOML; throws ConfigError naming source:line:column on bad input.
  static RetiredServices parse(std::string_view toml_text, std::string_view source_name);

  const RetiredService* find(uint16_t port, Transport transport) const;
  std::span<const RetiredService> all() const { return services_; }
  // Retired ports inside `interval` for `transport`, ascending.
  std::vector<uint16_t> ports_in(PortInterval interval, Transport transport) const;

 private:
  std::vector<RetiredService> services_;  // sorted by port
};

// A configuration or data file the user (or the build) supplied is wrong. Exit code 3.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace fwlint
