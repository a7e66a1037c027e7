#include "linter/fingerprint.h"

#include <cstdint>
#include <cstdio>

namespace fwlint {

namespace {

// FNV-1a, 64 bit: stable across platforms and releases, which std::hash is not.
uint64_t fnv1a(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  return hash;
}

std::string hex(uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

template <typename Match, typename Field>
void append_matches(std::string& out, const std::vector<Match>& matches, Field field) {
  for (const Match& match : matches) {
    out += match.negated ? "!" : "";
    out += match.*field;
    out += ',';
  }
  out += '|';
}

void append_ports(std::string& out, const PortSet& ports) {
  out += ports.negated ? "!" : "";
  for (const PortInterval& interval : ports.intervals()) {
    out += std::to_string(interval.low) + '-' + std::to_string(interval.high) + ',';
  }
  out += '|';
}

}  // namespace

std::string rule_identity(const Rule& rule) {
  std::string identity;
  identity += family_name(rule.family);
  identity += '|' + rule.table + '|' + rule.chain + '|';
  identity += rule.protocol_negated ? "!" : "";
  identity += rule.protocol + '|' + std::to_string(rule.transports.bits()) + '|';
  append_matches(identity, rule.sources, &AddressMatch::text);
  append_matches(identity, rule.destinations, &AddressMatch::text);
  append_matches(identity, rule.in_interfaces, &InterfaceMatch::name);
  append_matches(identity, rule.out_interfaces, &InterfaceMatch::name);
  append_ports(identity, rule.source_ports);
  append_ports(identity, rule.destination_ports);
  identity += verdict_name(rule.action.verdict);
  identity += '|' + rule.action.target + '|' + rule.name;
  return identity;
}

std::string rule_fingerprint(std::string_view check_id, const Rule& rule,
                             std::string_view token_text) {
  std::string basis(check_id);
  basis += '|';
  basis += token_text;
  basis += '|';
  basis += rule_identity(rule);
  return hex(fnv1a(basis));
}

std::string text_fingerprint(std::string_view check_id, std::string_view line_text) {
  size_t begin = line_text.find_first_not_of(" \t");
  size_t end = line_text.find_last_not_of(" \t\r");
  std::string basis(check_id);
  basis += '|';
  if (begin != std::string_view::npos) basis += line_text.substr(begin, end - begin + 1);
  return hex(fnv1a(basis));
}

}  // namespace fwlint
