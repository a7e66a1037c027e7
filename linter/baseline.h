// Baselines: accept today's findings, fail only on new ones. Entries are keyed by the input's
// path (relative to the baseline file) and the finding's fingerprint, which does not depend on
// line numbers, so moving or reformatting rules does not re-open a baselined finding.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "linter/engine.h"

namespace fwlint {

class Baseline {
 public:
  // Throws ConfigError naming the file when it cannot be read or is not a baseline.
  static Baseline load(const std::filesystem::path& file);
  // Writes the findings of `report` atomically (a temporary file renamed into place).
  static void write(const std::filesystem::path& file, const LintReport& report,
                    const SourceManager& sources);

  // Removes the findings the baseline accepts (each entry accepts as many findings as it
  // recorded); returns how many were removed.
  size_t filter(std::vector<Finding>& findings, const SourceManager& sources) const;

 private:
  std::filesystem::path directory_;
  std::map<std::pair<std::string, std::string>, size_t> accepted_;  // (path, fingerprint) → count
};

}  // namespace fwlint
