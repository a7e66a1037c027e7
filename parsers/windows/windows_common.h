// What the Windows Firewall front ends share: port keywords, the port-list grammar, protocol
// numbers, placing a rule's local and remote sides on the model, and diagnostics.
#pragma once

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "linter/check.h"
#include "linter/finding.h"
#include "linter/model.h"
#include "linter/source.h"

namespace fwlint::windows {

// Every Windows port keyword in the registry, netsh and PowerShell spellings ("RPC-EPMap" and
// "RPCEPMap", "IPHTTPSIn", "PlayToDiscovery"…), case-insensitive. Keywords stand for ports the
// system assigns at run time: they are kept as keywords and never read as numbers.
bool is_port_keyword(std::string_view text);

// The IP protocol number a Windows protocol value names: "TCP" 6, "UDP" 17, "ICMPv4" 1,
// "ICMPv6" 58 or a decimal number 0–255; nullopt for anything else. "Any" is the caller's
// business because netsh localizes it.
std::optional<int> protocol_number(std::string_view text);
// The transports ports apply to: TCP (6) and UDP (17), both when the protocol is unrestricted
// (nullopt), none for every other protocol.
TransportSet transports_for(std::optional<int> protocol);

// Collects a parser's FW1xxx findings. Things that make a record unreadable are errors; things
// fwlint reads around (an unknown label, a value it ignores) are warnings, and those a file
// repeats on every record are reported once per file.
class Diagnostics {
 public:
  explicit Diagnostics(std::vector<Finding>& out) : out_(out) {}
  void error(const CheckInfo& kind, SourceSpan span, std::string message);
  void warning(const CheckInfo& kind, SourceSpan span, std::string message);
  // Only the first warning with this `key` in the file is reported.
  void warning_once(std::string_view key, const CheckInfo& kind, SourceSpan span,
                    std::string message);

 private:
  std::vector<Finding>& out_;
  std::set<std::string, std::less<>> reported_;
};

// Adds one written port item — a number, a `low-high` range or a keyword — to `ports`.
// `item` lies inside file.content(). Anything else is an FW1003 finding: an unknown word is kept
// as a keyword (Windows may have added one), a number out of range or a reversed range marks
// the side unresolved; either way the side does not read as "any port".
void add_port_item(const SourceFile& file, std::string_view item, PortSet& ports,
                   Diagnostics& diagnostics);
// Adds every item of a comma-separated port list ("554,8554-8558", "RPC"); blanks around the
// items are allowed.
void add_port_list(const SourceFile& file, std::string_view list, PortSet& ports,
                   Diagnostics& diagnostics);
// Adds the comma-separated addresses of an address list ("LocalSubnet,10.0.0.0/8").
void add_address_list(const SourceFile& file, std::string_view list,
                      std::vector<AddressMatch>& addresses);

// A rule's sides as Windows names them. Local ports and addresses are the destination of an
// inbound rule and the source of an outbound one; remote ones are the other side.
struct RuleSides {
  PortSet local_ports;
  PortSet remote_ports;
  std::vector<AddressMatch> local_addresses;
  std::vector<AddressMatch> remote_addresses;
};
// Moves the sides onto the rule according to rule.direction (kOutput: local is the source;
// anything else: local is the destination, as for Windows' default direction, inbound).
void place_sides(Rule& rule, RuleSides sides);
// Whether `ports` is the rule's local side.
bool is_local_side(const Rule& rule, const PortSet& ports);

// An empty ruleset of `format`: block beats allow, one table named "windows-firewall".
Ruleset make_ruleset(Format format, const Dialect& dialect);
// Adds a chain to the table: Windows has no chains, so a chain is where the rules were listed
// (the whole dump, or one registry key). Its rules go both ways.
Chain& add_chain(Table& table, std::string name, SourceSpan span);
// Appends `rule` to the chain, numbering it and naming its table and chain.
void append_rule(const Table& table, Chain& chain, Rule rule);

// "53,80-90": the Windows list notation of port intervals.
std::string port_list_text(std::span<const PortInterval> ports);
// The text a span inside the rule covers, read from rule.text (empty when it lies outside).
std::string_view text_in_rule(const Rule& rule, const SourceSpan& span);

// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b);
std::string_view trim(std::string_view text);

}  // namespace fwlint::windows
