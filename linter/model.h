// The normalized rule model every parser produces and every check reads.
// Views (std::string_view) point into the SourceFile the rule came from, except where a field
// is a std::string because the parser had to build the text (unquoting, expansion).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "linter/ports.h"
#include "linter/source.h"

namespace fwlint {

enum class Format : uint8_t {
  kIptablesSave,    // iptables-save / ip6tables-save dump
  kIptablesScript,  // shell script of iptables / ip6tables commands
  kNftables,        // nft list ruleset / nftables.conf text
  kNftablesJson,    // nft -j list ruleset
  kPf,              // pf.conf
  kWindowsNetsh,    // netsh advfirewall firewall show rule
  kWindowsReg,      // registry FirewallRules export
  kWindowsPowershellCsv,
  kWindowsPowershellJson,
};
std::string_view format_name(Format format);  // "iptables-save", "iptables-script", ...

enum class Family : uint8_t { kIpv4, kIpv6, kAny };
enum class Direction : uint8_t { kInput, kOutput, kForward, kOther };
enum class Verdict : uint8_t {
  kAccept,
  kDrop,
  kReject,
  kJump,
  kGoto,
  kReturn,
  kNat,
  kLog,
  kOther,
  kNone
};

std::string_view family_name(Family family);
std::string_view direction_name(Direction direction);
std::string_view verdict_name(Verdict verdict);

// A name that led to a value written elsewhere: `$PORTS`, `@legacy`, a loop variable.
struct Reference {
  SourceSpan span;  // where the reference stands in the rule
  std::string name;
  // Where the name gets its value (pf `legacy = "{ 22 658 }"`) and that definition as written,
  // so that an edit can change the definition every user of the name shares; empty if unknown.
  SourceSpan definition_span = {};
  std::string_view definition = {};
};

// One port, range or service name as the user wrote it, with what it resolves to.
struct PortToken {
  SourceSpan span;   // where the number, range or name itself was written
  std::string text;  // as written: "658", "600:700", "ssh"
  PortInterval interval;
  std::vector<Reference>
      via;  // the chain of references that brought it into the rule, outermost first
};

// A port written as a platform keyword for ports assigned at run time (Windows `RPC`,
// `IPHTTPSIn`, `Teredo`): never a number, so no check can match it against the registry.
struct PortKeyword {
  SourceSpan span;
  std::string text;  // as written
};

// The ports a rule matches on one side (source or destination).
// No tokens and no keywords means "any port"; `negated` keeps `!` / `!=` as written.
struct PortSet {
  std::vector<PortToken> tokens;
  bool negated = false;
  SourceSpan value_span;   // the whole written value ("22,658"), what a list edit replaces
  SourceSpan option_span;  // the option and its value ("--dport 22"), what a removal deletes
  // What a removal writes in option_span's place, where the match also restricts the protocol
  // (nft `tcp dport != 61` matches only tcp: `meta l4proto tcp`); empty when nothing. Static.
  std::string_view removal_keeps = {};
  bool is_list = false;  // written as a list (multiport, set): an edit may keep several entries
  std::vector<PortKeyword> keywords = {};  // dynamic ports: they match no number, and are not "any"
  // A written value could not be resolved (a variable without a literal value, an unknown
  // service name, an invalid port): the tokens are incomplete, and the side is not "any port".
  bool unresolved = false;
  // iptables multiport `--ports`: matches when the source OR the destination port is in the set.
  // Parsers keep such a set in destination_ports.
  bool either_side = false;

  bool any() const { return tokens.empty() && keywords.empty() && !unresolved; }
  // Sorted, merged intervals of the written tokens (negation not applied).
  std::vector<PortInterval> intervals() const;
  // Whether the rule matches `port` on this side, negation applied.
  bool matches(uint16_t port) const;
};

struct AddressMatch {
  SourceSpan span;
  std::string text;
  bool negated = false;
};

struct InterfaceMatch {
  SourceSpan span;
  std::string name;
  bool negated = false;
};

struct Action {
  Verdict verdict = Verdict::kNone;
  std::string target;  // as written: "ACCEPT", "LOGDROP", "DNAT"
  SourceSpan span;
  bool denies() const { return verdict == Verdict::kDrop || verdict == Verdict::kReject; }
};

struct Rule {
  SourceSpan span;        // the whole statement, continuation lines included
  std::string_view text;  // the statement as written
  Family family = Family::kAny;
  std::string table;
  std::string chain;
  Direction direction = Direction::kOther;
  uint32_t position = 0;  // 1-based position in its chain (evaluation order)
  Action action;

  std::string protocol;  // as written ("tcp", "all", "6"); empty when not restricted
  bool protocol_negated = false;
  SourceSpan protocol_span;
  TransportSet transports;  // transports the port matches apply to

  std::vector<AddressMatch> sources;
  std::vector<AddressMatch> destinations;
  PortSet source_ports;
  PortSet destination_ports;
  std::vector<InterfaceMatch> in_interfaces;
  std::vector<InterfaceMatch> out_interfaces;
  std::string comment;
  std::vector<std::string_view> other_matches;  // kept verbatim, not interpreted

  std::string name;     // the rule's own name or id where the format has one (Windows, pf label)
  uint64_t handle = 0;  // nft rule handle when the input carries it (`nft -a`), else 0
  bool quick = false;   // pf `quick`: ends evaluation on match
  bool enabled = true;  // false for disabled rules (Windows `Enabled: No`, `Active=FALSE`)
};

struct Chain {
  SourceSpan span;
  std::string name;
  std::string policy;  // "ACCEPT", "DROP", or empty for user chains
  Direction direction = Direction::kOther;
  std::vector<Rule> rules;
};

struct Table {
  SourceSpan span;
  Family family = Family::kAny;
  std::string name;
  std::vector<Chain> chains;
};

class Dialect;

// How the platform picks the rule that decides a packet.
enum class EvaluationOrder : uint8_t {
  kFirstMatch,            // iptables, nftables: the first terminal match in chain order
  kLastMatchUnlessQuick,  // pf: the last match wins, unless a `quick` rule matched first
  kBlockBeatsAllow,       // Windows Firewall: any matching block rule beats every allow rule
};

// Everything one input file defines.
struct Ruleset {
  uint32_t file = 0;
  Format format = Format::kIptablesSave;
  EvaluationOrder order = EvaluationOrder::kFirstMatch;
  const Dialect* dialect = nullptr;
  std::vector<Table> tables;
  // Rules the parser handed to a RuleSink as it read them instead of keeping them in `tables`.
  size_t handed_over = 0;

  size_t rule_count() const;  // kept and handed over
};

// What a check may ask of the format a rule came from, so that suggestions speak the
// platform's own language while checks stay format-agnostic. Implemented by each parser.
class Dialect {
 public:
  virtual ~Dialect() = default;
  // Text that replaces `ports.value_span` so that the rule matches exactly `keep` (not empty
  // unless `ports` has keywords, which the edit keeps).
  // If the format needs more than the value changed (e.g. `--dport` → `-m multiport --dports`),
  // the edit returned replaces `ports.option_span` instead.
  struct PortEdit {
    SourceSpan span;
    std::string replacement;
    // The platform command making the same change, where the input is an export rather than
    // the configuration itself (Windows); empty otherwise.
    std::string command = {};
  };
  virtual PortEdit rewrite_ports(const Rule& rule, const PortSet& ports,
                                 std::span<const PortInterval> keep) const = 0;
  // How to delete the rule: a platform command, or the line(s) to delete.
  virtual std::string delete_rule(const Rule& rule) const = 0;
  // The rule restricted to `keep` transports (a command or the edited statement).
  virtual std::string restrict_transports(const Rule& rule, TransportSet keep) const = 0;
};

}  // namespace fwlint
