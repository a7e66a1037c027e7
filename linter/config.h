// `.fwlint.toml`: which checks run, at which severity, with which options, which ports an
// organisation adds or deliberately keeps, and per-path ignores. Found by walking up from each
// input (nearest wins) or named with --config. Every mistake is a ConfigError naming
// file:line:column and, for a misspelt key or check, the closest valid name.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "linter/check.h"

namespace re2 {
class RE2;
}

namespace fwlint {

struct PerPathIgnore {
  std::vector<std::string> globs;
  std::vector<std::shared_ptr<const re2::RE2>> patterns;  // the globs, compiled
  std::vector<std::string> ignore;                        // check ids, names or id prefixes
};

struct Config {
  std::string path;                 // where it was read from; empty for the defaults
  std::vector<std::string> select;  // empty: every check
  std::vector<std::string> ignore;
  std::map<std::string, Severity> severity;  // by check id
  CheckOptions options;
  std::optional<std::string> fail_on;
  std::optional<std::string> registry;  // a newer IANA registry XML, relative to the config file
  std::vector<PerPathIgnore> per_path;

  // Whether findings of `check` are reported for the input at `path` (relative to the config's
  // directory when the config has one).
  bool reports(const CheckInfo& check, const std::string& path) const;
  Severity severity_of(const CheckInfo& check, Severity found) const;
};

// Parses TOML text; `source_name` is used in error messages.
Config parse_config(std::string_view text, const std::string& source_name);
Config load_config(const std::filesystem::path& file);
// The nearest `.fwlint.toml` in the input's directory or above it.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& input);

}  // namespace fwlint
