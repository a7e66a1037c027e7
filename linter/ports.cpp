#include "linter/ports.h"

#include <algorithm>
#include <bit>
#include <cctype>

namespace fwlint {

std::string_view transport_name(Transport transport) {
  switch (transport) {
    case Transport::kTcp:
      return "tcp";
    case Transport::kUdp:
      return "udp";
    case Transport::kSctp:
      return "sctp";
    case Transport::kDccp:
      return "dccp";
  }
  return "?";
}

std::optional<Transport> parse_transport(std::string_view name) {
  for (Transport t : kAllTransports) {
    std::string_view canonical = transport_name(t);
    if (name.size() == canonical.size() &&
        std::equal(name.begin(), name.end(), canonical.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        })) {
      return t;
    }
  }
  return std::nullopt;
}

int TransportSet::size() const {
  return std::popcount(bits_);
}

std::vector<PortInterval> normalize(std::vector<PortInterval> intervals) {
  std::sort(intervals.begin(), intervals.end(),
            [](const PortInterval& a, const PortInterval& b) { return a.low < b.low; });
  std::vector<PortInterval> merged;
  for (const PortInterval& interval : intervals) {
    if (!merged.empty() && uint32_t{interval.low} <= uint32_t{merged.back().high} + 1) {
      merged.back().high = std::max(merged.back().high, interval.high);
    } else {
      merged.push_back(interval);
    }
  }
  return merged;
}

std::vector<PortInterval> subtract(const std::vector<PortInterval>& from, uint16_t port) {
  std::vector<PortInterval> result;
  for (const PortInterval& interval : from) {
    if (!interval.contains(port)) {
      result.push_back(interval);
      continue;
    }
    if (interval.low < port) result.push_back({interval.low, static_cast<uint16_t>(port - 1)});
    if (port < interval.high) result.push_back({static_cast<uint16_t>(port + 1), interval.high});
  }
  return result;
}

std::vector<PortInterval> complement(const std::vector<PortInterval>& sorted) {
  std::vector<PortInterval> result;
  uint32_t next = 0;
  for (const PortInterval& interval : sorted) {
    if (interval.low > next) {
      result.push_back({static_cast<uint16_t>(next), static_cast<uint16_t>(interval.low - 1)});
    }
    next = uint32_t{interval.high} + 1;
  }
  if (next <= 65535) result.push_back({static_cast<uint16_t>(next), 65535});
  return result;
}

}  // namespace fwlint
