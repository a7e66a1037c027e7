// `netsh advfirewall firewall show rule name=all [verbose]`: records of `Label: value` lines, each
// opened by the rule's name and a line of dashes, in the language of the machine.
#include <optional>

#include "linter/diagnostics.h"
#include "parsers/windows/netsh_labels.h"
#include "parsers/windows/windows_common.h"
#include "parsers/windows/windows_dialects.h"
#include "parsers/windows/windows_parsers.h"

namespace fwlint {

namespace {

using windows::Diagnostics;
using windows::NetshField;
using windows::NetshWord;
using windows::trim;

bool is_dash_line(std::string_view line) {
  line = trim(line);
  return line.size() >= 10 && line.find_first_not_of('-') == std::string_view::npos;
}

bool is_indented(std::string_view line) {
  return !line.empty() && (line.front() == ' ' || line.front() == '\t');
}

struct Field {
  std::string_view label;
  std::string_view value;  // trimmed
};

std::optional<Field> split_field(std::string_view line) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  return Field{trim(line.substr(0, colon)), trim(line.substr(colon + 1))};
}

// A line opens a record when a line of dashes follows it, or when it is labelled with the
// rule-name label of a known language (then the dashes are reported missing).
enum class RecordStart : uint8_t { kNo, kWithDashes, kWithoutDashes };

class NetshParser {
 public:
  NetshParser(const SourceFile& file, ParseResult& result)
      : file_(file), diagnostics_(result.diagnostics), table_(result.ruleset.tables.front()) {
    windows::add_chain(table_, "rules", {});
  }

  void parse() {
    uint32_t count = file_.line_count();
    uint32_t line = 1;
    while (line <= count) {
      std::string_view text = file_.line_text(line);
      if (trim(text).empty()) {
        ++line;
      } else if (RecordStart start = record_start(line); start != RecordStart::kNo) {
        line = parse_record(line, start);
      } else {
        if (!windows::is_netsh_trailer(trim(text))) {
          diagnostics_.error(kInvalidSyntax, file_.span(trim(text)),
                             "text outside a rule record: a record starts with the rule's name "
                             "(`Rule Name: …`) followed by a line of dashes");
        }
        ++line;
      }
    }
  }

 private:
  RecordStart record_start(uint32_t line) const {
    std::string_view text = file_.line_text(line);
    if (is_indented(text)) return RecordStart::kNo;
    std::optional<Field> field = split_field(text);
    if (!field) return RecordStart::kNo;
    if (line < file_.line_count() && is_dash_line(file_.line_text(line + 1))) {
      return RecordStart::kWithDashes;
    }
    return windows::netsh_field(field->label) == NetshField::kName ? RecordStart::kWithoutDashes
                                                                   : RecordStart::kNo;
  }

  // Parses the record opened at `first`; returns the line after it.
  uint32_t parse_record(uint32_t first, RecordStart start) {
    Rule rule;
    std::string_view name_line = file_.line_text(first);
    rule.name = std::string(split_field(name_line)->value);
    uint32_t last = first;
    uint32_t line = first + 1;
    if (start == RecordStart::kWithDashes) {
      last = line++;
    } else {
      diagnostics_.warning(kInvalidSyntax, file_.span(trim(name_line)),
                           "the rule name is not followed by the line of dashes netsh prints");
    }
    Pending pending;
    for (; line <= file_.line_count(); ++line) {
      std::string_view text = file_.line_text(line);
      std::string_view trimmed = trim(text);
      if (trimmed.empty()) continue;
      if (is_indented(text)) {
        rule.other_matches.push_back(trimmed);  // the ICMP type/code table under Protocol
      } else if (record_start(line) != RecordStart::kNo) {
        break;
      } else if (windows::is_netsh_trailer(trimmed)) {
        break;
      } else if (std::optional<Field> field = split_field(text)) {
        read_field(*field, trimmed, rule, pending);
      } else {
        diagnostics_.error(kInvalidSyntax, file_.span(trimmed),
                           "expected `Label: value` inside a rule record");
      }
      last = line;
    }
    finish_rule(rule, pending, first);
    size_t begin = file_.line_offset(first);
    std::string_view last_text = file_.line_text(last);
    size_t end = static_cast<size_t>(last_text.data() - file_.content().data()) + last_text.size();
    rule.span = file_.span(begin, end);
    rule.text = file_.content().substr(begin, end - begin);
    windows::append_rule(table_, table_.chains.front(), std::move(rule));
    return line;
  }

  // Values read before the protocol is known.
  struct Pending {
    std::optional<std::string_view> protocol;
    std::optional<std::string_view> local_port;
    std::optional<std::string_view> remote_port;
    bool has_direction = false;
    bool has_action = false;
    windows::RuleSides sides;
  };

  void read_field(const Field& field, std::string_view line, Rule& rule, Pending& pending) {
    NetshField kind = windows::netsh_field(field.label);
    switch (kind) {
      case NetshField::kEnabled:
        read_enabled(field, rule);
        return;
      case NetshField::kDirection:
        pending.has_direction = read_direction(field, rule);
        return;
      case NetshField::kAction:
        pending.has_action = read_action(field, rule);
        return;
      case NetshField::kProtocol:
        pending.protocol = field.value;
        return;
      case NetshField::kLocalPort:
        pending.local_port = field.value;
        return;
      case NetshField::kRemotePort:
        pending.remote_port = field.value;
        return;
      case NetshField::kLocalIp:
        read_addresses(field, pending.sides.local_addresses);
        return;
      case NetshField::kRemoteIp:
        read_addresses(field, pending.sides.remote_addresses);
        return;
      case NetshField::kDescription:
        rule.comment = std::string(field.value);
        return;
      case NetshField::kName:
        diagnostics_.error(kInvalidSyntax, file_.span(line),
                           "a second rule name inside one record");
        return;
      case NetshField::kUnknown:
        diagnostics_.warning_once(
            "label:" + windows::fold(field.label), kInvalidSyntax, file_.span(field.label),
            "unknown netsh label `" + std::string(field.label) +
                "`: fwlint's label tables do not list it, so its values were not read");
        break;
      default:
        break;
    }
    if (!field.value.empty()) rule.other_matches.push_back(line);
  }

  void unknown_value(const Field& field, std::string_view what) {
    diagnostics_.warning_once(std::string(what) + ":" + windows::fold(field.value), kInvalidSyntax,
                              file_.span(field.value),
                              "unknown " + std::string(what) + " `" + std::string(field.value) +
                                  "` after `" + std::string(field.label) +
                                  "`: fwlint's value tables do not list it");
  }

  void read_enabled(const Field& field, Rule& rule) {
    NetshWord word = windows::netsh_word(field.value);
    if (word == NetshWord::kYes || word == NetshWord::kNo) {
      rule.enabled = word == NetshWord::kYes;
    } else {
      unknown_value(field, "enabled value");
    }
  }

  bool read_direction(const Field& field, Rule& rule) {
    NetshWord word = windows::netsh_word(field.value);
    if (word != NetshWord::kIn && word != NetshWord::kOut) {
      unknown_value(field, "direction");
      return false;
    }
    rule.direction = word == NetshWord::kIn ? Direction::kInput : Direction::kOutput;
    return true;
  }

  bool read_action(const Field& field, Rule& rule) {
    rule.action.target = std::string(field.value);
    rule.action.span = file_.span(field.value);
    switch (windows::netsh_word(field.value)) {
      case NetshWord::kAllow:
      case NetshWord::kBypass:
        rule.action.verdict = Verdict::kAccept;
        return true;
      case NetshWord::kBlock:
        rule.action.verdict = Verdict::kDrop;
        return true;
      default:
        rule.action.verdict = Verdict::kOther;
        unknown_value(field, "action");
        return false;
    }
  }

  void read_addresses(const Field& field, std::vector<AddressMatch>& addresses) {
    if (field.value.empty() || windows::netsh_word(field.value) == NetshWord::kAny) return;
    windows::add_address_list(file_, field.value, addresses);
  }

  void read_ports(std::optional<std::string_view> value, PortSet& ports) {
    if (!value || value->empty() || windows::netsh_word(*value) == NetshWord::kAny) return;
    windows::add_port_list(file_, *value, ports, diagnostics_);
    ports.option_span = file_.span(file_.line_text(file_.span(*value).line));
  }

  void finish_rule(Rule& rule, Pending& pending, uint32_t first) {
    SourceSpan name_span = file_.span(trim(file_.line_text(first)));
    if (!pending.has_direction) {
      rule.direction = Direction::kInput;  // Windows' default direction
      diagnostics_.warning_once("missing:direction", kInvalidSyntax, name_span,
                                "a record without a readable direction: fwlint read it as inbound");
    }
    if (!pending.has_action) {
      diagnostics_.warning_once("missing:action", kInvalidSyntax, name_span,
                                "a record without a readable action");
    }
    std::optional<int> protocol;
    bool known_protocol = true;
    if (!pending.protocol) {
      diagnostics_.warning_once("missing:protocol", kInvalidSyntax, name_span,
                                "a record without a Protocol line: fwlint read it as any protocol");
    } else {
      rule.protocol = std::string(*pending.protocol);
      rule.protocol_span = file_.span(*pending.protocol);
      if (windows::netsh_word(*pending.protocol) != NetshWord::kAny) {
        protocol = windows::protocol_number(*pending.protocol);
        if (!protocol) {
          known_protocol = false;
          diagnostics_.error(kInvalidSyntax, rule.protocol_span,
                             "unknown protocol `" + rule.protocol + "`");
        }
      }
    }
    rule.transports = known_protocol ? windows::transports_for(protocol) : TransportSet();
    if (rule.transports.empty() && (pending.local_port || pending.remote_port)) {
      std::string_view port = pending.local_port ? *pending.local_port : *pending.remote_port;
      if (windows::netsh_word(port) != NetshWord::kAny) {
        diagnostics_.warning(kInvalidSyntax, file_.span(port),
                             "ports only apply to TCP and UDP; fwlint ignored them");
      }
    } else {
      read_ports(pending.local_port, pending.sides.local_ports);
      read_ports(pending.remote_port, pending.sides.remote_ports);
    }
    windows::place_sides(rule, std::move(pending.sides));
  }

  const SourceFile& file_;
  Diagnostics diagnostics_;
  Table& table_;
};

}  // namespace

int sniff_windows_netsh(std::string_view content, std::string_view) {
  // What netsh prints when no rule matches: an empty but well-formed dump.
  std::string_view whole = trim(content);
  if (!whole.empty() && whole.size() < 64 && windows::is_netsh_trailer(whole)) return 60;
  // Records open within the first lines: a labelled line over a line of dashes.
  std::string_view previous;
  for (int line = 0; line < 64 && !content.empty(); ++line) {
    size_t newline = content.find('\n');
    std::string_view text = content.substr(0, newline);
    if (is_dash_line(text) && trim(text).size() == 70 && previous.find(':') != previous.npos) {
      return 90;
    }
    if (!trim(text).empty()) previous = text;
    if (newline == std::string_view::npos) break;
    content.remove_prefix(newline + 1);
  }
  return 0;
}

ParseResult parse_windows_netsh(const SourceFile& file, const ParseContext&) {
  ParseResult result;
  result.ruleset = windows::make_ruleset(Format::kWindowsNetsh, windows::netsh_dialect());
  NetshParser(file, result).parse();
  return result;
}

}  // namespace fwlint
