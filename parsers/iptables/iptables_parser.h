// iptables front end: iptables-save / ip6tables-save dumps and shell scripts of iptables commands.
#pragma once

#include <string_view>

#include "parsers/parser.h"

namespace fwlint {

int sniff_iptables_save(std::string_view content, std::string_view path);
int sniff_iptables_script(std::string_view content, std::string_view path);
ParseResult parse_iptables_save(const SourceFile& file, const ParseContext& context);
ParseResult parse_iptables_script(const SourceFile& file, const ParseContext& context);

}  // namespace fwlint
