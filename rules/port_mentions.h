// Shared helpers for the port-registry checks (FW2xxx): walking the port tokens of a rule,
// wording registry facts, and building suggestions through the rule's Dialect.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "linter/check.h"
#include "linter/words.h"

namespace fwlint {

// One port token of a rule, with the side it sits on.
struct PortMention {
  const PortSet& ports;
  const PortToken& token;
};

std::vector<PortMention> port_mentions(const Rule& rule);

// "on 2025-02-13", "in 2007-09", "between 2008-02-29 and 2013-01-18", "by 2004-01-08".
std::string removal_date_phrase(std::string_view removed_on);
// "removed", "de-registered", "deprecated", "de-assigned (now reserved)".
std::string removal_verb(std::string_view kind);
// "659/udp", "993/tcp and 993/udp".
std::string port_transports(uint16_t port, TransportSet transports);
// "port 659/udp", or "port 2/tcp (written \"compressnet\")" when the user wrote a name.
std::string port_phrase(const PortToken& token, TransportSet transports);
// "tcp", "tcp and udp".
std::string transport_list(TransportSet transports);
// "22", "600:700" in the rule's own range notation.
std::string interval_text(const PortInterval& interval);

// The finding's severity: the check's default, or info when the rule denies the traffic, only
// excludes the port, or is disabled, so that the mention is dead weight rather than an opening.
Severity mention_severity(const CheckDef& check, const Rule& rule, const PortMention& mention);
// The clause that explains an info-level mention ("the rule drops this traffic, so ...").
std::string dead_weight_clause(const Rule& rule, const PortMention& mention);

// The edit that takes one element out of a written list (`22,658`, `2049 658`, `{ 22, 658 }`)
// with its separator; nullopt when it is the list's only element or not on one line.
std::optional<TextEdit> remove_list_element(const SourceFile& file, const SourceSpan& element);
// The edited line's text, trimmed, for showing the result of a one-line edit.
std::string edited_line(const SourceFile& file, const TextEdit& edit);

// Fills suggestion and edits for taking every removed or retired port out of the mention's port
// set (the same result for every finding on that set): the list or range rewritten (the
// resulting text shown), the port taken out of the shared list it was written in, or the whole
// rule deleted when nothing would be left of that side.
void suggest_without_ports(const Rule& rule, const PortMention& mention,
                           const CheckContext& context, Finding& finding);
// Fills the suggestion for restricting the rule to `keep` transports.
void suggest_transports(const Rule& rule, TransportSet keep, const CheckContext& context,
                        Finding& finding);

// A finding of `check` at the mention's token, with the via-references as related locations.
Finding mention_finding(const CheckDef& check, const Rule& rule, const PortMention& mention,
                        std::string message);

}  // namespace fwlint
