#include "parsers/iptables/port_values.h"

#include <cctype>
#include <optional>

#include "parsers/iptables/lines.h"

namespace fwlint::iptables {

namespace {

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

// strtoul(text, &end, 0) over the whole text, as xtables_strtoui does; nullopt when the text is
// not entirely a number. Values above 65535 are returned as 65536 so that callers can tell.
std::optional<uint32_t> parse_c_number(std::string_view text) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  } else if (text.size() > 1 && text[0] == '0') {
    base = 8;
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  uint32_t value = 0;
  for (char c : text) {
    int digit = digit_value(c);
    if (digit >= base) return std::nullopt;
    value = value * static_cast<uint32_t>(base) + static_cast<uint32_t>(digit);
    if (value > 65535) value = 65536;
  }
  return value;
}

std::optional<uint16_t> resolve(std::string_view name, TransportSet transports,
                                const Registry& registry) {
  for (Transport t : kAllTransports) {
    if (!transports.empty() && !transports.contains(t)) continue;
    if (auto port = registry.resolve_service(name, t)) return port;
  }
  return std::nullopt;
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

// One bound of a range.
PortValue parse_port(std::string_view text, TransportSet transports, const Registry& registry) {
  PortValue value;
  if (auto number = parse_c_number(text)) {
    if (*number > 65535) {
      value.problem = PortProblem::kOutOfRange;
      value.culprit = text;
      value.message = concat("port ", code(text), " is out of range (0 to 65535)");
      return value;
    }
    value.interval = {static_cast<uint16_t>(*number), static_cast<uint16_t>(*number)};
    return value;
  }
  if (all_digits(text)) {
    value.problem = PortProblem::kOutOfRange;
    value.culprit = text;
    value.message = concat("port ", code(text),
                           " is not a number iptables accepts (a leading 0 makes it octal)");
    return value;
  }
  if (size_t dash = text.find('-'); dash != std::string_view::npos &&
                                    all_digits(text.substr(0, dash)) &&
                                    all_digits(text.substr(dash + 1))) {
    value.problem = PortProblem::kOutOfRange;
    value.culprit = text;
    value.message = concat("port range ", code(text), " must be written with a colon, as ",
                           text.substr(0, dash), ":", text.substr(dash + 1));
    return value;
  }
  if (auto port = resolve(text, transports, registry)) {
    value.interval = {*port, *port};
    return value;
  }
  value.problem = PortProblem::kUnknownService;
  value.culprit = text;
  value.message = concat("unknown service name ", code(text), " for ", transport_words(transports),
                         " in the IANA registry");
  return value;
}

}  // namespace

PortValue parse_port_range(std::string_view text, TransportSet transports,
                           const Registry& registry) {
  if (text.empty()) {
    PortValue value;
    value.problem = PortProblem::kEmpty;
    value.culprit = text;
    value.message = "empty port value";
    return value;
  }
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) return parse_port(text, transports, registry);
  std::string_view low_text = text.substr(0, colon);
  std::string_view high_text = text.substr(colon + 1);
  PortValue low;
  PortValue high;
  low.interval = {0, 0};
  high.interval = {65535, 65535};
  if (!low_text.empty()) low = parse_port(low_text, transports, registry);
  if (low.problem != PortProblem::kNone) return low;
  if (!high_text.empty()) high = parse_port(high_text, transports, registry);
  if (high.problem != PortProblem::kNone) return high;
  PortValue range;
  range.interval = {low.interval.low, high.interval.low};
  if (range.interval.low > range.interval.high) {
    range.problem = PortProblem::kReversed;
    range.culprit = text;
    range.message = concat("port range ", code(text), " is reversed (its start is above its end)");
  }
  return range;
}

}  // namespace fwlint::iptables
