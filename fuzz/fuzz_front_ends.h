// What every fuzz target does with its input: decode it as the engine does, parse it with each
// front end of one family, run every check on the result, and plan the edits --fix would make.
// Included files are not read (no file system access while fuzzing), so parsers see the input
// alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "linter/model.h"

namespace fwlint {

void fuzz_front_ends(const uint8_t* data, size_t size, std::initializer_list<Format> formats);

}  // namespace fwlint
