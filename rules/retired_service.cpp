#include "rules/port_mentions.h"

namespace fwlint {

namespace {

std::string retired_message(const PortToken& token, TransportSet transports,
                            const RetiredService& service, const Registry& registry) {
  return port_phrase(token, transports) + " belongs to a retired service: IANA (registry " +
         std::string(registry.date()) + ") still lists it as \"" + service.service + "\", but " +
         service.summary + " (source: fwlint's retired-services list)";
}

void check_retired_service(const CheckDef& self, const Rule& rule, CheckContext& context) {
  for (const PortMention& mention : port_mentions(rule)) {
    if (mention.token.interval.width() != 1) continue;  // ranges: range-includes-removed-port
    uint16_t port = mention.token.interval.low;
    TransportSet retired;
    TransportSet other;
    const RetiredService* service = nullptr;
    const PortNote* note = nullptr;
    for (Transport transport : kAllTransports) {
      if (!rule.transports.contains(transport)) continue;
      if (CheckOptions::find(context.options.allowed, port, transport) != nullptr) continue;
      if (const RetiredService* found = context.retired.find(port, transport)) {
        retired.add(transport);
        service = found;
      } else if (const PortNote* found =
                     CheckOptions::find(context.options.extra_retired, port, transport)) {
        retired.add(transport);
        note = found;
      } else if (context.registry.lookup(port, transport).status == PortStatus::kAssigned) {
        other.add(transport);
      }
    }
    if (service == nullptr && note == nullptr) continue;
    Finding finding = mention_finding(
        self, rule, mention,
        service != nullptr ? retired_message(mention.token, retired, *service, context.registry)
                           : port_phrase(mention.token, retired) + " is declared retired by " +
                                 note->source + ": " + note->reason);
    if (!other.empty()) {
      suggest_transports(rule, other, context, finding);
    } else {
      suggest_without_ports(rule, mention, context, finding);
    }
    context.findings.push_back(std::move(finding));
  }
}

}  // namespace

extern const CheckDef kRetiredService = {
    .info =
        {
            .id = "FW2002",
            .name = "retired-service",
            .severity = Severity::kWarning,
            .summary = "Rule mentions the port of a service that is retired in the world",
            .suggestion = "Remove the port from the rule, or the rule if it is its only port",
            .doc = R"md(## What it does
Reports a port that IANA still lists, but whose service is gone: the product was discontinued or
its vendor no longer exists. The list is fwlint's own, curated by hand with the evidence for each
entry (`rules/data/retired-services.toml`); `fwlint explain FW2002` and the finding name the source
of each fact. It starts with 658 (`tenfold`, registered to TenFold Corporation, which merged into
Versata in 2008; often described as a NetInfo port) and 1033 (`netinfo-local`, Apple's NetInfo,
retired with Mac OS X 10.5 in 2007).

## Why is this bad?
IANA has not removed these assignments, so a registry-only audit misses them, yet nothing
legitimate should need them today. An allow rule is an opening no one uses on purpose.

## Example
```
-A INPUT -p tcp -m multiport --dports 22,658 -j ACCEPT
```

## Use instead
```
-A INPUT -p tcp -m multiport --dports 22 -j ACCEPT
```)md",
            .examples =
                {
                    {Expect::kFinding, Format::kIptablesSave,
                     "-A INPUT -p tcp --dport 658 -j ACCEPT"},
                    {Expect::kFinding, Format::kIptablesSave,
                     "-A INPUT -p udp -m multiport --dports 53,1033 -j ACCEPT"},
                    {Expect::kClean, Format::kIptablesSave,
                     "-A INPUT -p tcp --dport 660 -j ACCEPT"},
                },
        },
    .check_rule = &check_retired_service,
};

}  // namespace fwlint
