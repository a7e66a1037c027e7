// Small helpers for wording messages.
#pragma once

#include <string>
#include <vector>

namespace fwlint {

// "a", "a and b", "a, b and c".
std::string join_words(const std::vector<std::string>& words);

}  // namespace fwlint
