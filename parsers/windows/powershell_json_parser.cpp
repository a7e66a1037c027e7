// PowerShell `Get-NetFirewallRule` (joined with `Get-NetFirewallPortFilter`) piped to
// ConvertTo-Json: an array of rule objects, or one object. Enumerations are names or the CIM
// integers; ports are a string ("80", "80,443") or an array of strings.
#include "linter/diagnostics.h"
#include "parsers/windows/json_reader.h"
#include "parsers/windows/powershell_rule.h"
#include "parsers/windows/windows_dialects.h"
#include "parsers/windows/windows_parsers.h"

namespace fwlint {

namespace {

using windows::JsonReader;
using windows::JsonValue;
using windows::PsProperty;
using windows::PsRule;

PsProperty property_of(const SourceFile& file, const JsonValue& value) {
  PsProperty property;
  property.present = true;
  property.span = file.span(value.written);
  auto add = [&](const JsonValue& item) {
    if (item.kind == JsonValue::Kind::kString) {
      property.escaped = property.escaped || item.escaped;
      property.items.push_back(item.inner());
    } else {
      property.items.push_back(item.written);
    }
    if (!property.text.empty()) property.text += ',';
    property.text += item.text;
  };
  if (value.kind == JsonValue::Kind::kArray) {
    for (const JsonValue& element : value.elements) add(element);
  } else if (value.kind != JsonValue::Kind::kObject && value.kind != JsonValue::Kind::kNull) {
    add(value);
  }
  return property;
}

class JsonParser {
 public:
  JsonParser(const SourceFile& file, ParseResult& result)
      : file_(file),
        reader_(file.content()),
        diagnostics_(result.diagnostics),
        table_(result.ruleset.tables.front()) {}

  void parse() {
    windows::add_chain(table_, "rules", {});
    char first = reader_.peek();
    if (first == '[') {
      reader_.advance();
      if (!read_elements()) return;
    } else if (first == '{') {
      if (std::optional<JsonValue> value = reader_.read_value()) {
        read_rule(*value);
      } else {
        report_syntax_error();
        return;
      }
    } else {
      diagnostics_.error(kInvalidSyntax, here(),
                         "expected a JSON array of rules or one rule object");
      return;
    }
    if (reader_.peek() != '\0') {
      diagnostics_.error(kInvalidSyntax, here(), "text after the end of the JSON value");
    }
    if (!table_.chains.front().rules.empty() && !ports_seen_) {
      diagnostics_.warning(kNoPortInformation, table_.chains.front().rules.front().span,
                           "the rules have no LocalPort or RemotePort (Get-NetFirewallRule "
                           "without Get-NetFirewallPortFilter): no port could be checked");
    }
  }

 private:
  SourceSpan here() {
    size_t at = reader_.position();
    return file_.span(at, std::min(at + 1, file_.content().size()));
  }

  void report_syntax_error() {
    size_t at = reader_.error_offset();
    diagnostics_.error(kInvalidSyntax, file_.span(at, std::min(at + 1, file_.content().size())),
                       "invalid JSON: " + reader_.error_message());
  }

  // Reads the array's elements; false when an error left the rest of the file unread.
  bool read_elements() {
    if (reader_.peek() == ']') {
      reader_.advance();
      return true;
    }
    while (true) {
      reader_.peek();  // to the element's first character
      size_t start = reader_.position();
      std::optional<JsonValue> value = reader_.read_value();
      if (!value) {
        report_syntax_error();
        if (!resume_after_error(start)) return false;
        continue;
      }
      read_rule(*value);
      char next = reader_.peek();
      if (next == ']') {
        reader_.advance();
        return true;
      }
      if (next != ',') {
        diagnostics_.error(kInvalidSyntax, here(), "expected `,` or `]` after an array element");
        if (!resume_after_error(start)) return false;
        continue;
      }
      reader_.advance();
    }
  }

  // After a broken element, continues at the next line that opens an object at the indentation
  // the broken one had (ConvertTo-Json writes one element per indented block).
  bool resume_after_error(size_t element_start) {
    std::string_view content = file_.content();
    size_t line_start = content.rfind('\n', element_start);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    std::string_view indent = content.substr(line_start, element_start - line_start);
    if (indent.find_first_not_of(" \t") != std::string_view::npos) {
      return give_up(element_start);
    }
    std::string opening = "\n" + std::string(indent) + "{";
    size_t from = std::max(reader_.error_offset(), element_start + 1);
    size_t next = content.find(opening, from);
    if (next == std::string_view::npos) return give_up(element_start);
    reader_.seek(next + opening.size() - 1);
    return true;
  }

  bool give_up(size_t element_start) {
    diagnostics_.error(kInvalidSyntax, file_.span(element_start, element_start + 1),
                       "fwlint could not find where the next rule starts; the rest of the file "
                       "was not read");
    return false;
  }

  void read_rule(const JsonValue& value) {
    if (value.kind != JsonValue::Kind::kObject) {
      diagnostics_.error(kInvalidSyntax, file_.span(value.written),
                         "an array element that is not a rule object");
      return;
    }
    PsRule properties;
    properties.text = value.written;
    for (const windows::JsonMember& member : value.members) {
      ports_seen_ = ports_seen_ || windows::is_port_filter_property(member.key);
      if (PsProperty* property = windows::ps_property(properties, member.key)) {
        *property = property_of(file_, member.value);
      }
    }
    windows::append_rule(table_, table_.chains.front(),
                         windows::build_powershell_rule(file_, properties, diagnostics_));
  }

  const SourceFile& file_;
  JsonReader reader_;
  windows::Diagnostics diagnostics_;
  Table& table_;
  bool ports_seen_ = false;
};

}  // namespace

int sniff_windows_powershell_json(std::string_view content, std::string_view) {
  size_t first = content.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || (content[first] != '[' && content[first] != '{')) {
    return 0;
  }
  std::string_view head = content.substr(first, 65536);
  bool named = head.find("\"DisplayName\"") != std::string_view::npos ||
               head.find("\"Name\"") != std::string_view::npos;
  bool rule_keys = named && head.find("\"Direction\"") != std::string_view::npos &&
                   head.find("\"Action\"") != std::string_view::npos;
  return rule_keys ? 85 : 0;
}

ParseResult parse_windows_powershell_json(const SourceFile& file, const ParseContext&) {
  ParseResult result;
  result.ruleset =
      windows::make_ruleset(Format::kWindowsPowershellJson, windows::powershell_dialect());
  JsonParser(file, result).parse();
  return result;
}

}  // namespace fwlint
