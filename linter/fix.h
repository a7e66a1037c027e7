// --fix and --diff: the findings' text edits applied to the files they point into.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "linter/finding.h"
#include "linter/source.h"

namespace fwlint {

// Lines first_line..last_line (1-based, inclusive) of a file, terminators included, become
// `replacement` (which may be empty: the lines are deleted).
struct LineChange {
  uint32_t first_line = 0;
  uint32_t last_line = 0;
  std::string replacement;
};

// What fixing one file does.
struct FileFix {
  uint32_t file = 0;
  std::vector<LineChange> changes;  // in line order, not overlapping
  size_t edits_applied = 0;
  // Edits left out because an edit applied before them changes the same text; a second run of
  // --fix applies what still makes sense once the first has landed.
  size_t edits_skipped = 0;
  std::string fixed;  // the whole file after the changes, UTF-8 like SourceFile::content()
};

// Every file the findings' edits touch, in file order. The same edit carried by several
// findings (one cleanup of a shared list) is applied once.
std::vector<FileFix> plan_fixes(const std::vector<Finding>& findings, const SourceManager& sources);

// The change as a unified diff (`--- a/path`, `+++ b/path`, hunks with 3 lines of context).
void write_unified_diff(std::ostream& out, const SourceFile& file, const FileFix& fix);

// Replaces the file on disk with `fix.fixed`, in its original encoding, atomically: a temporary
// file beside it, the same permission bits, then rename(2). Throws std::runtime_error with the
// reason when the file cannot be fixed (standard input, changed since it was read, not
// writable); the file is then left as it was.
void write_fixed_file(const SourceFile& file, const FileFix& fix);

}  // namespace fwlint
