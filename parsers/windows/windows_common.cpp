#include "parsers/windows/windows_common.h"

#include <algorithm>
#include <charconv>

#include "linter/diagnostics.h"

namespace fwlint::windows {

namespace {

// [MS-FASP] FW_PORT_KEYWORD in the spellings of the registry, netsh and PowerShell
// (../shared/formats/windows-firewall.md, "Port keyword spellings").
constexpr std::string_view kPortKeywords[] = {
    "RPC",        "RPC-EPMap", "RPCEPMap",   "Teredo",    "IPHTTPS",  "IPHTTPSIn",
    "IPHTTPSOut", "IPTLS",     "IPTLSIn",    "IPTLSOut",  "Ply2Disc", "PlayToDiscovery",
    "mDNS",       "DHCP",      "CortanaOut", "TcpCDPSvc",
};

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A decimal port; nullopt when it does not fit 0..65535.
std::optional<uint16_t> port_number(std::string_view digits) {
  unsigned value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || value > 65535) {
    return std::nullopt;
  }
  return static_cast<uint16_t>(value);
}

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
    if (x != y) return false;
  }
  return true;
}

std::string_view trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return text.substr(text.size());
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end + 1 - begin);
}

bool is_port_keyword(std::string_view text) {
  return std::any_of(std::begin(kPortKeywords), std::end(kPortKeywords),
                     [&](std::string_view keyword) { return iequals(keyword, text); });
}

std::optional<int> protocol_number(std::string_view text) {
  if (iequals(text, "TCP")) return 6;
  if (iequals(text, "UDP")) return 17;
  if (iequals(text, "ICMPv4")) return 1;
  if (iequals(text, "ICMPv6")) return 58;
  if (!all_digits(text) || text.size() > 3) return std::nullopt;
  int number = 0;
  std::from_chars(text.data(), text.data() + text.size(), number);
  if (number > 255) return std::nullopt;
  return number;
}

TransportSet transports_for(std::optional<int> protocol) {
  TransportSet transports;
  if (!protocol || *protocol == 6) transports.add(Transport::kTcp);
  if (!protocol || *protocol == 17) transports.add(Transport::kUdp);
  return transports;
}

void Diagnostics::error(const CheckInfo& kind, SourceSpan span, std::string message) {
  out_.push_back(make_diagnostic(kind, span, std::move(message)));
  out_.back().severity = Severity::kError;
}

void Diagnostics::warning(const CheckInfo& kind, SourceSpan span, std::string message) {
  out_.push_back(make_diagnostic(kind, span, std::move(message)));
  out_.back().severity = Severity::kWarning;
}

void Diagnostics::warning_once(std::string_view key, const CheckInfo& kind, SourceSpan span,
                               std::string message) {
  if (!reported_.emplace(key).second) return;
  warning(kind, span, std::move(message));
}

void add_port_item(const SourceFile& file, std::string_view item, PortSet& ports,
                   Diagnostics& diagnostics) {
  SourceSpan span = file.span(item);
  if (all_digits(item)) {
    if (std::optional<uint16_t> port = port_number(item)) {
      ports.tokens.push_back({span, std::string(item), {*port, *port}, {}});
      return;
    }
    diagnostics.error(kInvalidPort, span,
                      "port " + std::string(item) + " is outside 0-65535; fwlint ignored it");
    ports.unresolved = true;
    return;
  }
  if (size_t dash = item.find('-'); dash != std::string_view::npos &&
                                    all_digits(item.substr(0, dash)) &&
                                    all_digits(item.substr(dash + 1))) {
    std::optional<uint16_t> low = port_number(item.substr(0, dash));
    std::optional<uint16_t> high = port_number(item.substr(dash + 1));
    if (low && high && *low <= *high) {
      ports.tokens.push_back({span, std::string(item), {*low, *high}, {}});
      return;
    }
    diagnostics.error(kInvalidPort, span,
                      "port range " + std::string(item) +
                          (low && high ? " is reversed" : " is outside 0-65535") +
                          "; fwlint could not check it");
    ports.unresolved = true;
    return;
  }
  ports.keywords.push_back({span, std::string(item)});
  if (!is_port_keyword(item)) {
    std::string what = !item.empty() && is_alpha(item.front())
                           ? "a Windows port keyword fwlint knows"
                           : "a port, a range or a keyword";
    diagnostics.error(kInvalidPort, span,
                      "`" + std::string(item) + "` is not " + what +
                          "; fwlint kept it as a keyword and could not check it");
  }
}

void add_port_list(const SourceFile& file, std::string_view list, PortSet& ports,
                   Diagnostics& diagnostics) {
  ports.value_span = file.span(list);
  ports.is_list = true;
  while (true) {
    size_t comma = list.find(',');
    std::string_view item = trim(list.substr(0, comma));
    if (item.empty()) {
      diagnostics.error(kInvalidPort, file.span(list.substr(0, comma == list.npos ? 0 : comma)),
                        "empty entry in a port list");
    } else {
      add_port_item(file, item, ports, diagnostics);
    }
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

void add_address_list(const SourceFile& file, std::string_view list,
                      std::vector<AddressMatch>& addresses) {
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view item = trim(list.substr(0, comma));
    if (!item.empty()) addresses.push_back({file.span(item), std::string(item), false});
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

void place_sides(Rule& rule, RuleSides sides) {
  bool outbound = rule.direction == Direction::kOutput;
  PortSet& local_ports = outbound ? rule.source_ports : rule.destination_ports;
  PortSet& remote_ports = outbound ? rule.destination_ports : rule.source_ports;
  std::vector<AddressMatch>& local_addresses = outbound ? rule.sources : rule.destinations;
  std::vector<AddressMatch>& remote_addresses = outbound ? rule.destinations : rule.sources;
  local_ports = std::move(sides.local_ports);
  remote_ports = std::move(sides.remote_ports);
  local_addresses = std::move(sides.local_addresses);
  remote_addresses = std::move(sides.remote_addresses);
}

bool is_local_side(const Rule& rule, const PortSet& ports) {
  const PortSet& local =
      rule.direction == Direction::kOutput ? rule.source_ports : rule.destination_ports;
  if (&ports == &local) return true;
  // A copy: compare where the first entry was written (a registry rule string holds both sides,
  // so the value spans alone cannot tell them apart).
  auto first_span = [](const PortSet& set) {
    if (!set.tokens.empty()) return set.tokens.front().span;
    return set.keywords.empty() ? SourceSpan{} : set.keywords.front().span;
  };
  return first_span(ports).valid() && first_span(ports) == first_span(local);
}

Ruleset make_ruleset(Format format, const Dialect& dialect) {
  Ruleset ruleset;
  ruleset.format = format;
  ruleset.order = EvaluationOrder::kBlockBeatsAllow;
  ruleset.dialect = &dialect;
  ruleset.tables.push_back(
      {.span = {}, .family = Family::kAny, .name = "windows-firewall", .chains = {}});
  return ruleset;
}

Chain& add_chain(Table& table, std::string name, SourceSpan span) {
  Chain& chain = table.chains.emplace_back();
  chain.name = std::move(name);
  chain.span = span;
  chain.direction = Direction::kOther;
  return chain;
}

void append_rule(const Table& table, Chain& chain, Rule rule) {
  rule.table = table.name;
  rule.chain = chain.name;
  rule.position = static_cast<uint32_t>(chain.rules.size() + 1);
  chain.rules.push_back(std::move(rule));
}

std::string port_list_text(std::span<const PortInterval> ports) {
  std::string text;
  for (const PortInterval& interval : ports) {
    if (!text.empty()) text += ',';
    text += std::to_string(interval.low);
    if (interval.high != interval.low) text += '-' + std::to_string(interval.high);
  }
  return text;
}

std::string_view text_in_rule(const Rule& rule, const SourceSpan& span) {
  if (!span.valid() || span.line < rule.span.line || span.end_line < span.line) return {};
  // Offsets of (line, column) positions inside rule.text, which starts at rule.span.
  auto offset = [&](uint32_t line, uint32_t column) -> std::optional<size_t> {
    size_t start = 0;
    for (uint32_t current = rule.span.line; current < line; ++current) {
      size_t newline = rule.text.find('\n', start);
      if (newline == std::string_view::npos) return std::nullopt;
      start = newline + 1;
    }
    uint32_t first_column = line == rule.span.line ? rule.span.column : 1;
    if (column < first_column) return std::nullopt;
    size_t position = start + (column - first_column);
    if (position > rule.text.size()) return std::nullopt;
    return position;
  };
  std::optional<size_t> begin = offset(span.line, span.column);
  std::optional<size_t> end = offset(span.end_line, span.end_column);
  if (!begin || !end || *end < *begin) return {};
  return rule.text.substr(*begin, *end - *begin);
}

}  // namespace fwlint::windows
