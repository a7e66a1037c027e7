// The catalogue: every check and input diagnostic, by id or name.
#pragma once

#include <string_view>
#include <vector>

#include "linter/check.h"

namespace fwlint {

// Input diagnostics first, then checks; each group sorted by id.
std::vector<const CheckInfo*> all_check_infos();
// The entry with this id or name, or nullptr.
const CheckInfo* find_check_info(std::string_view id_or_name);
// Whether a select/ignore entry (id, name, or id prefix such as "FW2") covers `check`.
bool selector_matches(std::string_view selector, const CheckInfo& check);
// The catalogue id or name closest to a misspelt one, for "did you mean" hints.
std::string_view closest_check_name(std::string_view misspelt);
// Levenshtein distance, for "did you mean" hints.
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace fwlint
