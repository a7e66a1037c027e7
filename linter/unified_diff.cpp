// write_unified_diff (linter/fix.h): hunks straight from the line changes, which already say
// which lines differ, so no line-matching algorithm is needed.
#include <string_view>

#include "linter/fix.h"

namespace fwlint {

namespace {

constexpr uint32_t kContext = 3;

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t newline = text.find('\n');
    size_t length = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(0, length));
    text.remove_prefix(length);
  }
  return lines;
}

std::string_view whole_line(const SourceFile& file, uint32_t line) {
  size_t begin = file.line_offset(line);
  size_t end = line < file.line_count() ? file.line_offset(line + 1) : file.content().size();
  return file.content().substr(begin, end - begin);
}

void write_line(std::ostream& out, char marker, std::string_view line) {
  out << marker << line;
  if (!line.ends_with('\n')) out << "\n\\ No newline at end of file\n";
}

// "@@ -12,7 +12,6 @@": a range of no lines starts at the line before it.
std::string range_text(uint32_t start, uint32_t count) {
  return std::to_string(count == 0 ? start - 1 : start) + "," + std::to_string(count);
}

}  // namespace

void write_unified_diff(std::ostream& out, const SourceFile& file, const FileFix& fix) {
  if (fix.changes.empty()) return;
  out << "--- a/" << file.path() << "\n+++ b/" << file.path() << '\n';
  uint32_t last_line = file.line_count();
  int64_t shift = 0;  // new line number minus old line number before the current hunk
  for (size_t first = 0; first < fix.changes.size();) {
    size_t end = first + 1;
    while (end < fix.changes.size() &&
           fix.changes[end].first_line <= fix.changes[end - 1].last_line + 2 * kContext + 1) {
      ++end;
    }
    uint32_t old_start =
        fix.changes[first].first_line > kContext ? fix.changes[first].first_line - kContext : 1;
    uint32_t old_end = std::min(last_line, fix.changes[end - 1].last_line + kContext);
    std::vector<std::pair<char, std::string_view>> body;
    uint32_t line = old_start;
    int64_t hunk_shift = 0;
    for (size_t i = first; i < end; ++i) {
      const LineChange& change = fix.changes[i];
      for (; line < change.first_line; ++line) body.emplace_back(' ', whole_line(file, line));
      for (; line <= change.last_line; ++line) body.emplace_back('-', whole_line(file, line));
      std::vector<std::string_view> added = split_lines(change.replacement);
      for (std::string_view text : added) body.emplace_back('+', text);
      hunk_shift += static_cast<int64_t>(added.size()) -
                    static_cast<int64_t>(change.last_line - change.first_line + 1);
    }
    for (; line <= old_end; ++line) body.emplace_back(' ', whole_line(file, line));
    uint32_t old_count = old_end - old_start + 1;
    auto new_count = static_cast<uint32_t>(old_count + hunk_shift);
    out << "@@ -" << range_text(old_start, old_count) << " +"
        << range_text(static_cast<uint32_t>(old_start + shift), new_count) << " @@\n";
    for (const auto& [marker, text] : body) write_line(out, marker, text);
    shift += hunk_shift;
    first = end;
  }
}

}  // namespace fwlint
