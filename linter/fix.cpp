#include "linter/fix.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace fwlint {

namespace {

struct PlacedEdit {
  size_t begin;
  size_t end;
  const TextEdit* edit;
};

// The file's edits once each, in file order, without those that overlap an earlier one.
std::vector<PlacedEdit> applicable_edits(const SourceFile& file,
                                         const std::vector<const TextEdit*>& edits,
                                         size_t& skipped) {
  std::vector<PlacedEdit> placed;
  std::set<std::tuple<size_t, size_t, std::string_view>> seen;
  for (const TextEdit* edit : edits) {
    size_t begin = file.offset(edit->span.line, edit->span.column);
    size_t end = file.offset(edit->span.end_line, edit->span.end_column);
    if (seen.emplace(begin, end, edit->replacement).second) placed.push_back({begin, end, edit});
  }
  std::stable_sort(placed.begin(), placed.end(),
                   [](const PlacedEdit& a, const PlacedEdit& b) { return a.begin < b.begin; });
  std::vector<PlacedEdit> accepted;
  for (const PlacedEdit& edit : placed) {
    if (!accepted.empty() &&
        (edit.begin < accepted.back().end || edit.begin == accepted.back().begin)) {
      ++skipped;
      continue;
    }
    accepted.push_back(edit);
  }
  return accepted;
}

// The last line an edit changes: an edit that ends where a line starts leaves that line alone.
uint32_t last_changed_line(const TextEdit& edit) {
  bool ends_at_line_start = edit.span.end_column == 1 && edit.span.end_line > edit.span.line;
  return ends_at_line_start ? edit.span.end_line - 1 : edit.span.end_line;
}

size_t end_of_line(const SourceFile& file, uint32_t line) {
  return line < file.line_count() ? file.line_offset(line + 1) : file.content().size();
}

}  // namespace

std::vector<FileFix> plan_fixes(const std::vector<Finding>& findings,
                                const SourceManager& sources) {
  std::map<uint32_t, std::vector<const TextEdit*>> edits_by_file;
  for (const Finding& finding : findings) {
    for (const TextEdit& edit : finding.edits) {
      if (edit.span.valid()) edits_by_file[edit.span.file].push_back(&edit);
    }
  }
  std::vector<FileFix> fixes;
  for (const auto& [index, edits] : edits_by_file) {
    const SourceFile& file = sources.file(index);
    std::string_view content = file.content();
    FileFix& fix = fixes.emplace_back();
    fix.file = index;
    std::vector<PlacedEdit> accepted = applicable_edits(file, edits, fix.edits_skipped);
    fix.edits_applied = accepted.size();
    size_t copied = 0;
    for (size_t i = 0; i < accepted.size();) {
      LineChange change{accepted[i].edit->span.line, last_changed_line(*accepted[i].edit), {}};
      size_t group_end = i + 1;
      while (group_end < accepted.size() &&
             accepted[group_end].edit->span.line <= change.last_line) {
        change.last_line = std::max(change.last_line, last_changed_line(*accepted[group_end].edit));
        ++group_end;
      }
      size_t region_begin = file.line_offset(change.first_line);
      size_t region_end = end_of_line(file, change.last_line);
      size_t at = region_begin;
      for (size_t k = i; k < group_end; ++k) {
        change.replacement.append(content.substr(at, accepted[k].begin - at));
        change.replacement += accepted[k].edit->replacement;
        at = accepted[k].end;
      }
      change.replacement.append(content.substr(at, region_end - at));
      fix.fixed.append(content.substr(copied, region_begin - copied));
      fix.fixed += change.replacement;
      copied = region_end;
      fix.changes.push_back(std::move(change));
      i = group_end;
    }
    fix.fixed.append(content.substr(copied));
  }
  return fixes;
}

}  // namespace fwlint
