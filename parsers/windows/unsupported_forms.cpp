// Windows firewall material people have that carries no auditable rule text: PowerShell console
// tables, and the binary forms (.wfw hives, Group Policy registry.pol). Naming them beats a bare
// "unrecognized format".
#include <string_view>

#include "parsers/parser.h"
#include "parsers/windows/windows_common.h"

namespace fwlint {

namespace {

using windows::trim;

constexpr UnsupportedInput kConsoleOutput = {
    "this is PowerShell console output (Format-List or Format-Table): it shows no ports, so fwlint "
    "cannot check it",
    "export Get-NetFirewallRule joined with Get-NetFirewallPortFilter through Export-Csv or "
    "ConvertTo-Json, and lint that",
};
constexpr UnsupportedInput kHive = {
    "this is a binary registry hive (a `netsh advfirewall export` .wfw file)",
    "give fwlint the text of the rules: `reg export` of the FirewallRules key, or `netsh "
    "advfirewall "
    "firewall show rule name=all` saved to a file",
};
constexpr UnsupportedInput kRegistryPol = {
    "this is a binary Group Policy registry.pol file",
    "give fwlint the policy's rules as a `reg export` of the FirewallRules key, or as a "
    "Get-NetFirewallRule export",
};

// The first `count` non-blank lines.
std::vector<std::string_view> leading_lines(std::string_view content, size_t count) {
  std::vector<std::string_view> lines;
  while (!content.empty() && lines.size() < count) {
    size_t newline = content.find('\n');
    std::string_view line = content.substr(0, newline);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!trim(line).empty()) lines.push_back(line);
    if (newline == std::string_view::npos) break;
    content.remove_prefix(newline + 1);
  }
  return lines;
}

// Format-List: `DisplayName : …` with the label padded before ` : `.
bool is_format_list(const std::vector<std::string_view>& lines) {
  bool display_name = false;
  bool direction_or_action = false;
  for (std::string_view line : lines) {
    size_t separator = line.find(" : ");
    if (separator == std::string_view::npos) continue;
    std::string_view label = trim(line.substr(0, separator));
    display_name = display_name || label == "DisplayName";
    direction_or_action = direction_or_action || label == "Direction" || label == "Action";
  }
  return display_name && direction_or_action;
}

// A run of dashes under each column: "----    -----------".
bool is_column_rule(std::string_view line) {
  line = trim(line);
  return line.size() >= 4 && line.find_first_not_of("- ") == std::string_view::npos &&
         line.find(' ') != std::string_view::npos && line.front() == '-';
}

// Format-Table: a header naming DisplayName over a line of dashed column rules.
bool is_format_table(const std::vector<std::string_view>& lines) {
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].find("DisplayName") != std::string_view::npos && is_column_rule(lines[i + 1])) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<UnsupportedInput> unsupported_input(std::string_view content) {
  if (content.starts_with("regf")) return kHive;
  if (content.starts_with("PReg")) return kRegistryPol;
  std::vector<std::string_view> lines = leading_lines(content, 24);
  if (is_format_list(lines) || is_format_table(lines)) return kConsoleOutput;
  return std::nullopt;
}

}  // namespace fwlint
