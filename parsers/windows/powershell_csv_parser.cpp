// PowerShell `Get-NetFirewallRule` joined with `Get-NetFirewallPortFilter`, written by
// Export-Csv: an optional `#TYPE` line, a header naming the properties, one rule per record.
#include "linter/diagnostics.h"
#include "parsers/windows/csv_reader.h"
#include "parsers/windows/powershell_rule.h"
#include "parsers/windows/windows_dialects.h"
#include "parsers/windows/windows_parsers.h"

namespace fwlint {

namespace {

using windows::CsvField;
using windows::CsvReader;
using windows::CsvRecord;
using windows::PsProperty;
using windows::PsRule;

// The header fields after the optional `#TYPE` line, and where the header starts.
struct Header {
  size_t offset = 0;
  std::string_view line;
};

Header find_header(std::string_view content) {
  Header header;
  if (content.starts_with("#TYPE") || content.starts_with("#type")) {
    size_t newline = content.find('\n');
    header.offset = newline == std::string_view::npos ? content.size() : newline + 1;
  }
  std::string_view rest = content.substr(header.offset);
  header.line = rest.substr(0, rest.find('\n'));
  return header;
}

// Whether the header has the column, quoted or not.
// Whether the header has the column, quoted or not.
bool header_names(std::string_view line, std::string_view name) {
  for (size_t at = line.find(name); at != std::string_view::npos; at = line.find(name, at + 1)) {
    size_t begin = at;
    size_t end = at + name.size();
    if (begin > 0 && line[begin - 1] == '"' && end < line.size() && line[end] == '"') {
      --begin;
      ++end;
    }
    bool starts = begin == 0 || line[begin - 1] == ',' || line[begin - 1] == ';';
    bool ends = end == line.size() || line[end] == ',' || line[end] == ';' || line[end] == '\r';
    if (starts && ends) return true;
  }
  return false;
}

PsProperty property_of(const SourceFile& file, const CsvField& field) {
  PsProperty property;
  property.present = true;
  property.span = file.span(field.inner);
  property.text = field.value();
  property.escaped = field.escaped;
  if (!field.escaped) property.items.push_back(field.inner);
  return property;
}

class CsvParser {
 public:
  CsvParser(const SourceFile& file, ParseResult& result)
      : file_(file), diagnostics_(result.diagnostics), table_(result.ruleset.tables.front()) {}

  void parse() {
    std::string_view content = file_.content();
    Header header = find_header(content);
    CsvReader reader(content, windows::detect_delimiter(header.line), header.offset);
    CsvRecord record;
    if (!reader.next(record)) {
      diagnostics_.error(kInvalidSyntax, file_.span(header.offset, header.offset),
                         "no header line: expected the property names of Get-NetFirewallRule");
      return;
    }
    if (!read_header(record)) return;
    windows::add_chain(table_, "rules", {});
    while (reader.next(record)) read_record(record);
  }

 private:
  bool read_header(const CsvRecord& header) {
    bool ports = false;
    bool direction = false;
    bool action = false;
    bool name = false;
    PsRule probe;
    for (const CsvField& field : header.fields) {
      std::string column = field.value();
      columns_.push_back(column);
      ports = ports || windows::is_port_filter_property(column);
      direction = direction || windows::ps_property(probe, column) == &probe.direction;
      action = action || windows::ps_property(probe, column) == &probe.action;
      name = name || windows::ps_property(probe, column) == &probe.name ||
             windows::ps_property(probe, column) == &probe.display_name;
    }
    if (!direction || !action || !name) {
      diagnostics_.error(kInvalidSyntax, file_.span(header.text),
                         "the header lacks Name or DisplayName, Direction or Action: not a "
                         "Get-NetFirewallRule export");
      return false;
    }
    if (!ports) {
      diagnostics_.warning(kNoPortInformation, file_.span(header.text),
                           "the export has no LocalPort or RemotePort column (Get-NetFirewallRule "
                           "without Get-NetFirewallPortFilter): no port could be checked");
    }
    return true;
  }

  void read_record(const CsvRecord& record) {
    if (record.error) {
      diagnostics_.error(kInvalidSyntax, file_.span(record.error->offset, record.error->offset + 1),
                         std::string(record.error->message) + "; fwlint skipped the record");
      return;
    }
    if (record.fields.size() != columns_.size()) {
      diagnostics_.error(kInvalidSyntax, file_.span(first_line(record.text)),
                         "a record with " + std::to_string(record.fields.size()) +
                             " fields where the header has " + std::to_string(columns_.size()) +
                             "; fwlint skipped it");
      return;
    }
    PsRule properties;
    properties.text = record.text;
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (PsProperty* property = windows::ps_property(properties, columns_[i])) {
        *property = property_of(file_, record.fields[i]);
      }
    }
    windows::append_rule(table_, table_.chains.front(),
                         windows::build_powershell_rule(file_, properties, diagnostics_));
  }

  static std::string_view first_line(std::string_view text) {
    return text.substr(0, text.find_first_of("\r\n"));
  }

  const SourceFile& file_;
  windows::Diagnostics diagnostics_;
  Table& table_;
  std::vector<std::string> columns_;
};

}  // namespace

int sniff_windows_powershell_csv(std::string_view content, std::string_view) {
  Header header = find_header(content);
  bool named = header_names(header.line, "Name") || header_names(header.line, "DisplayName");
  bool rule_columns =
      named && header_names(header.line, "Direction") && header_names(header.line, "Action");
  return rule_columns ? 90 : 0;
}

ParseResult parse_windows_powershell_csv(const SourceFile& file, const ParseContext&) {
  ParseResult result;
  result.ruleset =
      windows::make_ruleset(Format::kWindowsPowershellCsv, windows::powershell_dialect());
  CsvParser(file, result).parse();
  return result;
}

}  // namespace fwlint
