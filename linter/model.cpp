#include "linter/model.h"

namespace fwlint {

std::string_view format_name(Format format) {
  switch (format) {
    case Format::kIptablesSave:
      return "iptables-save";
    case Format::kIptablesScript:
      return "iptables-script";
    case Format::kNftables:
      return "nftables";
    case Format::kNftablesJson:
      return "nftables-json";
    case Format::kPf:
      return "pf";
    case Format::kWindowsNetsh:
      return "windows-netsh";
    case Format::kWindowsReg:
      return "windows-reg";
    case Format::kWindowsPowershellCsv:
      return "windows-powershell-csv";
    case Format::kWindowsPowershellJson:
      return "windows-powershell-json";
  }
  return "?";
}

std::string_view family_name(Family family) {
  switch (family) {
    case Family::kIpv4:
      return "ipv4";
    case Family::kIpv6:
      return "ipv6";
    case Family::kAny:
      return "any";
  }
  return "?";
}

std::string_view direction_name(Direction direction) {
  switch (direction) {
    case Direction::kInput:
      return "input";
    case Direction::kOutput:
      return "output";
    case Direction::kForward:
      return "forward";
    case Direction::kOther:
      return "other";
  }
  return "?";
}

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::kAccept:
      return "accept";
    case Verdict::kDrop:
      return "drop";
    case Verdict::kReject:
      return "reject";
    case Verdict::kJump:
      return "jump";
    case Verdict::kGoto:
      return "goto";
    case Verdict::kReturn:
      return "return";
    case Verdict::kNat:
      return "nat";
    case Verdict::kLog:
      return "log";
    case Verdict::kOther:
      return "other";
    case Verdict::kNone:
      return "none";
  }
  return "?";
}

std::vector<PortInterval> PortSet::intervals() const {
  std::vector<PortInterval> all;
  all.reserve(tokens.size());
  for (const PortToken& token : tokens) all.push_back(token.interval);
  return normalize(std::move(all));
}

bool PortSet::matches(uint16_t port) const {
  if (any()) return true;
  bool inside = false;
  for (const PortToken& token : tokens) inside = inside || token.interval.contains(port);
  return inside != negated;
}

size_t Ruleset::rule_count() const {
  size_t count = handed_over;
  for (const Table& table : tables) {
    for (const Chain& chain : table.chains) count += chain.rules.size();
  }
  return count;
}

}  // namespace fwlint
