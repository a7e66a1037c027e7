#include "parsers/nftables/port_values.h"

#include <optional>

#include "linter/diagnostics.h"

namespace fwlint::nft {

namespace {

std::optional<uint32_t> number(std::string_view text) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  }
  if (text.empty()) return std::nullopt;
  uint32_t value = 0;
  for (char c : text) {
    int digit = 99;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (base == 16 && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (base == 16 && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit >= base) return std::nullopt;
    value = value * static_cast<uint32_t>(base) + static_cast<uint32_t>(digit);
    if (value > 65535) value = 65536;
  }
  return value;
}

std::string quoted(std::string_view text) {
  return "`" + std::string(text) + "`";
}

std::string transport_words(TransportSet transports) {
  std::string words;
  for (Transport t : kAllTransports) {
    if (!transports.contains(t)) continue;
    if (!words.empty()) words += "/";
    words += transport_name(t);
  }
  return words.empty() ? "any transport" : words;
}

PortValue valid(uint16_t low, uint16_t high) {
  PortValue value;
  value.interval = {low, high};
  return value;
}

PortValue invalid(const CheckInfo& kind, std::string message) {
  PortValue value;
  value.problem = &kind;
  value.message = std::move(message);
  return value;
}

PortValue bound(std::string_view text, TransportSet transports, const Registry& registry) {
  if (auto value = number(text)) {
    if (*value > 65535) {
      return invalid(kInvalidPort, "port " + quoted(text) + " is out of range (0 to 65535)");
    }
    auto port = static_cast<uint16_t>(*value);
    return valid(port, port);
  }
  bool name =
      !text.empty() && ((text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z'));
  if (!name) return invalid(kInvalidPort, quoted(text) + " is not a port number or service name");
  for (Transport t : kAllTransports) {
    if (!transports.empty() && !transports.contains(t)) continue;
    if (auto port = registry.resolve_service(text, t)) return valid(*port, *port);
  }
  return invalid(kUnknownServiceName, "unknown service name " + quoted(text) + " for " +
                                          transport_words(transports) + " in the IANA registry");
}

}  // namespace

PortValue port_range(std::string_view low, std::string_view high, TransportSet transports,
                     const Registry& registry) {
  PortValue first = bound(low, transports, registry);
  if (!first.ok()) return first;
  PortValue last = bound(high, transports, registry);
  if (!last.ok()) return last;
  if (first.interval.low > last.interval.low) {
    return invalid(kInvalidPort, "port range " +
                                     quoted(std::string(low) + "-" + std::string(high)) +
                                     " is reversed (its start is above its end)");
  }
  return valid(first.interval.low, last.interval.low);
}

PortValue port_value(std::string_view word, TransportSet transports, const Registry& registry) {
  if (word == "*") return valid(0, 65535);  // the catch-all element of a map
  size_t dash = word.find('-');
  if (dash != std::string_view::npos && dash > 0 && number(word.substr(0, dash))) {
    return port_range(word.substr(0, dash), word.substr(dash + 1), transports, registry);
  }
  return bound(word, transports, registry);
}

}  // namespace fwlint::nft
