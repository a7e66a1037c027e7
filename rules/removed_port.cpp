#include "rules/port_mentions.h"

namespace fwlint {

namespace {

std::string removal_message(const PortToken& token, TransportSet removed, const Removal& facts,
                            const Registry& registry) {
  std::string former = facts.former_name.empty()
                           ? "; no source names its former service"
                           : "; it was \"" + std::string(facts.former_name) + "\"";
  return port_phrase(token, removed) + " was " + removal_verb(facts.kind) + " by IANA " +
         removal_date_phrase(facts.removed_on) + former + " (IANA registry " +
         std::string(registry.date()) + ": \"" + std::string(facts.iana_wording) + "\")";
}

std::string declared_message(const PortToken& token, TransportSet removed, const PortNote& note) {
  return port_phrase(token, removed) + " is declared removed by " + note.source + ": " +
         note.reason;
}

void check_removed_port(const CheckDef& self, const Rule& rule, CheckContext& context) {
  const CheckOptions& options = context.options;
  for (const PortMention& mention : port_mentions(rule)) {
    if (mention.token.interval.width() != 1) continue;  // ranges: range-includes-removed-port
    uint16_t port = mention.token.interval.low;
    TransportSet removed;
    TransportSet declared;
    TransportSet assigned;
    const Removal* facts = nullptr;
    const PortNote* note = nullptr;
    for (Transport transport : kAllTransports) {
      if (!rule.transports.contains(transport)) continue;
      if (CheckOptions::find(options.allowed, port, transport) != nullptr) continue;
      PortInfo info = context.registry.lookup(port, transport);
      if (info.status == PortStatus::kRemoved) {
        removed.add(transport);
        if (facts == nullptr) facts = info.removal;
      } else if (const PortNote* found =
                     CheckOptions::find(options.extra_removed, port, transport)) {
        declared.add(transport);
        note = found;
      } else if (info.status == PortStatus::kAssigned) {
        assigned.add(transport);
      }
    }
    for (bool from_registry : {true, false}) {
      if (from_registry ? facts == nullptr : note == nullptr) continue;
      Finding finding = mention_finding(
          self, rule, mention,
          from_registry ? removal_message(mention.token, removed, *facts, context.registry)
                        : declared_message(mention.token, declared, *note));
      if (!assigned.empty()) {
        suggest_transports(rule, assigned, context, finding);
      } else {
        suggest_without_ports(rule, mention, context, finding);
      }
      context.findings.push_back(std::move(finding));
    }
  }
}

}  // namespace

extern const CheckDef kRemovedPort = {
    .info =
        {
            .id = "FW2001",
            .name = "removed-port",
            .severity = Severity::kError,
            .summary = "Rule mentions a port whose IANA assignment was removed",
            .suggestion = "Remove the port from the rule, or the rule if it is its only port",
            .doc = R"md(## What it does
Reports a port, list entry or service name whose IANA assignment was removed, de-registered,
deprecated or de-assigned and has not been given to another service since (for example 659, 47 and
61, or 993/udp), for each transport the rule covers. The facts come from the IANA Service Name and
Transport Protocol Port Number Registry compiled into fwlint and from IANA's registry history.

## Why is this bad?
No registered service runs on the port any more. An allow rule for it opens the host to whatever
happens to listen there (often malware picks such ports precisely because no one watches them); a
deny rule for it is dead weight that makes the rule set harder to review. Checks are per transport:
993/tcp is IMAPS and clean, but 993/udp was de-assigned.

## Example
```
-A INPUT -p udp -m multiport --dports 53,659 -j ACCEPT
```

## Use instead
```
-A INPUT -p udp -m multiport --dports 53 -j ACCEPT
```
A rule whose only port was removed is deleted; a rule that covers several transports is restricted
to the transports on which the port is still assigned. Deny rules are reported at info severity.)md",
            .examples =
                {
                    {Expect::kFinding, Format::kIptablesSave,
                     "-A INPUT -p udp --dport 659 -j ACCEPT"},
                    {Expect::kFinding, Format::kIptablesSave,
                     "-A INPUT -p tcp -m multiport --dports 22,47,61 -j ACCEPT"},
                    {Expect::kFinding, Format::kIptablesSave,
                     "-A INPUT -p udp --dport 993 -j ACCEPT"},
                    {Expect::kClean, Format::kIptablesSave,
                     "-A INPUT -p tcp --dport 993 -j ACCEPT"},
                    {Expect::kClean, Format::kIptablesSave,
                     "-A INPUT -p tcp -m multiport --dports 22,53,443 -j ACCEPT"},
                },
        },
    .check_rule = &check_removed_port,
};

}  // namespace fwlint
