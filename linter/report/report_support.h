// What several reporters share: the order CI tools want, compiler-style levels and column units.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linter/engine.h"

namespace fwlint {

// The findings worst first (error, warning, info), in report order within a severity: what to keep
// when a consumer shows or accepts only so many.
std::vector<const Finding*> worst_first(const LintReport& report);

// Every input diagnostic and check, sorted by id: what `fwlint rules` lists.
std::vector<const CheckInfo*> check_catalogue();

// "error", "warning" or "note": the levels compilers and SARIF use (info is a note).
std::string_view compiler_level(Severity severity);

// The 1-based column in UTF-16 code units (what SARIF, GitHub and editors count) of a 1-based byte
// column; columns past the end of the line count one unit per byte.
uint32_t utf16_column(const SourceFile& file, uint32_t line, uint32_t byte_column);

// A display path with forward slashes and without leading "./": how CI tools name repository files.
std::string portable_path(std::string_view path);
// Whether a portable path is absolute: "/etc/x", "C:/x" or "//server/share/x".
bool is_absolute_path(std::string_view portable);
// Percent-encodes every byte of a path but unreserved characters and '/', for use in a URI.
std::string percent_encode_path(std::string_view path);

}  // namespace fwlint
