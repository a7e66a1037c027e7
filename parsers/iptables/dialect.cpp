#include "parsers/iptables/dialect.h"

#include <algorithm>
#include <string>

#include "parsers/iptables/lines.h"
#include "parsers/iptables/rule_text.h"

namespace fwlint::iptables {

namespace {

constexpr int kMultiportSlots = 15;

std::string entry_text(const PortSet& ports, const PortInterval& interval) {
  for (const PortToken& token : ports.tokens) {
    if (token.interval == interval && token.via.empty()) return token.text;
  }
  if (interval.low == interval.high) return std::to_string(interval.low);
  return std::to_string(interval.low) + ":" + std::to_string(interval.high);
}

std::string list_text(const PortSet& ports, std::span<const PortInterval> intervals, int* slots) {
  std::string text;
  *slots = 0;
  for (const PortInterval& interval : intervals) {
    if (!text.empty()) text += ',';
    text += entry_text(ports, interval);
    *slots += interval.low == interval.high ? 1 : 2;
  }
  return text;
}

// The written intervals that `keep` leaves out.
std::vector<PortInterval> dropped(const PortSet& ports, std::span<const PortInterval> keep) {
  std::vector<PortInterval> outside =
      complement(normalize(std::vector<PortInterval>(keep.begin(), keep.end())));
  std::vector<PortInterval> result;
  for (const PortInterval& written : ports.intervals()) {
    for (const PortInterval& gap : outside) {
      uint16_t low = std::max(written.low, gap.low);
      uint16_t high = std::min(written.high, gap.high);
      if (low <= high) result.push_back({low, high});
    }
  }
  return result;
}

std::string_view multiport_option(const PortSet& ports, const Rule& rule) {
  if (ports.either_side) return "--ports";
  return &ports == &rule.source_ports ? "--sports" : "--dports";
}

class IptablesDialect : public Dialect {
 public:
  explicit IptablesDialect(bool script) : script_(script) {}

  PortEdit rewrite_ports(const Rule& rule, const PortSet& ports,
                         std::span<const PortInterval> keep) const override {
    int slots = 0;
    std::string list = list_text(ports, keep, &slots);
    std::string option(multiport_option(ports, rule));
    if (slots > kMultiportSlots && !ports.negated) {
      if (auto written = text_in_rule(rule, ports.option_span)) {
        int dropped_slots = 0;
        std::vector<PortInterval> excluded = dropped(ports, keep);
        std::string excluded_text = list_text(ports, excluded, &dropped_slots);
        if (dropped_slots <= kMultiportSlots) {
          return {ports.option_span,
                  concat(*written, " -m multiport ! ", option, " ", excluded_text)};
        }
      }
    }
    if (ports.is_list || keep.size() == 1) return {ports.value_span, list};
    return {ports.option_span,
            concat("-m multiport ", ports.negated ? "! " : "", option, " ", list)};
  }

  std::string delete_rule(const Rule& rule) const override {
    if (script_) {
      std::string lines = rule.span.end_line > rule.span.line
                              ? concat("lines ", std::to_string(rule.span.line), "-",
                                       std::to_string(rule.span.end_line))
                              : concat("line ", std::to_string(rule.span.line));
      return concat("delete ", lines, ": ", rule.text);
    }
    std::string command = concat(rule.family == Family::kIpv6 ? "ip6tables" : "iptables", " -t ",
                                 rule.table, " -D ", rule.chain);
    if (auto offset = rule_spec_offset(rule)) {
      std::string_view spec = rule.text.substr(*offset);
      while (!spec.empty() && (spec.front() == ' ' || spec.front() == '\t')) spec.remove_prefix(1);
      if (!spec.empty()) command += concat(" ", spec);
    }
    return command;
  }

  std::string restrict_transports(const Rule& rule, TransportSet keep) const override {
    std::string statements;
    for (Transport transport : kAllTransports) {
      if (!keep.contains(transport)) continue;
      if (!statements.empty()) statements += '\n';
      statements += with_protocol(rule, transport_name(transport));
    }
    return statements;
  }

 private:
  static std::string with_protocol(const Rule& rule, std::string_view protocol) {
    std::string text(rule.text);
    auto written = text_in_rule(rule, rule.protocol_span);
    if (!written) {
      size_t at = rule_spec_offset(rule).value_or(text.size());
      return text.insert(at, concat(" -p ", protocol));
    }
    size_t begin = static_cast<size_t>(written->data() - rule.text.data());
    text.replace(begin, written->size(), protocol);
    if (rule.protocol_negated) drop_negation(text, begin);
    return text;
  }

  // Removes the `!` of `! -p X` or `-p ! X` before the protocol value at `value`.
  static void drop_negation(std::string& text, size_t value) {
    auto previous_word = [&text](size_t end) -> std::pair<size_t, size_t> {
      while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
      size_t begin = end;
      while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\t') --begin;
      return {begin, end};
    };
    auto [begin, end] = previous_word(value);
    if (text.compare(begin, end - begin, "!") == 0) {
      text.erase(begin, value - begin);
      return;
    }
    auto [bang_begin, bang_end] = previous_word(begin);
    if (text.compare(bang_begin, bang_end - bang_begin, "!") == 0) {
      text.erase(bang_begin, begin - bang_begin);
    }
  }

  bool script_;
};

}  // namespace

const Dialect& save_dialect() {
  static const IptablesDialect dialect(false);
  return dialect;
}

const Dialect& script_dialect() {
  static const IptablesDialect dialect(true);
  return dialect;
}

}  // namespace fwlint::iptables
