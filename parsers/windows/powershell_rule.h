// What the CSV and JSON PowerShell front ends share: the properties of a Get-NetFirewallRule
// object joined with its Get-NetFirewallPortFilter, however they were serialized, and the model
// rule built from them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linter/model.h"
#include "parsers/windows/windows_common.h"

namespace fwlint::windows {

// One property of an exported rule.
struct PsProperty {
  bool present = false;
  SourceSpan span;   // the value as written (a CSV field's content, a JSON value)
  std::string text;  // the value; list items joined with ","
  std::vector<std::string_view> items;  // the written items inside the file (a CSV field, each
                                        // JSON string's content), for their spans
  bool escaped = false;                 // an item needed unescaping: `items` are not its value
};

struct PsRule {
  std::string_view text;  // the CSV record or JSON object as written
  PsProperty name;        // the rule id (`Name`)
  PsProperty display_name;
  PsProperty enabled;
  PsProperty direction;
  PsProperty action;
  PsProperty protocol;
  PsProperty local_port;
  PsProperty remote_port;
  PsProperty local_address;
  PsProperty remote_address;
};

// The property a CSV column or JSON key names (case-insensitive), or nullptr for the others.
PsProperty* ps_property(PsRule& rule, std::string_view key);

// Whether a property name (a CSV column, a JSON key) is one of the port filter's.
bool is_port_filter_property(std::string_view key);

// Builds the model rule from the properties; values fwlint cannot read are reported.
Rule build_powershell_rule(const SourceFile& file, const PsRule& properties,
                           Diagnostics& diagnostics);

}  // namespace fwlint::windows
