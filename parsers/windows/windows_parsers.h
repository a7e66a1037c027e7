// Windows Defender Firewall front ends (../shared/formats/windows-firewall.md): netsh text, .reg
// exports of the FirewallRules keys, and PowerShell Get-NetFirewallRule exports as CSV and JSON.
// Rules are evaluated block-beats-allow; local ports are the destination of inbound rules and
// the source of outbound ones; port keywords (RPC, IPHTTPS…) stay keywords.
#pragma once

#include <string_view>

#include "parsers/parser.h"

namespace fwlint {

int sniff_windows_netsh(std::string_view content, std::string_view path);
int sniff_windows_reg(std::string_view content, std::string_view path);
int sniff_windows_powershell_csv(std::string_view content, std::string_view path);
int sniff_windows_powershell_json(std::string_view content, std::string_view path);

ParseResult parse_windows_netsh(const SourceFile& file, const ParseContext& context);
ParseResult parse_windows_reg(const SourceFile& file, const ParseContext& context);
ParseResult parse_windows_powershell_csv(const SourceFile& file, const ParseContext& context);
ParseResult parse_windows_powershell_json(const SourceFile& file, const ParseContext& context);

}  // namespace fwlint
