#include "parsers/pf/port_values.h"

#include <cctype>

#include "linter/diagnostics.h"

namespace fwlint::pf {

namespace {

constexpr uint32_t kMaxPort = 65535;

// Names that the BSDs' /etc/services define and IANA does not (OpenBSD src/etc/services);
// pfctl resolves them, so pf.conf files use them.
struct BsdService {
  std::string_view name;
  uint16_t port;
};
constexpr BsdService kBsdServices[] = {
    {"smtps", 465},        // 465/tcp, which IANA registers as "submissions"
    {"spamd", 8025},       // 8025/tcp, spamd(8)
    {"spamd-cfg", 8026},   // 8026/tcp, spamd(8) configuration
    {"spamd-sync", 8025},  // 8025/udp, spamd(8) synchronisation
};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// Decimal or 0x-hex digits; nullopt when `text` is not a number at all.
std::optional<uint32_t> parse_number(std::string_view text, bool* too_large) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  }
  if (text.empty()) return std::nullopt;
  uint32_t value = 0;
  for (char c : text) {
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (base == 16 && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (base == 16 && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return std::nullopt;
    value = value * static_cast<uint32_t>(base) + static_cast<uint32_t>(digit);
    if (value > kMaxPort) *too_large = true;
    if (*too_large) value = kMaxPort + 1;
  }
  return value;
}

std::string transport_words(TransportSet transports) {
  std::string words;
  for (Transport t : kAllTransports) {
    if (!transports.contains(t)) continue;
    if (!words.empty()) words += '/';
    words += transport_name(t);
  }
  return words.empty() ? "tcp/udp" : words;
}

}  // namespace

PortValue resolve_port(std::string_view text, TransportSet transports, const Registry& registry) {
  PortValue value;
  bool too_large = false;
  if (auto number = parse_number(text, &too_large)) {
    if (too_large) {
      value.problem = &kInvalidPort;
      value.message = "port " + std::string(text) + " is out of range: ports go from 0 to 65535";
    } else {
      value.port = static_cast<uint16_t>(*number);
    }
    return value;
  }
  for (Transport t : kAllTransports) {
    if (!transports.contains(t)) continue;
    if ((value.port = registry.resolve_service(text, t))) return value;
  }
  for (Transport t : {Transport::kTcp, Transport::kUdp}) {
    if ((value.port = registry.resolve_service(text, t))) return value;
  }
  for (const BsdService& service : kBsdServices) {
    if (equals_ignoring_case(service.name, text)) {
      value.port = service.port;
      return value;
    }
  }
  value.problem = &kUnknownServiceName;
  value.message = "unknown service name `" + std::string(text) + "` for " +
                  transport_words(transports) +
                  ": fwlint resolves names from the IANA registry, not from /etc/services";
  return value;
}

std::optional<PortOp> port_op(std::string_view text) {
  if (text == "=") return PortOp::kEqual;
  if (text == "!=") return PortOp::kNotEqual;
  if (text == "<") return PortOp::kLess;
  if (text == "<=") return PortOp::kLessEqual;
  if (text == ">") return PortOp::kGreater;
  if (text == ">=") return PortOp::kGreaterEqual;
  if (text == "><") return PortOp::kExclusive;
  if (text == "<>") return PortOp::kOutside;
  return std::nullopt;
}

std::vector<PortInterval> op_intervals(PortOp op, uint16_t low, uint16_t high) {
  auto interval = [](uint32_t from, uint32_t to) {
    return PortInterval{static_cast<uint16_t>(from), static_cast<uint16_t>(to)};
  };
  std::vector<PortInterval> result;
  switch (op) {
    case PortOp::kEqual:
      result.push_back(interval(low, low));
      break;
    case PortOp::kNotEqual:
      if (low > 0) result.push_back(interval(0, low - 1u));
      if (low < kMaxPort) result.push_back(interval(low + 1u, kMaxPort));
      break;
    case PortOp::kLess:
      if (low > 0) result.push_back(interval(0, low - 1u));
      break;
    case PortOp::kLessEqual:
      result.push_back(interval(0, low));
      break;
    case PortOp::kGreater:
      if (low < kMaxPort) result.push_back(interval(low + 1u, kMaxPort));
      break;
    case PortOp::kGreaterEqual:
      result.push_back(interval(low, kMaxPort));
      break;
    case PortOp::kRange:
      if (low <= high) result.push_back(interval(low, high));
      break;
    case PortOp::kExclusive:
      if (uint32_t{low} + 1 < high) result.push_back(interval(low + 1u, high - 1u));
      break;
    case PortOp::kOutside:
      if (low > 0) result.push_back(interval(0, low - 1u));
      if (high < kMaxPort) result.push_back(interval(high + 1u, kMaxPort));
      break;
  }
  return result;
}

}  // namespace fwlint::pf
