#include "parsers/windows/windows_dialects.h"

#include <algorithm>
#include <vector>

#include "parsers/windows/windows_common.h"

namespace fwlint::windows {

namespace {

// The kept intervals followed by the side's keywords, which a port edit never touches.
std::vector<std::string> kept_items(const PortSet& ports, std::span<const PortInterval> keep) {
  std::vector<std::string> items;
  for (const PortInterval& interval : keep) {
    items.push_back(port_list_text(std::span<const PortInterval>(&interval, 1)));
  }
  for (const PortKeyword& keyword : ports.keywords) items.push_back(keyword.text);
  return items;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (const std::string& item : items) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

std::string ports_text(const PortSet& ports) {
  std::vector<std::string> items;
  for (const PortToken& token : ports.tokens) items.push_back(token.text);
  for (const PortKeyword& keyword : ports.keywords) items.push_back(keyword.text);
  return join(items, ",");
}

std::string_view protocol_keyword(TransportSet transports) {
  if (transports == TransportSet::of(Transport::kTcp)) return "TCP";
  if (transports == TransportSet::of(Transport::kUdp)) return "UDP";
  return {};
}

std::string split_by_transport(std::string_view how) {
  return "split it into one rule for TCP and one for UDP (" + std::string(how) + ")";
}

class NetshDialect : public Dialect {
 public:
  PortEdit rewrite_ports(const Rule& rule, const PortSet& ports,
                         std::span<const PortInterval> keep) const override {
    std::string list = join(kept_items(ports, keep), ",");
    std::string side = is_local_side(rule, ports) ? "localport" : "remoteport";
    return {ports.value_span, list, set_rule(rule) + " new " + side + "=" + list};
  }

  std::string delete_rule(const Rule& rule) const override {
    std::string command = "netsh advfirewall firewall delete rule" + filter(rule);
    std::optional<int> protocol = protocol_number(rule.protocol);
    if (protocol && (*protocol == 6 || *protocol == 17)) {
      command += " protocol=" + std::string(*protocol == 6 ? "tcp" : "udp");
      bool outbound = rule.direction == Direction::kOutput;
      const PortSet& local = outbound ? rule.source_ports : rule.destination_ports;
      const PortSet& remote = outbound ? rule.destination_ports : rule.source_ports;
      if (!local.any()) command += " localport=" + ports_text(local);
      if (!remote.any()) command += " remoteport=" + ports_text(remote);
    }
    return command;
  }

  std::string restrict_transports(const Rule& rule, TransportSet keep) const override {
    std::string_view protocol = protocol_keyword(keep);
    if (protocol.empty()) return split_by_transport("netsh advfirewall firewall add rule");
    return set_rule(rule) + " new protocol=" + std::string(protocol);
  }

 private:
  static std::string filter(const Rule& rule) {
    std::string text = " name=\"" + rule.name + "\"";
    if (rule.direction == Direction::kInput) text += " dir=in";
    if (rule.direction == Direction::kOutput) text += " dir=out";
    return text;
  }
  static std::string set_rule(const Rule& rule) {
    return "netsh advfirewall firewall set rule" + filter(rule);
  }
};

// PowerShell single-quoted string: a quote is doubled.
std::string quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string rule_selector(const Rule& rule) {
  if (rule.name.empty()) return "-DisplayName " + quoted(rule.comment);
  return "-Name " + quoted(rule.name);
}

class PowerShellDialect : public Dialect {
 public:
  PortEdit rewrite_ports(const Rule& rule, const PortSet& ports,
                         std::span<const PortInterval> keep) const override {
    std::vector<std::string> items = kept_items(ports, keep);
    std::string written(text_in_rule(rule, ports.value_span));
    std::string replacement;
    if (written.starts_with("[")) {
      replacement = "[\"" + join(items, "\", \"") + "\"]";  // a JSON array stays an array
    } else if (written.starts_with("\"")) {
      replacement = "\"" + join(items, ",") + "\"";
    } else {
      replacement = join(items, ",");  // a CSV field
    }
    std::string parameter = is_local_side(rule, ports) ? " -LocalPort " : " -RemotePort ";
    return {ports.value_span, std::move(replacement),
            "Set-NetFirewallRule " + rule_selector(rule) + parameter + join(items, ",")};
  }

  std::string delete_rule(const Rule& rule) const override {
    return "Remove-NetFirewallRule " + rule_selector(rule);
  }

  std::string restrict_transports(const Rule& rule, TransportSet keep) const override {
    std::string_view protocol = protocol_keyword(keep);
    if (protocol.empty()) return split_by_transport("Copy-NetFirewallRule, Set-NetFirewallRule");
    return "Set-NetFirewallRule " + rule_selector(rule) + " -Protocol " + std::string(protocol);
  }
};

// The `|`-separated fields of a registry rule string, the trailing empty one included.
std::vector<std::string_view> rule_fields(std::string_view value) {
  std::vector<std::string_view> fields;
  while (true) {
    size_t bar = value.find('|');
    fields.push_back(value.substr(0, bar));
    if (bar == std::string_view::npos) break;
    value.remove_prefix(bar + 1);
  }
  return fields;
}

std::string_view field_name(std::string_view field) {
  return field.substr(0, field.find('='));
}

bool starts_with_icase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

bool contains_icase(std::string_view text, std::string_view part) {
  for (size_t i = 0; i + part.size() <= text.size(); ++i) {
    if (iequals(text.substr(i, part.size()), part)) return true;
  }
  return false;
}

// Registry port fields carry one number or one range each ("LPort=53", "LPort2_10=600-700").
bool is_numeric_port_field(std::string_view field, std::string_view side) {
  if (!starts_with_icase(field_name(field), side)) return false;
  std::string_view value = field.substr(field.find('=') + 1);
  return !value.empty() && value.front() >= '0' && value.front() <= '9';
}

class RegistryDialect : public Dialect {
 public:
  PortEdit rewrite_ports(const Rule& rule, const PortSet& ports,
                         std::span<const PortInterval> keep) const override {
    std::string_view side = is_local_side(rule, ports) ? "LPort" : "RPort";
    std::vector<std::string> fields;
    bool inserted = false;
    for (std::string_view field : rule_fields(text_in_rule(rule, ports.value_span))) {
      if (!is_numeric_port_field(field, side)) {
        fields.emplace_back(field);
        continue;
      }
      if (inserted) continue;
      inserted = true;
      for (const PortInterval& interval : keep) {
        std::string text = port_list_text(std::span<const PortInterval>(&interval, 1));
        fields.push_back(std::string(side) + (interval.low == interval.high ? "=" : "2_10=") +
                         text);
      }
    }
    return {ports.value_span, join_fields(fields)};
  }

  std::string delete_rule(const Rule& rule) const override {
    std::string command = "Remove-NetFirewallRule -Name " + quoted(rule.name);
    // Rules under the Policies key are the local Group Policy object's, not the local store's.
    if (contains_icase(rule.chain, "\\Policies\\")) command += " -PolicyStore localhost";
    return command;
  }

  std::string restrict_transports(const Rule& rule, TransportSet keep) const override {
    std::string_view protocol = protocol_keyword(keep);
    if (protocol.empty()) return split_by_transport("one value with Protocol=6, one with 17");
    std::string number = protocol == "TCP" ? "6" : "17";
    std::vector<std::string> fields;
    bool replaced = false;
    // Every registry port set spans the whole rule string.
    std::string_view value = text_in_rule(rule, rule.destination_ports.value_span);
    for (std::string_view field : rule_fields(value)) {
      if (iequals(field_name(field), "Protocol")) {
        fields.push_back("Protocol=" + number);
        replaced = true;
      } else {
        fields.emplace_back(field);
      }
    }
    if (!replaced) {
      // Where Windows writes it: after Dir=, or after the version.
      auto dir = std::find_if(fields.begin(), fields.end(), [](const std::string& field) {
        return iequals(field_name(field), "Dir");
      });
      fields.insert(dir == fields.end() ? fields.begin() + 1 : dir + 1, "Protocol=" + number);
    }
    return "set the value to \"" + join_fields(fields) + "\"";
  }

 private:
  static std::string join_fields(const std::vector<std::string>& fields) {
    std::string text;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) text += '|';
      text += fields[i];
    }
    return text;
  }
};

const NetshDialect kNetshDialect;
const RegistryDialect kRegistryDialect;
const PowerShellDialect kPowerShellDialect;

}  // namespace

const Dialect& netsh_dialect() {
  return kNetshDialect;
}
const Dialect& registry_dialect() {
  return kRegistryDialect;
}
const Dialect& powershell_dialect() {
  return kPowerShellDialect;
}

}  // namespace fwlint::windows
