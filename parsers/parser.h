// The front ends: one parser per format, chosen by content (extension second, --input-format
// overrides). A parser never throws on bad input: it reports FW1xxx diagnostics and resumes.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "linter/finding.h"
#include "linter/input_limits.h"
#include "linter/model.h"
#include "linter/registry.h"
#include "linter/source.h"

namespace fwlint {

struct ParseResult {
  Ruleset ruleset;
  std::vector<Finding> diagnostics;
};

// Where a parser may hand each rule over as soon as it is final, rather than keep it in the
// ruleset, so that a dump of a million rules is checked without holding a million rules.
// Parsers that do not stream keep every rule, and the engine checks them afterwards.
class RuleSink {
 public:
  virtual ~RuleSink() = default;
  // `ruleset` is the one being built: its format and dialect are set, its tables may be partial.
  virtual void take(const Rule& rule, const Ruleset& ruleset) = 0;
  // Forgets every rule taken: the parser found that rules it handed over were not final after
  // all (a later line changed them) and parses the file again, keeping its rules.
  virtual void retract() = 0;
};

struct ParseContext {
  const Registry& registry;
  // Where included files are added (pf `include`, nftables `include`); null when parsing
  // must not read other files.
  SourceManager* sources = nullptr;
  // Included files obey the same size limit; include and nesting depth are bounded.
  InputLimits limits = {};
  RuleSink* sink = nullptr;  // null: every rule stays in the ruleset
};

struct FrontEnd {
  Format format;
  std::string_view name;  // the --input-format value
  // How sure the content is this format: 0 = not it; larger wins.
  int (*sniff)(std::string_view content, std::string_view path);
  ParseResult (*parse)(const SourceFile& file, const ParseContext& context);
};

// Every front end, in the order ties are broken (parsers/front_ends.cpp).
std::span<const FrontEnd> front_ends();
const FrontEnd* front_end_named(std::string_view name);
// The best-scoring front end for this content, or nullptr when none recognises it.
const FrontEnd* detect_front_end(std::string_view content, std::string_view path);
// Content fwlint recognises but cannot audit (PowerShell console tables, registry hives, Group
// Policy registry.pol): what it is, and what to give fwlint instead.
struct UnsupportedInput {
  std::string_view reason;
  std::string_view suggestion;
};
std::optional<UnsupportedInput> unsupported_input(std::string_view content);

}  // namespace fwlint
