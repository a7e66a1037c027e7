// Path globs for per-path configuration, compiled to RE2 (never std::regex): `*` within a path
// segment, `**` across segments, `?` one character, `[…]` a class; everything else is literal.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>

namespace fwlint {

// The RE2 pattern (anchored) for a glob.
std::string glob_to_regex(std::string_view glob);
// Compiles a glob; returns nullptr and sets `error` when it is malformed.
std::shared_ptr<const re2::RE2> compile_glob(std::string_view glob, std::string& error);

}  // namespace fwlint
