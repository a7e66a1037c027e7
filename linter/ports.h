// Transports and port intervals: the vocabulary shared by the registry, the model and the checks.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace fwlint {

enum class Transport : uint8_t { kTcp, kUdp, kSctp, kDccp };
inline constexpr Transport kAllTransports[] = {Transport::kTcp, Transport::kUdp, Transport::kSctp,
                                               Transport::kDccp};

std::string_view transport_name(Transport transport);             // "tcp", "udp", "sctp", "dccp"
std::optional<Transport> parse_transport(std::string_view name);  // case-insensitive

// A set of transports as a bit mask (bit = 1 << Transport).
class TransportSet {
 public:
  constexpr TransportSet() = default;
  static constexpr TransportSet all() { return TransportSet(0x0f); }
  static constexpr TransportSet of(Transport t) { return TransportSet(bit(t)); }

  constexpr bool contains(Transport t) const { return (bits_ & bit(t)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr void add(Transport t) { bits_ |= bit(t); }
  constexpr void remove(Transport t) { bits_ &= static_cast<uint8_t>(~bit(t)); }
  constexpr uint8_t bits() const { return bits_; }
  int size() const;
  friend constexpr bool operator==(TransportSet, TransportSet) = default;

 private:
  constexpr explicit TransportSet(uint8_t bits) : bits_(bits) {}
  static constexpr uint8_t bit(Transport t) {
    return static_cast<uint8_t>(1u << static_cast<int>(t));
  }
  uint8_t bits_ = 0;
};

// Inclusive interval of ports.
struct PortInterval {
  uint16_t low = 0;
  uint16_t high = 0;

  bool contains(uint16_t port) const { return low <= port && port <= high; }
  uint32_t width() const { return uint32_t{high} - low + 1; }
  friend bool operator==(const PortInterval&, const PortInterval&) = default;
};

// Sorts and merges overlapping or adjacent intervals.
std::vector<PortInterval> normalize(std::vector<PortInterval> intervals);
// The intervals of `from` with `port` taken out.
std::vector<PortInterval> subtract(const std::vector<PortInterval>& from, uint16_t port);
// The complement within 0..65535 of sorted disjoint intervals.
std::vector<PortInterval> complement(const std::vector<PortInterval>& sorted);

}  // namespace fwlint
