// Bounds on what one run reads, so that hostile or mistaken input (a multi-gigabyte file,
// /dev/zero, a FIFO, a megabyte-long line, an include chain) costs bounded time and memory and
// ends in an FW1011 finding rather than a crash or a hang.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "linter/source.h"

namespace fwlint {

struct InputLimits {
  uint64_t max_file_size = uint64_t{256} << 20;  // bytes per file, included files too
  uint32_t max_line_length = 1u << 20;           // bytes per line; JSON formats are exempt
  uint32_t max_include_depth = 16;               // files open at once through includes
};

// The bytes of a file, or why they cannot be had: not a regular file (a directory, a device, a
// FIFO), missing, unreadable, or larger than limits.max_file_size. Never reads more than
// max_file_size + 1 bytes, so it also ends on files that grow while being read.
struct FileContent {
  std::optional<std::string> content;
  std::string error;  // when !content: "no such file", "is larger than …"
  bool too_large = false;
};
FileContent read_regular_file(const std::string& path, const InputLimits& limits);
// The same bound for standard input (which may be a pipe or a terminal).
FileContent read_standard_input(const InputLimits& limits);

// The first line of `file` longer than limits.max_line_length: its 1-based number, or 0.
uint32_t first_overlong_line(const SourceFile& file, const InputLimits& limits);

std::string format_byte_count(uint64_t bytes);

}  // namespace fwlint
