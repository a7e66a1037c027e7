#include "rules/port_mentions.h"

#include <algorithm>

#include "linter/fingerprint.h"

namespace fwlint {

std::vector<PortMention> port_mentions(const Rule& rule) {
  std::vector<PortMention> mentions;
  for (const PortSet* ports : {&rule.source_ports, &rule.destination_ports}) {
    for (const PortToken& token : ports->tokens) mentions.push_back({*ports, token});
  }
  return mentions;
}

std::string removal_date_phrase(std::string_view removed_on) {
  if (removed_on.empty()) return "at an unknown date";
  if (removed_on.starts_with("../")) return "by " + std::string(removed_on.substr(3));
  if (auto slash = removed_on.find('/'); slash != std::string_view::npos) {
    return "between " + std::string(removed_on.substr(0, slash)) + " and " +
           std::string(removed_on.substr(slash + 1));
  }
  return (removed_on.size() == 7 ? "in " : "on ") + std::string(removed_on);
}

std::string removal_verb(std::string_view kind) {
  if (kind == "deregistered") return "de-registered";
  if (kind == "deprecated") return "deprecated";
  if (kind == "reserved-after-removal") return "de-assigned (now reserved)";
  return "removed";
}

std::string join_words(const std::vector<std::string>& words) {
  std::string text;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) text += i + 1 == words.size() ? " and " : ", ";
    text += words[i];
  }
  return text;
}

std::string transport_list(TransportSet transports) {
  std::vector<std::string> names;
  for (Transport t : kAllTransports) {
    if (transports.contains(t)) names.emplace_back(transport_name(t));
  }
  return join_words(names);
}

std::string port_transports(uint16_t port, TransportSet transports) {
  std::vector<std::string> names;
  for (Transport t : kAllTransports) {
    if (transports.contains(t))
      names.push_back(std::to_string(port) + "/" + std::string(transport_name(t)));
  }
  return join_words(names);
}

std::string port_phrase(const PortToken& token, TransportSet transports) {
  std::string phrase = "port " + port_transports(token.interval.low, transports);
  if (token.text != std::to_string(token.interval.low))
    phrase += " (written \"" + token.text + "\")";
  return phrase;
}

std::string interval_text(const PortInterval& interval) {
  if (interval.low == interval.high) return std::to_string(interval.low);
  return std::to_string(interval.low) + ":" + std::to_string(interval.high);
}

Severity mention_severity(const CheckDef& check, const Rule& rule, const PortMention& mention) {
  if (rule.action.denies() || mention.ports.negated || !rule.enabled) return Severity::kInfo;
  return check.info.severity;
}

std::string dead_weight_clause(const Rule& rule, const PortMention& mention) {
  if (!rule.enabled) return "; the rule is disabled, so it is dead weight that can be removed";
  if (mention.ports.negated) {
    return "; the rule only excludes it, so the exclusion is dead weight once nothing uses the "
           "port";
  }
  if (rule.action.denies()) {
    return "; the rule " +
           std::string(rule.action.verdict == Verdict::kDrop ? "drops" : "rejects") +
           " this traffic, so it is dead weight that can be removed";
  }
  return {};
}

void suggest_without_ports(const Rule& rule, const PortMention& mention,
                           const std::vector<uint16_t>& ports_to_drop, const CheckContext& context,
                           Finding& finding) {
  std::vector<PortInterval> keep = mention.ports.intervals();
  for (uint16_t port : ports_to_drop) keep = subtract(keep, port);
  const Dialect* dialect = context.ruleset.dialect;
  if (dialect == nullptr) return;
  if (keep.empty() && !mention.ports.negated) {
    finding.suggestion =
        "delete the rule, it exists only for this traffic: " + dialect->delete_rule(rule);
    return;
  }
  if (keep.empty()) {
    finding.suggestion = "drop the exclusion from the rule";
    finding.edits.push_back({mention.ports.option_span, ""});
    return;
  }
  Dialect::PortEdit edit = dialect->rewrite_ports(rule, mention.ports, keep);
  finding.suggestion = "rewrite the ports as `" + edit.replacement + "`";
  if (!edit.command.empty()) finding.suggestion += ": " + edit.command;
  finding.edits.push_back({edit.span, std::move(edit.replacement)});
}

void suggest_transports(const Rule& rule, TransportSet keep, const CheckContext& context,
                        Finding& finding) {
  if (context.ruleset.dialect == nullptr) return;
  finding.suggestion = "restrict the rule to " + transport_list(keep) + ": " +
                       context.ruleset.dialect->restrict_transports(rule, keep);
}

Finding mention_finding(const CheckDef& check, const Rule& rule, const PortMention& mention,
                        std::string message) {
  Finding finding;
  finding.check_id = check.info.id;
  finding.check_name = check.info.name;
  finding.severity = mention_severity(check, rule, mention);
  finding.span = mention.token.span;
  finding.rule_span = rule.span;
  finding.fingerprint = rule_fingerprint(check.info.id, rule, mention.token.text);
  std::string prefix;
  if (!mention.token.via.empty()) {
    prefix = mention.token.via.front().name + " contains " + mention.token.text + ": ";
  }
  finding.message = prefix + std::move(message) + dead_weight_clause(rule, mention);
  for (const Reference& reference : mention.token.via) {
    finding.related.push_back(
        {reference.span, "the port reaches the rule through " + reference.name});
  }
  if (!mention.token.via.empty()) finding.related.push_back({rule.span, "the rule that uses it"});
  return finding;
}

}  // namespace fwlint
