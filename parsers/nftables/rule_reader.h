// Reading the statements of one nft rule into the model: port, protocol, address and interface
// matches, verdicts (verdict maps included), NAT targets, and everything else kept verbatim.
// A number is a port only where it follows a port selector (`tcp dport`, `th sport`, a
// concatenation naming one) or stands in a NAT target's port position.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "linter/finding.h"
#include "linter/model.h"
#include "linter/registry.h"
#include "parsers/nftables/items.h"

namespace fwlint::nft {

// The named sets and maps of the rule's table.
class SetLookup {
 public:
  virtual ~SetLookup() = default;
  virtual const NamedSet* find(std::string_view name) const = 0;
};

struct RuleEnvironment {
  const Registry& registry;
  const RefArena& refs;
  const SetLookup& sets;
  std::vector<Finding>& diagnostics;
};

// Fills the matches, action, transports and protocol of `rule` from `items`, the statements
// after the rule's position (`add rule inet filter input` already read). `file` is the file the
// statement is written in.
void read_rule(std::span<const Item> items, const SourceFile& file, const RuleEnvironment& env,
               Rule& rule);

// How a port selector word restricts the transports: `tcp` → tcp, `th` → all, `udplite` → none.
TransportSet selector_transports(std::string_view protocol);

// Builds a port token from the components of a value (`658`, `600-700`, `8888 - 8999`, `ssh`).
// Reports an unresolvable value on `diagnostics` and returns false.
bool make_port_token(std::span<const Item> value, TransportSet transports, const Registry& registry,
                     const RefArena& refs, std::vector<Finding>& diagnostics, PortToken& token);

// The verdict an element of a verdict map maps to (`accept`, `jump ssh`).
struct MappedVerdict {
  Verdict verdict = Verdict::kNone;
  std::string_view target;
};
MappedVerdict mapped_verdict(std::span<const Item> value);
// What a verdict map does as a whole: the verdict all its elements share, else kOther "vmap".
MappedVerdict common_verdict(std::span<const MappedVerdict> verdicts);

// The match that keeps a port match's protocol restriction once the port match goes: `tcp`
// gives `meta l4proto tcp` (as text, or as an nft -j expression); `th` and unknown words, "".
std::string_view l4proto_match_text(std::string_view protocol);
std::string_view l4proto_match_json(std::string_view protocol);

// Relational operators as nft writes them, in symbols or words (JSON uses the symbols).
bool negating_operator(std::string_view op);    // `!=`, `ne`, `!`
bool comparison_operator(std::string_view op);  // `<`, `>`, `<=`, `>=` and `lt`, `gt`, `le`, `ge`
// The ports `op value` covers, or nothing when none (`< 0`).
std::optional<PortInterval> compared(std::string_view op, uint16_t value);

}  // namespace fwlint::nft
