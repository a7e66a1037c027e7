#include "parsers/iptables/options.h"

#include <algorithm>
#include <array>

namespace fwlint::iptables {

namespace {

struct LongOption {
  std::string_view name;
  OptionInfo info;
};

// Sorted by name for binary search.
constexpr auto kLongOptions = std::to_array<LongOption>({
    {"append", {OptionKind::kAppend, 1}},
    {"check", {OptionKind::kCheck, 1}},
    {"comment", {OptionKind::kComment, 1}},
    {"delete", {OptionKind::kDelete, 1}},
    {"delete-chain", {OptionKind::kDeleteChain, 0}},
    {"destination", {OptionKind::kDestination, 1}},
    {"destination-port", {OptionKind::kDestinationPort, 1}},
    {"destination-ports", {OptionKind::kDestinationPorts, 1}},
    {"dport", {OptionKind::kDestinationPort, 1}},
    {"dports", {OptionKind::kDestinationPorts, 1}},
    {"dst", {OptionKind::kDestination, 1}},
    {"exact", {OptionKind::kQuiet, 0}},
    {"flush", {OptionKind::kFlush, 0}},
    {"fragment", {OptionKind::kKnownOther, 0}},
    {"goto", {OptionKind::kGoto, 1}},
    {"in-interface", {OptionKind::kInInterface, 1}},
    {"insert", {OptionKind::kInsert, 1}},
    {"ipv4", {OptionKind::kKnownOther, 0}},
    {"ipv6", {OptionKind::kKnownOther, 0}},
    {"jump", {OptionKind::kJump, 1}},
    {"line-numbers", {OptionKind::kQuiet, 0}},
    {"list", {OptionKind::kList, 0}},
    {"list-rules", {OptionKind::kListRules, 0}},
    {"match", {OptionKind::kMatch, 1}},
    {"modprobe", {OptionKind::kQuiet, 1}},
    {"new-chain", {OptionKind::kNewChain, 1}},
    {"numeric", {OptionKind::kQuiet, 0}},
    {"out-interface", {OptionKind::kOutInterface, 1}},
    {"policy", {OptionKind::kPolicy, 2}},
    {"ports", {OptionKind::kEitherPorts, 1}},
    {"protocol", {OptionKind::kProtocol, 1}},
    {"rename-chain", {OptionKind::kRenameChain, 2}},
    {"replace", {OptionKind::kReplace, 2}},
    {"set-counters", {OptionKind::kCounters, 2}},
    {"source", {OptionKind::kSource, 1}},
    {"source-port", {OptionKind::kSourcePort, 1}},
    {"source-ports", {OptionKind::kSourcePorts, 1}},
    {"sport", {OptionKind::kSourcePort, 1}},
    {"sports", {OptionKind::kSourcePorts, 1}},
    {"src", {OptionKind::kSource, 1}},
    {"syn", {OptionKind::kKnownOther, 0}},
    {"table", {OptionKind::kTable, 1}},
    {"tcp-flags", {OptionKind::kKnownOther, 2}},
    {"tcp-option", {OptionKind::kKnownOther, 1}},
    {"verbose", {OptionKind::kQuiet, 0}},
    {"wait", {OptionKind::kWait, 1}},
    {"wait-interval", {OptionKind::kQuiet, 1}},
    {"zero", {OptionKind::kZero, 0}},
});

static_assert(std::is_sorted(kLongOptions.begin(), kLongOptions.end(),
                             [](const LongOption& a, const LongOption& b) {
                               return a.name < b.name;
                             }));

struct Target {
  std::string_view name;
  Verdict verdict;
};

// Sorted by name. Extension targets from iptables' extensions/ directory.
constexpr auto kTargets = std::to_array<Target>({
    {"ACCEPT", Verdict::kAccept},     {"AUDIT", Verdict::kOther},
    {"CHECKSUM", Verdict::kOther},    {"CLASSIFY", Verdict::kOther},
    {"CLUSTERIP", Verdict::kOther},   {"CONNMARK", Verdict::kOther},
    {"CONNSECMARK", Verdict::kOther}, {"CT", Verdict::kOther},
    {"DNAT", Verdict::kNat},          {"DNPT", Verdict::kNat},
    {"DROP", Verdict::kDrop},         {"DSCP", Verdict::kOther},
    {"ECN", Verdict::kOther},         {"HL", Verdict::kOther},
    {"HMARK", Verdict::kOther},       {"IDLETIMER", Verdict::kOther},
    {"LED", Verdict::kOther},         {"LOG", Verdict::kLog},
    {"MARK", Verdict::kOther},        {"MASQUERADE", Verdict::kNat},
    {"NETMAP", Verdict::kNat},        {"NFLOG", Verdict::kLog},
    {"NFQUEUE", Verdict::kOther},     {"NOTRACK", Verdict::kOther},
    {"QUEUE", Verdict::kOther},       {"RATEEST", Verdict::kOther},
    {"REDIRECT", Verdict::kNat},      {"REJECT", Verdict::kReject},
    {"RETURN", Verdict::kReturn},     {"SECMARK", Verdict::kOther},
    {"SET", Verdict::kOther},         {"SNAT", Verdict::kNat},
    {"SNPT", Verdict::kNat},          {"SYNPROXY", Verdict::kOther},
    {"TCPMSS", Verdict::kOther},      {"TCPOPTSTRIP", Verdict::kOther},
    {"TEE", Verdict::kOther},         {"TOS", Verdict::kOther},
    {"TPROXY", Verdict::kOther},      {"TRACE", Verdict::kOther},
    {"TTL", Verdict::kOther},         {"ULOG", Verdict::kLog},
});

static_assert(std::is_sorted(kTargets.begin(), kTargets.end(),
                             [](const Target& a, const Target& b) { return a.name < b.name; }));

}  // namespace

std::optional<OptionInfo> find_long_option(std::string_view name) {
  auto it = std::lower_bound(
      kLongOptions.begin(), kLongOptions.end(), name,
      [](const LongOption& option, std::string_view key) { return option.name < key; });
  if (it == kLongOptions.end() || it->name != name) return std::nullopt;
  return it->info;
}

std::optional<OptionInfo> find_short_option(char letter) {
  switch (letter) {
    case 'A':
      return OptionInfo{OptionKind::kAppend, 1};
    case 'C':
      return OptionInfo{OptionKind::kCheck, 1};
    case 'D':
      return OptionInfo{OptionKind::kDelete, 1};
    case 'E':
      return OptionInfo{OptionKind::kRenameChain, 2};
    case 'F':
      return OptionInfo{OptionKind::kFlush, 0};
    case 'I':
      return OptionInfo{OptionKind::kInsert, 1};
    case 'L':
      return OptionInfo{OptionKind::kList, 0};
    case 'N':
      return OptionInfo{OptionKind::kNewChain, 1};
    case 'P':
      return OptionInfo{OptionKind::kPolicy, 2};
    case 'R':
      return OptionInfo{OptionKind::kReplace, 2};
    case 'S':
      return OptionInfo{OptionKind::kListRules, 0};
    case 'X':
      return OptionInfo{OptionKind::kDeleteChain, 0};
    case 'Z':
      return OptionInfo{OptionKind::kZero, 0};
    case 't':
      return OptionInfo{OptionKind::kTable, 1};
    case 'w':
      return OptionInfo{OptionKind::kWait, 1};
    case 'W':
      return OptionInfo{OptionKind::kQuiet, 1};
    case 'c':
      return OptionInfo{OptionKind::kCounters, 2};
    case 'v':
    case 'n':
    case 'x':
      return OptionInfo{OptionKind::kQuiet, 0};
    case 'p':
      return OptionInfo{OptionKind::kProtocol, 1};
    case 's':
      return OptionInfo{OptionKind::kSource, 1};
    case 'd':
      return OptionInfo{OptionKind::kDestination, 1};
    case 'i':
      return OptionInfo{OptionKind::kInInterface, 1};
    case 'o':
      return OptionInfo{OptionKind::kOutInterface, 1};
    case 'j':
      return OptionInfo{OptionKind::kJump, 1};
    case 'g':
      return OptionInfo{OptionKind::kGoto, 1};
    case 'm':
      return OptionInfo{OptionKind::kMatch, 1};
    case 'f':
    case '4':
    case '6':
      return OptionInfo{OptionKind::kKnownOther, 0};
    default:
      return std::nullopt;
  }
}

bool is_command(OptionKind kind) {
  return kind <= OptionKind::kListRules;
}

std::optional<Verdict> target_verdict(std::string_view target) {
  auto it =
      std::lower_bound(kTargets.begin(), kTargets.end(), target,
                       [](const Target& entry, std::string_view key) { return entry.name < key; });
  if (it == kTargets.end() || it->name != target) return std::nullopt;
  return it->verdict;
}

bool is_known_table(std::string_view table) {
  return table == "filter" || table == "nat" || table == "mangle" || table == "raw" ||
         table == "security";
}

bool is_builtin_chain(std::string_view table, std::string_view chain) {
  bool input = chain == "INPUT";
  bool forward = chain == "FORWARD";
  bool output = chain == "OUTPUT";
  bool prerouting = chain == "PREROUTING";
  bool postrouting = chain == "POSTROUTING";
  if (table == "filter" || table == "security") return input || forward || output;
  if (table == "nat") return prerouting || input || output || postrouting;
  if (table == "mangle") return prerouting || input || forward || output || postrouting;
  if (table == "raw") return prerouting || output;
  return false;
}

Direction chain_direction(std::string_view chain) {
  if (chain == "INPUT" || chain == "PREROUTING") return Direction::kInput;
  if (chain == "OUTPUT" || chain == "POSTROUTING") return Direction::kOutput;
  if (chain == "FORWARD") return Direction::kForward;
  return Direction::kOther;
}

}  // namespace fwlint::iptables
