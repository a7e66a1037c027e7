// pf front end: pf.conf (OpenBSD, FreeBSD, macOS) with macros, lists, tables, port operators,
// inline anchors, `include` and `load anchor … from`.
#pragma once

#include <string_view>

#include "parsers/parser.h"

namespace fwlint {

int sniff_pf(std::string_view content, std::string_view path);
ParseResult parse_pf(const SourceFile& file, const ParseContext& context);

}  // namespace fwlint
