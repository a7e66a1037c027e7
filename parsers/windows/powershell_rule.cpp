#include "parsers/windows/powershell_rule.h"

#include "linter/diagnostics.h"

namespace fwlint::windows {

namespace {

// Enumerations appear as names (Export-Csv, Firewall-Manager) or as the CIM integers
// (ConvertTo-Json of the objects themselves): Enabled 1 True, 2 False; Direction 1 Inbound,
// 2 Outbound; Action 2 Allow, 3 AllowBypass, 4 Block.
bool is_one_of(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (iequals(text, word)) return true;
  }
  return false;
}

class RuleBuilder {
 public:
  RuleBuilder(const SourceFile& file, const PsRule& properties, Diagnostics& diagnostics)
      : file_(file), properties_(properties), diagnostics_(diagnostics) {}

  Rule build() {
    rule_.text = properties_.text;
    rule_.span = file_.span(properties_.text);
    rule_.name = properties_.name.text;
    rule_.comment = properties_.display_name.text;
    read_enabled();
    read_direction();
    read_action();
    read_protocol();
    RuleSides sides;
    if (!rule_.transports.empty()) {
      read_ports(properties_.local_port, sides.local_ports);
      read_ports(properties_.remote_port, sides.remote_ports);
    }
    read_addresses(properties_.local_address, sides.local_addresses);
    read_addresses(properties_.remote_address, sides.remote_addresses);
    place_sides(rule_, std::move(sides));
    return std::move(rule_);
  }

 private:
  void unknown(const PsProperty& property, std::string_view what, std::string_view expected) {
    diagnostics_.warning_once(std::string(what) + ":" + property.text, kInvalidSyntax,
                              property.span.valid() ? property.span : rule_.span,
                              "unknown " + std::string(what) + " `" + property.text + "` (" +
                                  std::string(expected) + ")");
  }

  void read_enabled() {
    const PsProperty& enabled = properties_.enabled;
    if (!enabled.present) return;
    if (is_one_of(enabled.text, {"True", "1"})) {
      rule_.enabled = true;
    } else if (is_one_of(enabled.text, {"False", "2"})) {
      rule_.enabled = false;
    } else {
      unknown(enabled, "Enabled value", "True or False");
    }
  }

  void read_direction() {
    const PsProperty& direction = properties_.direction;
    if (is_one_of(direction.text, {"Inbound", "In", "1"})) {
      rule_.direction = Direction::kInput;
    } else if (is_one_of(direction.text, {"Outbound", "Out", "2"})) {
      rule_.direction = Direction::kOutput;
    } else {
      rule_.direction = Direction::kInput;  // Windows' default direction
      unknown(direction, "Direction", "Inbound or Outbound; fwlint read the rule as inbound");
    }
  }

  void read_action() {
    const PsProperty& action = properties_.action;
    rule_.action.target = action.text;
    rule_.action.span = action.span;
    if (is_one_of(action.text, {"Allow", "AllowBypass", "2", "3"})) {
      rule_.action.verdict = Verdict::kAccept;
    } else if (is_one_of(action.text, {"Block", "4"})) {
      rule_.action.verdict = Verdict::kDrop;
    } else {
      rule_.action.verdict = Verdict::kOther;
      unknown(action, "Action", "Allow, AllowBypass or Block");
    }
  }

  void read_protocol() {
    const PsProperty& protocol = properties_.protocol;
    std::optional<int> number;
    if (protocol.present && !protocol.text.empty() && !iequals(protocol.text, "Any")) {
      rule_.protocol = protocol.text;
      rule_.protocol_span = protocol.span;
      number = protocol_number(protocol.text);
      if (!number) {
        diagnostics_.error(kInvalidSyntax, protocol.span,
                           "unknown protocol `" + protocol.text + "`");
        return;  // no transports: the ports cannot be read
      }
    } else if (protocol.present) {
      rule_.protocol = protocol.text;
      rule_.protocol_span = protocol.span;
    }
    rule_.transports = transports_for(number);
  }

  void read_ports(const PsProperty& property, PortSet& ports) {
    if (!property.present || property.text.empty() || iequals(property.text, "Any")) return;
    if (property.escaped) {
      diagnostics_.error(kInvalidPort, property.span,
                         "port value `" + property.text + "` contains escaped characters");
      return;
    }
    for (std::string_view item : property.items) add_port_list(file_, item, ports, diagnostics_);
    ports.value_span = property.span;
    ports.option_span = property.span;
  }

  void read_addresses(const PsProperty& property, std::vector<AddressMatch>& addresses) {
    if (!property.present || property.text.empty() || iequals(property.text, "Any")) return;
    if (property.escaped) {
      addresses.push_back({property.span, property.text, false});
      return;
    }
    for (std::string_view item : property.items) add_address_list(file_, item, addresses);
  }

  const SourceFile& file_;
  const PsRule& properties_;
  Diagnostics& diagnostics_;
  Rule rule_;
};

struct Column {
  std::string_view key;
  PsProperty PsRule::*property;
};

constexpr Column kColumns[] = {
    {"Name", &PsRule::name},
    {"DisplayName", &PsRule::display_name},
    {"Enabled", &PsRule::enabled},
    {"Direction", &PsRule::direction},
    {"Action", &PsRule::action},
    {"Protocol", &PsRule::protocol},
    {"LocalPort", &PsRule::local_port},
    {"RemotePort", &PsRule::remote_port},
    {"LocalAddress", &PsRule::local_address},
    {"RemoteAddress", &PsRule::remote_address},
};

}  // namespace

PsProperty* ps_property(PsRule& rule, std::string_view key) {
  for (const Column& column : kColumns) {
    if (iequals(column.key, key)) return &(rule.*column.property);
  }
  return nullptr;
}

bool is_port_filter_property(std::string_view key) {
  return iequals(key, "LocalPort") || iequals(key, "RemotePort");
}

Rule build_powershell_rule(const SourceFile& file, const PsRule& properties,
                           Diagnostics& diagnostics) {
  return RuleBuilder(file, properties, diagnostics).build();
}

}  // namespace fwlint::windows
