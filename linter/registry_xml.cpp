#include "linter/registry_xml.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <deque>
#include <optional>
#include <pugixml.hpp>

#include "linter/registry_data.h"

namespace fwlint {
namespace {

constexpr size_t kPortCount = 65536;
constexpr size_t kTransportCount = std::size(kAllTransports);

std::string location(std::string_view text, std::string_view source, size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const size_t line = static_cast<size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
  const size_t line_start =
      before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  return std::string(source) + ":" + std::to_string(line) + ":" +
         std::to_string(offset - line_start + 1);
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// The text of an element and its children (IANA puts <br/> and <xref/> inside descriptions),
// with each whitespace run, element boundaries included, turned into one space.
void append_text(pugi::xml_node node, std::string& out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      for (char c : std::string_view(child.value())) {
        if (!is_space(c)) {
          out += c;
        } else if (!out.empty() && out.back() != ' ') {
          out += ' ';
        }
      }
    } else if (child.type() == pugi::node_element) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      append_text(child, out);
    }
  }
}

std::string collapsed_text(pugi::xml_node node) {
  std::string text;
  append_text(node, text);
  return std::string(trim(text));
}

std::optional<uint16_t> parse_port(std::string_view text) {
  unsigned value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value > 65535) return std::nullopt;
  return static_cast<uint16_t>(value);
}

// "80" or "6665-6669".
std::optional<PortInterval> parse_number(std::string_view text) {
  const size_t dash = text.find('-');
  const std::optional<uint16_t> low = parse_port(text.substr(0, dash));
  const std::optional<uint16_t> high =
      dash == std::string_view::npos ? low : parse_port(text.substr(dash + 1));
  if (!low || !high || *high < *low) return std::nullopt;
  return PortInterval{*low, *high};
}

bool says_reserved(std::string_view description) {
  constexpr std::string_view kReserved = "reserved";
  return service_name_compare(description.substr(0, kReserved.size()), kReserved) == 0;
}

// What the records say about one (port, transport). Views point into the parsed document or
// the description pool, both alive while the tables are built.
struct PortFacts {
  std::vector<std::string_view> names;
  std::string_view named_description;  // the first named record's
  std::string_view reserved_description;
  std::string_view first_description;
  bool has_record = false;
};

struct Facts {
  std::vector<PortFacts> ports;  // kTransportCount * kPortCount, by transport then port
  PortFacts& at(Transport t, uint16_t port) {
    return ports[static_cast<size_t>(t) * kPortCount + port];
  }
};

void read_records(pugi::xml_node registry, std::string_view xml_text, std::string_view xml_source,
                  Facts& facts, std::deque<std::string>& pool, std::vector<std::string>& warnings) {
  for (pugi::xml_node record : registry.children("record")) {
    const std::string_view number = trim(record.child_value("number"));
    if (number.empty()) continue;  // a service name without a port (DNS-SD only)
    const std::optional<PortInterval> ports = parse_number(number);
    if (!ports) {
      const pugi::xml_node text = record.child("number").first_child();
      throw ConfigError(location(xml_text, xml_source, static_cast<size_t>(text.offset_debug())) +
                        ": invalid port number \"" + std::string(number) + "\"");
    }
    TransportSet transports;
    const std::string_view protocol = trim(record.child_value("protocol"));
    if (protocol.empty()) {
      transports.add(Transport::kTcp);
      transports.add(Transport::kUdp);
    } else if (std::optional<Transport> t = parse_transport(protocol)) {
      transports.add(*t);
    } else {
      warnings.push_back(
          location(xml_text, xml_source, static_cast<size_t>(record.offset_debug())) +
          ": skipped a record for unknown protocol \"" + std::string(protocol) + "\"");
      continue;
    }
    const std::string_view name = trim(record.child_value("name"));
    const std::string_view description =
        pool.emplace_back(collapsed_text(record.child("description")));
    for (Transport t : kAllTransports) {
      if (!transports.contains(t)) continue;
      for (uint32_t port = ports->low; port <= ports->high; ++port) {
        PortFacts& f = facts.at(t, static_cast<uint16_t>(port));
        if (!f.has_record) f.first_description = description;
        f.has_record = true;
        if (!name.empty()) {
          if (f.names.empty()) f.named_description = description;
          if (std::find(f.names.begin(), f.names.end(), name) == f.names.end()) {
            f.names.push_back(name);
          }
        } else if (says_reserved(description) && f.reserved_description.empty()) {
          f.reserved_description = description;
        }
      }
    }
  }
}

bool removal_less(const RemovalRow& a, const RemovalRow& b) {
  if (a.ports.low != b.ports.low) return a.ports.low < b.ports.low;
  if (a.transport != b.transport) return a.transport < b.transport;
  return a.ports.high < b.ports.high;
}

// removal_at[transport * kPortCount + port]: index into `removals`, or -1.
std::vector<int32_t> index_removals(const std::vector<RemovalRow>& removals,
                                    std::string_view removals_source) {
  std::vector<int32_t> removal_at(kTransportCount * kPortCount, -1);
  for (size_t i = 0; i < removals.size(); ++i) {
    const RemovalRow& row = removals[i];
    for (uint32_t port = row.ports.low; port <= row.ports.high; ++port) {
      int32_t& slot = removal_at[static_cast<size_t>(row.transport) * kPortCount + port];
      if (slot >= 0) {
        throw ConfigError(std::string(removals_source) + ":" + std::to_string(row.line) + ": " +
                          std::to_string(port) + "/" + std::string(transport_name(row.transport)) +
                          " is already listed on line " + std::to_string(removals[slot].line));
      }
      slot = static_cast<int32_t>(i);
    }
  }
  return removal_at;
}

struct PortView {
  PortStatus status = PortStatus::kUnassigned;
  std::span<const std::string_view> names;
  std::string_view description;
  int32_t removal = -1;

  bool same_facts(const PortView& o) const {
    return status == o.status && description == o.description && removal == o.removal &&
           std::equal(names.begin(), names.end(), o.names.begin(), o.names.end());
  }
};

PortView view_port(const PortFacts& f, int32_t removal) {
  if (removal >= 0) return {PortStatus::kRemoved, {}, f.first_description, removal};
  if (!f.names.empty()) return {PortStatus::kAssigned, f.names, f.named_description, -1};
  if (!f.reserved_description.empty())
    return {PortStatus::kReserved, {}, f.reserved_description, -1};
  return {PortStatus::kUnassigned, {}, f.first_description, -1};
}

std::vector<ServiceNameEntry> index_service_names(const std::vector<RegistryRun>& runs) {
  std::vector<ServiceNameEntry> all;
  for (const RegistryRun& run : runs) {
    for (const std::string& name : run.service_names) {
      all.push_back({name, run.transport, run.ports.low});
    }
  }
  // Stable, so that among equal names the lowest port (then registry order) comes first.
  std::stable_sort(all.begin(), all.end(),
                   [](const ServiceNameEntry& a, const ServiceNameEntry& b) {
                     const int c = service_name_compare(a.name, b.name);
                     if (c != 0) return c < 0;
                     if (a.transport != b.transport) return a.transport < b.transport;
                     return a.port < b.port;
                   });
  std::vector<ServiceNameEntry> unique;
  for (ServiceNameEntry& entry : all) {
    if (!unique.empty() && unique.back().transport == entry.transport &&
        service_name_compare(unique.back().name, entry.name) == 0) {
      continue;
    }
    unique.push_back(std::move(entry));
  }
  return unique;
}

}  // namespace

RegistryTables build_registry_tables(std::string_view xml_text, std::string_view xml_source,
                                     std::vector<RemovalRow> removals,
                                     std::string_view removals_source) {
  pugi::xml_document document;
  const pugi::xml_parse_result parsed = document.load_buffer(
      xml_text.data(), xml_text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    throw ConfigError(location(xml_text, xml_source, static_cast<size_t>(parsed.offset)) + ": " +
                      parsed.description());
  }
  const pugi::xml_node registry = document.child("registry");
  if (!registry ||
      std::string_view(registry.attribute("id").value()) != "service-names-port-numbers") {
    throw ConfigError(std::string(xml_source) +
                      ": not IANA's service-names-port-numbers registry (no <registry "
                      "id=\"service-names-port-numbers\">)");
  }

  RegistryTables tables;
  tables.date = trim(registry.child_value("updated"));
  if (tables.date.empty())
    throw ConfigError(std::string(xml_source) + ": the registry has no <updated> date");

  Facts facts{std::vector<PortFacts>(kTransportCount * kPortCount)};
  std::deque<std::string> pool;
  read_records(registry, xml_text, xml_source, facts, pool, tables.warnings);

  std::sort(removals.begin(), removals.end(), removal_less);
  const std::vector<int32_t> removal_at = index_removals(removals, removals_source);

  for (Transport t : kAllTransports) {
    // The facts of tables.runs.back(), while the next port can still extend it.
    bool open = false;
    PortView last;
    for (uint32_t p = 0; p < kPortCount; ++p) {
      const auto port = static_cast<uint16_t>(p);
      const PortFacts& f = facts.at(t, port);
      const int32_t removal = removal_at[static_cast<size_t>(t) * kPortCount + port];
      if (removal >= 0 && !f.names.empty()) {
        const RemovalRow& row = removals[static_cast<size_t>(removal)];
        tables.warnings.push_back(std::string(removals_source) + ":" + std::to_string(row.line) +
                                  ": " + std::to_string(port) + "/" +
                                  std::string(transport_name(t)) +
                                  " is listed as removed but the registry assigns it to \"" +
                                  std::string(f.names.front()) + "\"; the removal wins");
      }
      if (!f.has_record && removal < 0) {
        open = false;
        continue;
      }
      const PortView view = view_port(f, removal);
      if (open && last.same_facts(view)) {
        tables.runs.back().ports.high = port;
        continue;
      }
      open = true;
      last = view;
      tables.runs.push_back(RegistryRun{
          .ports = {port, port},
          .transport = t,
          .status = view.status,
          .service_names = std::vector<std::string>(view.names.begin(), view.names.end()),
          .description = std::string(view.description),
          .removal = view.removal,
      });
    }
  }
  tables.services = index_service_names(tables.runs);
  tables.removals = std::move(removals);
  return tables;
}

}  // namespace fwlint
