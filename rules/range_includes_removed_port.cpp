#include <algorithm>
#include <map>

#include "rules/port_mentions.h"

namespace fwlint {

namespace {

struct InsidePort {
  TransportSet removed;
  TransportSet retired;
};

std::map<uint16_t, InsidePort> ports_inside(const Rule& rule, PortInterval range,
                                            const CheckContext& context) {
  std::map<uint16_t, InsidePort> inside;
  for (Transport transport : kAllTransports) {
    if (!rule.transports.contains(transport)) continue;
    for (uint16_t port : context.registry.removed_ports_in(range, transport)) {
      inside[port].removed.add(transport);
    }
    for (uint16_t port : context.retired.ports_in(range, transport)) {
      inside[port].retired.add(transport);
    }
    for (const auto& [notes, removed] : {std::pair{&context.options.extra_removed, true},
                                         std::pair{&context.options.extra_retired, false}}) {
      for (const PortNote& note : *notes) {
        if (!note.transports.contains(transport)) continue;
        uint16_t low = std::max(note.ports.low, range.low);
        uint16_t high = std::min(note.ports.high, range.high);
        for (uint32_t port = low; port <= high && low <= high; ++port) {
          (removed ? inside[port].removed : inside[port].retired).add(transport);
        }
      }
    }
  }
  for (auto it = inside.begin(); it != inside.end();) {
    for (Transport transport : kAllTransports) {
      if (CheckOptions::find(context.options.allowed, it->first, transport) == nullptr) continue;
      it->second.removed.remove(transport);
      it->second.retired.remove(transport);
    }
    bool kept = !it->second.removed.empty() || !it->second.retired.empty();
    it = kept ? std::next(it) : inside.erase(it);
  }
  return inside;
}

std::string range_message(const PortMention& mention,
                          const std::map<uint16_t, InsidePort>& inside) {
  std::vector<std::string> removed;
  std::vector<std::string> retired;
  for (const auto& [port, kinds] : inside) {
    if (!kinds.removed.empty()) removed.push_back(port_transports(port, kinds.removed));
    if (!kinds.retired.empty()) retired.push_back(port_transports(port, kinds.retired));
  }
  std::string message = "range " + mention.token.text + " includes ";
  if (!removed.empty()) {
    message +=
        std::string(removed.size() == 1 ? "a port" : std::to_string(removed.size()) + " ports") +
        " whose IANA assignment was removed (" + join_words(removed) + ")";
  }
  if (!retired.empty()) {
    if (!removed.empty()) message += " and ";
    message += std::string(retired.size() == 1
                               ? "the port of a retired service"
                               : std::to_string(retired.size()) + " ports of retired services") +
               " (" + join_words(retired) + ")";
  }
  return message;
}

void check_range(const CheckDef& self, const Rule& rule, CheckContext& context) {
  for (const PortMention& mention : port_mentions(rule)) {
    PortInterval range = mention.token.interval;
    if (range.width() == 1 || range.width() > context.options.max_range_width) continue;
    std::map<uint16_t, InsidePort> inside = ports_inside(rule, range, context);
    if (inside.empty()) continue;
    Finding finding = mention_finding(self, rule, mention, range_message(mention, inside));
    suggest_without_ports(rule, mention, context, finding);
    context.findings.push_back(std::move(finding));
  }
}

}  // namespace

extern const CheckDef kRangeIncludesRemovedPort = {
    .info =
        {
            .id = "FW2003",
            .name = "range-includes-removed-port",
            .severity = Severity::kWarning,
            .summary = "A port range covers removed or retired ports",
            .suggestion = "Split the range around the removed and retired ports",
            .doc = R"md(## What it does
Reports a port range that contains ports whose IANA assignment was removed (as `removed-port`
defines them) or ports of retired services (as `retired-service` defines them), naming each port
inside. Ranges wider than the `max-range-width` option (default 1024 ports) are not reported:
a rule for 1024:65535 is about ephemeral ports, not about any one service.

## Why is this bad?
Real rule sets rarely name a removed port on its own; they open it through a range such as
`600:700` or `1:1023`. The range opens the removed port just the same.

## Example
```
-A INPUT -p tcp --dport 600:700 -j ACCEPT
```

## Use instead
```
-A INPUT -p tcp -m multiport --dports 600:657,660:700 -j ACCEPT
```
Deny rules and negated ranges are reported at info severity.)md",
            .examples =
                {
                    {Expect::kFinding, Format::kIptablesSave,
                     "-A INPUT -p tcp --dport 600:700 -j ACCEPT"},
                    {Expect::kFinding, Format::kIptablesSave,
                     "-A INPUT -p udp -m multiport --dports 40:50 -j ACCEPT"},
                    {Expect::kClean, Format::kIptablesSave,
                     "-A INPUT -p tcp --dport 8100:8200 -j ACCEPT"},
                    {Expect::kClean, Format::kIptablesSave,
                     "-A INPUT -p tcp --dport 1024:65535 -j ACCEPT"},
                },
        },
    .check_rule = &check_range,
};

}  // namespace fwlint
