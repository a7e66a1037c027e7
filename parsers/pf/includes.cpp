// Files that pf.conf pulls in with `include` and `load anchor … from`.
#include <algorithm>
#include <filesystem>

#include "linter/diagnostics.h"
#include "linter/input_limits.h"
#include "linter/text_encoding.h"
#include "parsers/pf/parser.h"

namespace fwlint::pf {

namespace fs = std::filesystem;

std::string canonical_path(const std::string& path) {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(path, error);
  return error ? path : canonical.string();
}

const SourceFile* Parser::open(std::string_view written, const SourceFile& from, SourceSpan at) {
  std::string name = "`" + std::string(written) + "`";
  if (context_.sources == nullptr) {
    report(kIncludeNotFound, at, "cannot read " + name + ": no other files can be read here");
    return nullptr;
  }
  fs::path path{std::string(written)};
  std::vector<fs::path> candidates = {path};
  if (path.is_relative()) {
    fs::path directory = fs::path(from.path()).parent_path();
    if (!directory.empty()) candidates.insert(candidates.begin(), directory / path);
  }
  for (const fs::path& candidate : candidates) {
    std::error_code error;
    if (!fs::exists(candidate, error)) continue;
    std::string canonical = canonical_path(candidate.string());
    if (std::find(open_files_.begin(), open_files_.end(), canonical) != open_files_.end()) {
      report(kIncludeCycle, at, name + " is already being read: the includes form a cycle");
      return nullptr;
    }
    if (open_files_.size() >= context_.limits.max_include_depth) {
      report(kInputLimitExceeded, at,
             name + ": includes are nested more than " +
                 std::to_string(context_.limits.max_include_depth) + " deep (--max-include-depth)");
      return nullptr;
    }
    // Bounded, and only regular files: a directory or /dev/zero is reported, not read.
    FileContent content = read_regular_file(candidate.string(), context_.limits);
    if (!content.content) {
      report(content.too_large ? kInputLimitExceeded : kIncludeNotFound, at,
             "cannot read " + name + ": " + candidate.string() + " " + content.error);
      return nullptr;
    }
    const SourceFile& file = context_.sources->add(candidate.lexically_normal().string(),
                                                   to_utf8(std::move(*content.content)));
    if (uint32_t line = first_overlong_line(file, context_.limits)) {
      report(kInputLimitExceeded, at,
             name + ": line " + std::to_string(line) + " is longer than " +
                 format_byte_count(context_.limits.max_line_length) +
                 " (--max-line-length): the file was not parsed");
      return nullptr;
    }
    return &file;
  }
  std::string where = candidates.size() > 1
                          ? " (looked beside the file that names it and in the working directory)"
                          : "";
  report(kIncludeNotFound, at, name + " was not found" + where);
  return nullptr;
}

}  // namespace fwlint::pf
