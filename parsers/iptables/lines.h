// Small helpers both iptables front ends use to walk a file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linter/finding.h"
#include "linter/source.h"

namespace fwlint::iptables {

// Calls `visit` with each line of `content`, without its "\n" or "\r\n".
template <typename Visit>
void for_each_line(std::string_view content, Visit&& visit) {
  size_t begin = 0;
  while (begin < content.size()) {
    size_t end = content.find('\n', begin);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    visit(line);
    begin = end + 1;
  }
}

// Without leading and trailing blanks (spaces, tabs, carriage returns).
std::string_view trim(std::string_view text);

// Reports FW1005 at the first NUL byte of the file, if there is one.
bool report_binary(const SourceFile& file, std::vector<Finding>& diagnostics);

// `text` in backquotes, for messages.
std::string code(std::string_view text);

// The parts one after the other. (GCC 12 warns falsely, -Wrestrict, about `"literal" +
// std::string` in optimised builds; messages are built with this instead.)
template <typename... Parts>
std::string concat(const Parts&... parts) {
  std::string text;
  (text.append(std::string_view(parts)), ...);
  return text;
}

// A rule number (`-I INPUT 3`); saturates instead of overflowing.
uint64_t rule_number(std::string_view digits);

}  // namespace fwlint::iptables
