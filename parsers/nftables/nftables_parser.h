// nftables front ends: ruleset text (`nft list ruleset`, nftables.conf with defines, sets and
// includes) and `nft -j list ruleset` JSON, read into the same model.
#pragma once

#include <string_view>

#include "parsers/parser.h"

namespace fwlint {

int sniff_nftables(std::string_view content, std::string_view path);
int sniff_nftables_json(std::string_view content, std::string_view path);
// Reads `include`d files through context.sources (added there, so spans can point into them).
ParseResult parse_nftables(const SourceFile& file, const ParseContext& context);
ParseResult parse_nftables_json(const SourceFile& file, const ParseContext& context);

}  // namespace fwlint
