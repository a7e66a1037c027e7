// The engine: from paths to sorted findings. Reads inputs, picks a front end per file, parses,
// runs every check, and merges findings that several rules share (a port in a loop list or a
// variable reported once, with the other rules as related locations).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "linter/check.h"
#include "linter/config.h"
#include "linter/finding.h"
#include "linter/input_limits.h"
#include "linter/registry_load.h"
#include "linter/source.h"
#include "parsers/parser.h"

namespace fwlint {

struct InputOutcome;

struct LintOptions {
  CheckOptions checks;                      // used as they are when no configuration file applies
  std::optional<uint32_t> max_range_width;  // --max-range-width, beats any config file
  const FrontEnd* forced_front_end = nullptr;        // --input-format
  std::optional<std::filesystem::path> config_file;  // --config: one file for every input
  bool find_config_files = false;  // look for .fwlint.toml above each input (the CLI's default)
  std::string today;               // YYYY-MM-DD, when suppressions expire; empty: never
  InputLimits limits;              // --max-file-size, --max-line-length, --max-include-depth
  // Called after each input is linted (from any worker thread), e.g. to show progress.
  std::function<void(const InputOutcome&)> on_input_done;
};

// One input named on the command line or found in a directory.
struct InputPath {
  std::string path;   // "-" is standard input
  bool named = true;  // named explicitly (not found by walking a directory)
};

struct InputOutcome {
  std::string path;
  std::optional<uint32_t> file;  // source index once read
  const FrontEnd* front_end = nullptr;
  size_t rule_count = 0;
  bool processed = false;  // read, recognised and parsed (possibly with FW1xxx findings)
};

// A parsed and checked file: the parser's diagnostics, then the checks' findings, merged.
struct CheckedFile {
  size_t rule_count = 0;
  std::vector<Finding> findings;
};

struct LintReport {
  std::vector<InputOutcome> inputs;
  std::vector<Finding> findings;  // in input order; within an input, sorted by finding_less
  bool any_input_failed() const;  // an input could not be processed (exit code 2)
};

// Expands directories (recursively, sorted, hidden entries skipped) into files.
// Throws std::filesystem::filesystem_error only for errors the environment causes mid-walk.
std::vector<InputPath> expand_inputs(const std::vector<std::string>& paths);

class Linter {
 public:
  Linter(SourceManager& sources, const Registry& registry, const RetiredServices& retired,
         LintOptions options);

  // Reads an input; a failure becomes an FW1007 finding rather than an exception.
  std::optional<uint32_t> read(const InputPath& input, std::vector<Finding>& findings);
  // Picks the front end for a read file, or reports why none fits (named inputs only).
  const FrontEnd* choose_front_end(const SourceFile& file, bool named,
                                   std::vector<Finding>& findings) const;
  // `registry` replaces the built-in registry when not null; a parser that streams hands its
  // rules to `sink` when one is given.
  ParseResult parse(const SourceFile& file, const FrontEnd& front_end,
                    const Registry* registry = nullptr, RuleSink* sink = nullptr) const;
  std::vector<Finding> check(const Ruleset& ruleset) const {
    return check(ruleset, options_.checks);
  }
  std::vector<Finding> check(const Ruleset& ruleset, const CheckOptions& options,
                             const Registry* registry = nullptr) const;
  // Every check on one rule of `ruleset`, as a parser hands it over.
  void check(const Rule& rule, CheckContext& context) const;
  // parse() and check() in one pass: a parser that streams has each rule checked as it hands
  // it over, and keeps none of them.
  CheckedFile parse_and_check(const SourceFile& file, const FrontEnd& front_end,
                              const CheckOptions& options, const Registry* registry) const;
  // The configuration that governs an input: --config, the nearest .fwlint.toml, or defaults.
  // Throws ConfigError when a configuration file is wrong.
  const Config& config_for(const std::string& input_path);

  // Lints every input, several at a time; findings come out in input order, and within an
  // input sorted by line, column and check.
  LintReport lint(const std::vector<InputPath>& inputs);

 private:
  // The registry a configuration names (`registry = "…"`), loaded once; null for the built-in.
  const Registry* registry_for(const Config& config);
  // Reports the first line longer than the limit (FW1011); such a file is not parsed.
  bool within_line_limit(const SourceFile& file, const FrontEnd& front_end,
                         std::vector<Finding>& findings) const;
  std::optional<InputOutcome> lint_one(const InputPath& input, std::vector<Finding>& findings);

  SourceManager& sources_;
  const Registry& registry_;
  const RetiredServices& retired_;
  LintOptions options_;
  Config defaults_;
  std::mutex configs_mutex_;
  std::map<std::filesystem::path, Config> configs_;  // by config file; nodes never move
  std::mutex registries_mutex_;
  std::map<std::filesystem::path, std::unique_ptr<LoadedRegistry>> registries_;
};

// Findings of the same check on the same token (one port shared by several rules) become one
// finding whose related locations name the other rules.
std::vector<Finding> merge_shared_findings(std::vector<Finding> findings);

// merge_shared_findings as the findings arrive, so that a set used by thousands of rules costs
// one finding, not one per rule, while a file is checked.
class SharedFindingMerger {
 public:
  void add(Finding finding);
  // The merged findings in the order first seen; the merger is empty afterwards.
  std::vector<Finding> take();

 private:
  using Key = std::tuple<std::string_view, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t>;
  std::map<Key, size_t> first_;
  std::vector<Finding> merged_;
  std::vector<uint32_t> listed_;    // per merged finding: other rules' cleanups in its suggestion
  std::vector<uint32_t> unlisted_;  // and those only counted
};

}  // namespace fwlint
