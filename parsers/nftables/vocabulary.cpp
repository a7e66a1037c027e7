#include "parsers/nftables/vocabulary.h"

#include <algorithm>
#include <array>
#include <span>

namespace fwlint::nft {

namespace {

using namespace std::string_view_literals;

// Each list is sorted so that lookups are binary searches (rules are read in hot loops).
constexpr std::array kHeaders = {
    "ah"sv,     "arp"sv,    "comp"sv,   "dccp"sv,    "dst"sv,  "esp"sv,    "ether"sv, "frag"sv,
    "geneve"sv, "gre"sv,    "gretap"sv, "hbh"sv,     "icmp"sv, "icmpv6"sv, "igmp"sv,  "ip"sv,
    "ip6"sv,    "ipcomp"sv, "mh"sv,     "rt0"sv,     "rt2"sv,  "rt4"sv,    "sctp"sv,  "srh"sv,
    "tcp"sv,    "th"sv,     "udp"sv,    "udplite"sv, "vlan"sv, "vxlan"sv,
};
static_assert(std::is_sorted(kHeaders.begin(), kHeaders.end()));

constexpr std::array kTunnels = {
    "geneve"sv,
    "gre"sv,
    "gretap"sv,
    "vxlan"sv,
};
static_assert(std::is_sorted(kTunnels.begin(), kTunnels.end()));

constexpr std::array kBareMetaKeys = {
    "cgroup"sv,   "cpu"sv,     "day"sv,         "hour"sv,     "ibridgename"sv, "ibriport"sv,
    "ibrname"sv,  "iif"sv,     "iifgroup"sv,    "iifname"sv,  "iiftype"sv,     "ipsec"sv,
    "mark"sv,     "nftrace"sv, "obridgename"sv, "obriport"sv, "obrname"sv,     "oif"sv,
    "oifgroup"sv, "oifname"sv, "oiftype"sv,     "pkttype"sv,  "rtclassid"sv,   "skgid"sv,
    "skuid"sv,    "time"sv,
};
static_assert(std::is_sorted(kBareMetaKeys.begin(), kBareMetaKeys.end()));

// Expression starters other than headers and bare meta keys, and statement keywords.
constexpr std::array kStatementWords = {
    "accept"sv, "comment"sv,  "continue"sv, "counter"sv, "ct"sv,     "dnat"sv,
    "drop"sv,   "dup"sv,      "exthdr"sv,   "fib"sv,     "flow"sv,   "fwd"sv,
    "goto"sv,   "jhash"sv,    "jump"sv,     "limit"sv,   "log"sv,    "masquerade"sv,
    "meta"sv,   "meter"sv,    "notrack"sv,  "numgen"sv,  "osf"sv,    "queue"sv,
    "quota"sv,  "redirect"sv, "reject"sv,   "return"sv,  "rt"sv,     "snat"sv,
    "socket"sv, "symhash"sv,  "synproxy"sv, "tproxy"sv,  "tunnel"sv, "xt"sv,
};
static_assert(std::is_sorted(kStatementWords.begin(), kStatementWords.end()));

constexpr std::array kRelationalOperators = {
    "!"sv,  "!="sv, "<"sv,  "<="sv, "=="sv, ">"sv,  ">="sv,
    "eq"sv, "ge"sv, "gt"sv, "le"sv, "lt"sv, "ne"sv,
};
static_assert(std::is_sorted(kRelationalOperators.begin(), kRelationalOperators.end()));

constexpr std::array kBinaryOperators = {
    "&"sv, "<<"sv, ">>"sv, "^"sv, "and"sv, "lshift"sv, "or"sv, "rshift"sv, "xor"sv, "|"sv,
};
static_assert(std::is_sorted(kBinaryOperators.begin(), kBinaryOperators.end()));

bool contains(std::span<const std::string_view> sorted, std::string_view word) {
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

}  // namespace

bool is_family(std::string_view word) {
  return word == "ip" || word == "ip6" || word == "inet" || word == "arp" || word == "bridge" ||
         word == "netdev";
}

Family family_of(std::string_view word) {
  if (word == "ip") return Family::kIpv4;
  if (word == "ip6") return Family::kIpv6;
  return Family::kAny;
}

std::string_view family_word(Family family) {
  switch (family) {
    case Family::kIpv4:
      return "ip";
    case Family::kIpv6:
      return "ip6";
    case Family::kAny:
      break;
  }
  return "inet";
}

Direction direction_of_hook(std::string_view hook) {
  if (hook == "input") return Direction::kInput;
  if (hook == "output") return Direction::kOutput;
  if (hook == "forward") return Direction::kForward;
  return Direction::kOther;
}

std::optional<Verdict> verdict_of(std::string_view word) {
  if (word == "accept") return Verdict::kAccept;
  if (word == "drop") return Verdict::kDrop;
  if (word == "reject") return Verdict::kReject;
  if (word == "jump") return Verdict::kJump;
  if (word == "goto") return Verdict::kGoto;
  if (word == "return") return Verdict::kReturn;
  if (word == "continue" || word == "queue") return Verdict::kOther;
  if (word == "dnat" || word == "snat" || word == "masquerade" || word == "redirect" ||
      word == "tproxy") {
    return Verdict::kNat;
  }
  return std::nullopt;
}

std::optional<Transport> transport_of_protocol(std::string_view word) {
  if (word == "tcp" || word == "6") return Transport::kTcp;
  if (word == "udp" || word == "17") return Transport::kUdp;
  if (word == "sctp" || word == "132") return Transport::kSctp;
  if (word == "dccp" || word == "33") return Transport::kDccp;
  return std::nullopt;
}

bool is_header(std::string_view word) {
  return contains(kHeaders, word);
}
bool is_tunnel(std::string_view word) {
  return contains(kTunnels, word);
}
bool is_bare_meta_key(std::string_view word) {
  return contains(kBareMetaKeys, word);
}

bool starts_statement(std::string_view word) {
  return contains(kStatementWords, word) || contains(kHeaders, word) ||
         contains(kBareMetaKeys, word);
}

bool is_relational_operator(std::string_view word) {
  return contains(kRelationalOperators, word);
}
bool is_binary_operator(std::string_view word) {
  return contains(kBinaryOperators, word);
}

}  // namespace fwlint::nft
