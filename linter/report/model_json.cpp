#include "linter/report/model_json.h"

namespace fwlint {

using nlohmann::json;

json span_to_json(const SourceSpan& span) {
  if (!span.valid()) return nullptr;
  return {{"line", span.line},
          {"column", span.column},
          {"end_line", span.end_line},
          {"end_column", span.end_column}};
}

namespace {

json ports_to_json(const PortSet& ports) {
  json tokens = json::array();
  for (const PortToken& token : ports.tokens) {
    json via = json::array();
    for (const Reference& reference : token.via) {
      via.push_back({{"name", reference.name}, {"span", span_to_json(reference.span)}});
    }
    tokens.push_back({{"text", token.text},
                      {"low", token.interval.low},
                      {"high", token.interval.high},
                      {"span", span_to_json(token.span)},
                      {"via", via}});
  }
  json intervals = json::array();
  for (const PortInterval& interval : ports.intervals()) {
    intervals.push_back({interval.low, interval.high});
  }
  json result = {{"any", ports.any()},
                 {"negated", ports.negated},
                 {"list", ports.is_list},
                 {"intervals", intervals},
                 {"tokens", tokens}};
  // Only Windows writes port keywords; other formats' dumps keep their shape.
  if (!ports.keywords.empty()) {
    json keywords = json::array();
    for (const PortKeyword& keyword : ports.keywords) {
      keywords.push_back({{"text", keyword.text}, {"span", span_to_json(keyword.span)}});
    }
    result["keywords"] = std::move(keywords);
  }
  return result;
}

template <typename Match>
json matches_to_json(const std::vector<Match>& matches, const char* value_key,
                     std::string Match::*value) {
  json result = json::array();
  for (const Match& match : matches) {
    result.push_back({{value_key, match.*value},
                      {"negated", match.negated},
                      {"span", span_to_json(match.span)}});
  }
  return result;
}

json rule_to_json(const Rule& rule) {
  json transports = json::array();
  for (Transport t : kAllTransports) {
    if (rule.transports.contains(t)) transports.push_back(transport_name(t));
  }
  json other = json::array();
  for (std::string_view match : rule.other_matches) other.push_back(match);
  json result = {
      {"position", rule.position},
      {"span", span_to_json(rule.span)},
      {"text", rule.text},
      {"family", family_name(rule.family)},
      {"direction", direction_name(rule.direction)},
      {"action",
       {{"verdict", verdict_name(rule.action.verdict)},
        {"target", rule.action.target},
        {"span", span_to_json(rule.action.span)}}},
      {"protocol",
       {{"text", rule.protocol},
        {"negated", rule.protocol_negated},
        {"span", span_to_json(rule.protocol_span)}}},
      {"transports", transports},
      {"sources", matches_to_json(rule.sources, "address", &AddressMatch::text)},
      {"destinations", matches_to_json(rule.destinations, "address", &AddressMatch::text)},
      {"source_ports", ports_to_json(rule.source_ports)},
      {"destination_ports", ports_to_json(rule.destination_ports)},
      {"in_interfaces", matches_to_json(rule.in_interfaces, "name", &InterfaceMatch::name)},
      {"out_interfaces", matches_to_json(rule.out_interfaces, "name", &InterfaceMatch::name)},
      {"comment", rule.comment},
      {"other_matches", other},
  };
  // Only formats with rule names or disabled rules (Windows, pf labels) or quick rules (pf) add
  // these; others keep their shape.
  if (!rule.name.empty()) result["name"] = rule.name;
  if (!rule.enabled) result["enabled"] = false;
  if (rule.quick) result["quick"] = true;
  return result;
}

}  // namespace

json model_to_json(const Ruleset& ruleset, const SourceManager& sources) {
  json tables = json::array();
  for (const Table& table : ruleset.tables) {
    json chains = json::array();
    for (const Chain& chain : table.chains) {
      json rules = json::array();
      for (const Rule& rule : chain.rules) rules.push_back(rule_to_json(rule));
      chains.push_back({{"name", chain.name},
                        {"policy", chain.policy},
                        {"direction", direction_name(chain.direction)},
                        {"span", span_to_json(chain.span)},
                        {"rules", rules}});
    }
    tables.push_back({{"name", table.name},
                      {"family", family_name(table.family)},
                      {"span", span_to_json(table.span)},
                      {"chains", chains}});
  }
  return {{"schema", "fwlint-model/1"},
          {"file", sources.file(ruleset.file).path()},
          {"format", format_name(ruleset.format)},
          {"tables", tables}};
}

}  // namespace fwlint
