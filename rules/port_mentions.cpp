#include "rules/port_mentions.h"

#include <algorithm>
#include <set>

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

std::optional<TextEdit> remove_list_element(const SourceFile& file, const SourceSpan& element) {
  if (element.file != file.index() || element.line != element.end_line) return std::nullopt;
  std::string_view text = file.content();
  size_t begin = file.offset(element.line, element.column);
  size_t end = file.offset(element.end_line, element.end_column);
  auto is_blank = [](char c) { return c == ' ' || c == '\t'; };
  auto is_edge = [](char c) {
    return std::string_view("=\"'{}();[]\n\r").find(c) != std::string_view::npos;
  };
  size_t after = end;
  while (after < text.size() && is_blank(text[after])) ++after;
  size_t before = begin;
  while (before > 0 && is_blank(text[before - 1])) --before;
  if (after < text.size() && text[after] == ',') {
    ++after;
    while (after < text.size() && is_blank(text[after])) ++after;
    return TextEdit{file.span(begin, after), ""};
  }
  if (before > 0 && text[before - 1] == ',') {
    --before;
    while (before > 0 && is_blank(text[before - 1])) --before;
    return TextEdit{file.span(before, end), ""};
  }
  if (after > end && after < text.size() && !is_edge(text[after])) {
    return TextEdit{file.span(begin, after), ""};
  }
  if (before < begin && before > 0 && !is_edge(text[before - 1])) {
    return TextEdit{file.span(before, end), ""};
  }
  return std::nullopt;  // the only element: removing it would leave an empty list
}

std::string edited_line(const SourceFile& file, const TextEdit& edit) {
  std::string line(file.line_text(edit.span.line));
  size_t column = edit.span.column - 1;
  line.replace(column, edit.span.end_column - edit.span.column, edit.replacement);
  size_t first = line.find_first_not_of(" \t");
  return first == std::string::npos ? line : line.substr(first);
}

namespace {

bool flagged(uint16_t port, Transport transport, const CheckContext& context) {
  const CheckOptions& options = context.options;
  if (CheckOptions::find(options.allowed, port, transport) != nullptr) return false;
  return context.registry.lookup(port, transport).status == PortStatus::kRemoved ||
         context.retired.find(port, transport) != nullptr ||
         CheckOptions::find(options.extra_removed, port, transport) != nullptr ||
         CheckOptions::find(options.extra_retired, port, transport) != nullptr;
}

// A port can go when some transport of the rule flags it and no transport still uses it.
bool droppable(uint16_t port, const Rule& rule, const CheckContext& context) {
  bool any_flagged = false;
  for (Transport transport : kAllTransports) {
    if (!rule.transports.contains(transport)) continue;
    if (flagged(port, transport, context)) {
      any_flagged = true;
    } else if (context.registry.lookup(port, transport).status == PortStatus::kAssigned) {
      return false;
    }
  }
  return any_flagged;
}

void add_notes_in(const std::vector<PortNote>& notes, PortInterval range, std::set<uint16_t>& out) {
  for (const PortNote& note : notes) {
    uint32_t low = std::max(note.ports.low, range.low);
    uint32_t high = std::min(note.ports.high, range.high);
    for (uint32_t port = low; port <= high; ++port) out.insert(static_cast<uint16_t>(port));
  }
}

// Every port the registry checks would take out of this set, so that the findings on one set
// all suggest the same resulting list instead of edits that undo each other.
std::vector<uint16_t> ports_to_drop(const Rule& rule, const PortSet& ports,
                                    const CheckContext& context) {
  std::set<uint16_t> candidates;
  for (const PortToken& token : ports.tokens) {
    PortInterval range = token.interval;
    if (range.width() == 1) {
      candidates.insert(range.low);
      continue;
    }
    if (range.width() > context.options.max_range_width) continue;
    for (Transport transport : kAllTransports) {
      if (!rule.transports.contains(transport)) continue;
      for (uint16_t port : context.registry.removed_ports_in(range, transport))
        candidates.insert(port);
      for (uint16_t port : context.retired.ports_in(range, transport)) candidates.insert(port);
    }
    add_notes_in(context.options.extra_removed, range, candidates);
    add_notes_in(context.options.extra_retired, range, candidates);
  }
  std::vector<uint16_t> drop;
  for (uint16_t port : candidates) {
    if (droppable(port, rule, context)) drop.push_back(port);
  }
  return drop;
}

// Whether the mention's port set has other elements from the same shared list, which is then
// the rule's whole list rather than one value a loop gave it.
bool sees_several_elements_of(const PortMention& mention) {
  const std::string& list = mention.token.via.front().name;
  return std::count_if(mention.ports.tokens.begin(), mention.ports.tokens.end(),
                       [&](const PortToken& token) {
                         return !token.via.empty() && token.via.front().name == list;
                       }) > 1;
}

}  // namespace

void suggest_without_ports(const Rule& rule, const PortMention& mention,
                           const CheckContext& context, Finding& finding) {
  std::vector<PortInterval> keep = mention.ports.intervals();
  for (uint16_t port : ports_to_drop(rule, mention.ports, context)) keep = subtract(keep, port);
  const Dialect* dialect = context.ruleset.dialect;
  if (dialect == nullptr) return;
  if (keep.empty() && !mention.ports.negated && !mention.token.via.empty() &&
      !sees_several_elements_of(mention)) {
    // The port came from a list written elsewhere that the rule takes one value of (a loop
    // variable): the other values make other rules, so take the port out of the list rather
    // than deleting this rule. A rule that sees the whole list and loses all of it is deleted.
    if (std::optional<TextEdit> edit = remove_list_element(context.file, mention.token.span)) {
      finding.suggestion = "remove " + mention.token.text + " from the list on line " +
                           std::to_string(mention.token.span.line) + ": `" +
                           edited_line(context.file, *edit) + "`";
      finding.edits.push_back(std::move(*edit));
      return;
    }
  }
  std::string_view protocol_as_written = context.file.text(rule.protocol_span);
  if (keep.empty() && !mention.ports.negated && rule.protocol_span.file == context.file.index() &&
      !protocol_as_written.empty() && protocol_as_written != rule.protocol) {
    // One statement makes a rule per value of a variable: deleting it would drop the others.
    finding.suggestion = "line " + std::to_string(rule.span.line) +
                         " makes this rule once per value of `" + std::string(protocol_as_written) +
                         "`; leave " + rule.protocol +
                         " out of it, since that rule exists only for this traffic";
    return;
  }
  // Port keywords (Windows RPC, Teredo…) stay when every number goes: rewrite, do not delete.
  bool nothing_left = keep.empty() && mention.ports.keywords.empty();
  if (nothing_left && !mention.ports.negated) {
    finding.suggestion =
        "delete the rule, it exists only for this traffic: " + dialect->delete_rule(rule);
    return;
  }
  if (nothing_left && !rule.action.denies()) {
    // Without the exclusion the rule lets the port through: an opening is the user's call.
    finding.suggestion =
        "drop the exclusion from the rule once nothing uses the port; fwlint does not make this "
        "edit, since the rule then lets the port through";
    return;
  }
  if (nothing_left) {
    finding.suggestion = "drop the exclusion from the rule";
    finding.edits.push_back({mention.ports.option_span, std::string(mention.ports.removal_keeps)});
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

namespace {

std::string_view verdict_adjective(Verdict verdict) {
  switch (verdict) {
    case Verdict::kAccept:
      return "accepting";
    case Verdict::kDrop:
      return "dropping";
    case Verdict::kReject:
      return "rejecting";
    case Verdict::kJump:
    case Verdict::kGoto:
      return "jumping";
    case Verdict::kReturn:
      return "returning";
    case Verdict::kNat:
      return "translating";
    case Verdict::kLog:
      return "logging";
    case Verdict::kOther:
    case Verdict::kNone:
      return "";
  }
  return "";
}

RuleUse rule_use(const Rule& rule) {
  std::string place = rule.table;
  if (!place.empty() && !rule.chain.empty()) place += ' ';
  place += rule.chain;
  return {verdict_adjective(rule.action.verdict), std::move(place)};
}

}  // namespace

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
  if (!mention.token.via.empty()) {
    finding.related.push_back({rule.span, "the rule that uses it"});
    finding.shared_name = mention.token.via.front().name;
    finding.shared_users.push_back(rule_use(rule));
  }
  return finding;
}

}  // namespace fwlint
