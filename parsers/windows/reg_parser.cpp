// Registry exports (.reg, `Windows Registry Editor Version 5.00` or `REGEDIT4`) of the keys that
// hold firewall rules. Each value of such a key is one rule: its name is the rule id, its data the
// rule string of [MS-GPFAS] 2.2.2.19, `v2.x|Action=…|Dir=…|Protocol=…|LPort=…|…|`.
#include "linter/diagnostics.h"
#include "parsers/windows/windows_common.h"
#include "parsers/windows/windows_dialects.h"
#include "parsers/windows/windows_parsers.h"

namespace fwlint {

namespace {

using windows::Diagnostics;
using windows::iequals;
using windows::trim;

bool ends_with_icase(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && iequals(text.substr(text.size() - suffix.size()), suffix);
}

bool starts_with_icase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

// Firewall rules live in the local store, the defaults, Group Policy and service-hardening
// keys; ConSecRules and the profile keys hold other things.
bool is_rules_key(std::string_view key) {
  return ends_with_icase(key, "\\FirewallRules") ||
         ends_with_icase(key, "\\RestrictedServices\\Static\\System") ||
         ends_with_icase(key, "\\RestrictedServices\\Configurable\\System");
}

// The index of the quote closing the string opened at `open`, skipping `\\` and `\"`.
size_t closing_quote(std::string_view text, size_t open) {
  for (size_t i = open + 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i;
    }
  }
  return std::string_view::npos;
}

std::string unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    out += text[i];
  }
  return out;
}

class RegParser {
 public:
  RegParser(const SourceFile& file, ParseResult& result)
      : file_(file), diagnostics_(result.diagnostics), table_(result.ruleset.tables.front()) {}

  void parse() {
    uint32_t count = file_.line_count();
    bool header_seen = false;
    for (uint32_t line = 1; line <= count; ++line) {
      std::string_view text = trim(file_.line_text(line));
      if (text.empty() || text.front() == ';') continue;
      if (!header_seen) {
        header_seen = true;
        if (text == "Windows Registry Editor Version 5.00" || text == "REGEDIT4") continue;
        diagnostics_.error(kInvalidSyntax, file_.span(text),
                           "a registry export starts with `Windows Registry Editor Version "
                           "5.00` or `REGEDIT4`");
        if (!text.starts_with('[') && !text.starts_with('"')) continue;
      }
      if (text.front() == '[') {
        read_key(text);
      } else if (text.front() == '"' || text.front() == '@') {
        line = read_value(text, line);
      } else {
        diagnostics_.error(kInvalidSyntax, file_.span(text),
                           "expected a [key], a \"name\"=value line or a ; comment");
      }
    }
  }

 private:
  void read_key(std::string_view text) {
    chain_ = nullptr;
    rules_key_ = false;
    in_key_ = false;
    if (text.back() != ']') {
      diagnostics_.error(kInvalidSyntax, file_.span(text), "a key line must end with `]`");
      return;
    }
    std::string_view key = text.substr(1, text.size() - 2);
    if (key.starts_with('-')) return;  // a key deletion: nothing to audit below it
    in_key_ = true;
    key_ = key;
    key_span_ = file_.span(text);
    rules_key_ = is_rules_key(key);
  }

  // Reads the value line at `line`; returns the last line it occupies.
  uint32_t read_value(std::string_view text, uint32_t line) {
    size_t name_end = 0;
    if (text.front() == '"') {
      name_end = closing_quote(text, 0);
      if (name_end == std::string_view::npos) {
        diagnostics_.error(kInvalidSyntax, file_.span(text),
                           "the value name's quote is not closed");
        return line;
      }
    }
    std::string_view rest = trim(text.substr(name_end + 1));
    if (!rest.starts_with('=')) {
      diagnostics_.error(kInvalidSyntax, file_.span(text), "expected `=` after the value name");
      return line;
    }
    std::string_view data = trim(rest.substr(1));
    if (!in_key_) {
      if (data != "-") {
        diagnostics_.error(kInvalidSyntax, file_.span(text), "a value outside any [key]");
      }
      return line;
    }
    if (data.starts_with('"')) {
      read_string_value(text, text.substr(0, name_end + 1), data);
      return line;
    }
    if (data == "-") return line;  // a value deletion
    if (starts_with_icase(data, "dword:") || starts_with_icase(data, "hex")) {
      if (rules_key_) {
        diagnostics_.warning(kInvalidSyntax, file_.span(text),
                             "a non-string value in a firewall rules key is not a rule; ignored");
      }
      // hex data continues on the next lines while a line ends with `\`.
      while (file_.line_text(line).ends_with('\\') && line < file_.line_count()) ++line;
      return line;
    }
    diagnostics_.error(kInvalidSyntax, file_.span(data), "unknown value type");
    return line;
  }

  void read_string_value(std::string_view line, std::string_view name, std::string_view data) {
    size_t close = closing_quote(data, 0);
    if (close == std::string_view::npos) {
      diagnostics_.error(kInvalidSyntax, file_.span(data),
                         "the string value's quote is not closed");
      return;
    }
    if (!trim(data.substr(close + 1)).empty()) {
      diagnostics_.error(kInvalidSyntax, file_.span(data.substr(close + 1)),
                         "text after the string value");
    }
    if (!rules_key_) return;
    std::string id = name == "@" ? std::string() : unescape(name.substr(1, name.size() - 2));
    read_rule(line, std::move(id), data.substr(1, close - 1));
  }

  // Values a rule string assigns, gathered before the protocol is known.
  struct Pending {
    std::optional<std::string_view> protocol;
    std::vector<std::string_view> local_ports;   // LPort, LPort2_10, LPort2_20 … fields
    std::vector<std::string_view> remote_ports;  // RPort …
    bool active = false;
    bool has_direction = false;
    bool has_action = false;
    windows::RuleSides sides;
  };

  void read_rule(std::string_view line, std::string id, std::string_view value) {
    Rule rule;
    rule.name = std::move(id);
    rule.span = file_.span(line);
    rule.text = line;
    Pending pending;
    bool first = true;
    std::string_view rest = value;
    while (!rest.empty()) {
      size_t bar = rest.find('|');
      std::string_view field = rest.substr(0, bar);
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
      if (first && field.starts_with('v') && field.find('=') == std::string_view::npos) {
        first = false;
        continue;  // the schema version, "v2.33"
      }
      if (first) {
        diagnostics_.warning(kInvalidSyntax, file_.span(field),
                             "a rule string starts with its schema version (`v2.33|`)");
        first = false;
      }
      if (!field.empty()) read_field(field, rule, pending);
    }
    finish_rule(rule, pending, value);
    if (chain_ == nullptr) chain_ = &windows::add_chain(table_, std::string(key_), key_span_);
    windows::append_rule(table_, *chain_, std::move(rule));
  }

  void read_field(std::string_view field, Rule& rule, Pending& pending) {
    size_t equals = field.find('=');
    if (equals == std::string_view::npos) {
      diagnostics_.warning(kInvalidSyntax, file_.span(field),
                           "`" + std::string(field) + "` is not a `Token=value` field; ignored");
      return;
    }
    std::string_view token = field.substr(0, equals);
    std::string_view value = field.substr(equals + 1);
    if (iequals(token, "Action")) {
      read_action(value, rule);
      pending.has_action = true;
    } else if (iequals(token, "Dir")) {
      read_direction(value, rule);
      pending.has_direction = true;
    } else if (iequals(token, "Active")) {
      read_active(value, pending);
    } else if (iequals(token, "Protocol")) {
      pending.protocol = value;
    } else if (starts_with_icase(token, "LPort")) {
      pending.local_ports.push_back(field);
    } else if (starts_with_icase(token, "RPort")) {
      pending.remote_ports.push_back(field);
    } else if (iequals(token, "LA4") || iequals(token, "LA6")) {
      pending.sides.local_addresses.push_back({file_.span(value), std::string(value), false});
    } else if (iequals(token, "RA4") || iequals(token, "RA6") || iequals(token, "RA42") ||
               iequals(token, "RA62")) {
      pending.sides.remote_addresses.push_back({file_.span(value), std::string(value), false});
    } else if (iequals(token, "Name")) {
      rule.comment = unescape(value);
      rule.other_matches.push_back(field);
    } else {
      rule.other_matches.push_back(field);  // App, Svc, Profile, ICMP4 … and unknown tokens
    }
  }

  void read_action(std::string_view value, Rule& rule) {
    rule.action.target = std::string(value);
    rule.action.span = file_.span(value);
    if (iequals(value, "Allow") || iequals(value, "ByPass")) {
      rule.action.verdict = Verdict::kAccept;
    } else if (iequals(value, "Block")) {
      rule.action.verdict = Verdict::kDrop;
    } else {
      rule.action.verdict = Verdict::kOther;
      diagnostics_.error(kInvalidSyntax, file_.span(value),
                         "unknown action `" + std::string(value) + "` (Allow, Block or ByPass)");
    }
  }

  void read_direction(std::string_view value, Rule& rule) {
    if (iequals(value, "In") || iequals(value, "Out")) {
      rule.direction = iequals(value, "In") ? Direction::kInput : Direction::kOutput;
      return;
    }
    rule.direction = Direction::kInput;  // Windows' default direction
    diagnostics_.error(kInvalidSyntax, file_.span(value),
                       "unknown direction `" + std::string(value) +
                           "` (In or Out): fwlint read the rule as inbound");
  }

  void read_active(std::string_view value, Pending& pending) {
    if (iequals(value, "TRUE") || iequals(value, "FALSE")) {
      pending.active = iequals(value, "TRUE");
    } else {
      diagnostics_.error(kInvalidSyntax, file_.span(value),
                         "unknown Active value `" + std::string(value) + "` (TRUE or FALSE)");
    }
  }

  void read_ports(const std::vector<std::string_view>& fields, std::string_view value,
                  PortSet& ports) {
    // A rule string is edited as a whole: every port field of a side lives in it.
    ports.value_span = file_.span(value);
    ports.is_list = true;
    for (std::string_view field : fields) {
      if (!ports.option_span.valid()) ports.option_span = file_.span(field);
      windows::add_port_item(file_, field.substr(field.find('=') + 1), ports, diagnostics_);
    }
  }

  void finish_rule(Rule& rule, Pending& pending, std::string_view value) {
    // [MS-GPFAS]: a rule without Active=TRUE is disabled.
    rule.enabled = pending.active;
    if (!pending.has_direction) {
      rule.direction = Direction::kInput;  // Windows' default direction
      diagnostics_.warning(kInvalidSyntax, rule.span,
                           "a rule string without `Dir=`: fwlint read it as inbound");
    }
    if (!pending.has_action) {
      diagnostics_.warning(kInvalidSyntax, rule.span, "a rule string without `Action=`");
    }
    std::optional<int> protocol;
    if (pending.protocol) {
      rule.protocol = std::string(*pending.protocol);
      rule.protocol_span = file_.span(*pending.protocol);
      protocol = windows::protocol_number(*pending.protocol);
      if (!protocol || rule.protocol.front() < '0' || rule.protocol.front() > '9') {
        diagnostics_.error(kInvalidSyntax, rule.protocol_span,
                           "`Protocol=` takes a protocol number from 0 to 255");
      }
    }
    rule.transports = windows::transports_for(protocol);
    if (pending.protocol && !protocol) rule.transports = {};
    bool has_ports = !pending.local_ports.empty() || !pending.remote_ports.empty();
    if (rule.transports.empty() && has_ports) {
      std::string_view field =
          pending.local_ports.empty() ? pending.remote_ports.front() : pending.local_ports.front();
      diagnostics_.warning(kInvalidSyntax, file_.span(field),
                           "ports only apply to TCP (6) and UDP (17); fwlint ignored them");
      for (auto* fields : {&pending.local_ports, &pending.remote_ports}) {
        rule.other_matches.insert(rule.other_matches.end(), fields->begin(), fields->end());
      }
    } else {
      read_ports(pending.local_ports, value, pending.sides.local_ports);
      read_ports(pending.remote_ports, value, pending.sides.remote_ports);
    }
    windows::place_sides(rule, std::move(pending.sides));
  }

  const SourceFile& file_;
  Diagnostics diagnostics_;
  Table& table_;
  Chain* chain_ = nullptr;  // the chain of the current key, once it has a rule
  bool in_key_ = false;
  bool rules_key_ = false;
  std::string_view key_;
  SourceSpan key_span_;
};

}  // namespace

int sniff_windows_reg(std::string_view content, std::string_view) {
  std::string_view first = trim(content.substr(0, content.find('\n')));
  if (first != "Windows Registry Editor Version 5.00" && first != "REGEDIT4") return 0;
  // Any registry export is read (one without rule keys yields no rules); rules make it certain.
  bool rules = content.find("FirewallRules]") != std::string_view::npos ||
               content.find("=\"v2.") != std::string_view::npos;
  return rules ? 95 : 60;
}

ParseResult parse_windows_reg(const SourceFile& file, const ParseContext&) {
  ParseResult result;
  result.ruleset = windows::make_ruleset(Format::kWindowsReg, windows::registry_dialect());
  RegParser(file, result).parse();
  return result;
}

}  // namespace fwlint
