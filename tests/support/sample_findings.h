// Finding the report's findings by where their token is written in a sample.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "linter/engine.h"

namespace fwlint::testing {

// The 1-based line and column where `needle` first follows the line starting with `line_start`.
std::pair<uint32_t, uint32_t> position(const std::string& text, const std::string& line_start,
                                       const std::string& needle);

// The finding of check `id` whose token starts at `at` (in source `file`, if given), or nullptr.
const Finding* finding_at(const LintReport& report, std::string_view id,
                          std::pair<uint32_t, uint32_t> at,
                          std::optional<uint32_t> file = std::nullopt);

}  // namespace fwlint::testing
