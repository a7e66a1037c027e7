// A check: metadata (which feeds `fwlint explain`, `fwlint rules` and SARIF) and one function.
// Checks read only the model, the registry and their options; they never see a parser.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "linter/finding.h"
#include "linter/model.h"
#include "linter/registry.h"

namespace fwlint {

enum class Expect : uint8_t { kFinding, kClean };

// A one-line example that runs as a test: it must (or must not) produce this check's finding.
struct Example {
  Expect expect;
  Format format;
  std::string_view text;
};

struct CheckInfo {
  std::string_view id;    // "FW2001"; never reused
  std::string_view name;  // "removed-port"; states the bad pattern
  Severity severity;      // default
  std::string_view summary;
  std::string_view suggestion;
  std::string_view doc;  // Markdown: What it does / Why is this bad? / Example / Use instead
  std::vector<Example> examples;
};

// Ports an organisation declares in its configuration, each with its reason.
struct PortNote {
  PortInterval ports;
  TransportSet transports;
  std::string reason;
  std::string source;  // "path:line:column" of the declaration, cited in findings
};

struct CheckOptions {
  uint32_t max_range_width = 1024;      // range-includes-removed-port ignores wider ranges
  std::vector<PortNote> extra_removed;  // reported like IANA removals
  std::vector<PortNote> extra_retired;  // reported like retired services
  std::vector<PortNote> allowed;        // deliberately kept: no registry finding

  // The note in `notes` covering (port, transport), or nullptr.
  static const PortNote* find(const std::vector<PortNote>& notes, uint16_t port,
                              Transport transport);
};

struct CheckContext {
  const Ruleset& ruleset;
  const SourceFile& file;
  const Registry& registry;
  const RetiredServices& retired;
  const CheckOptions& options;
  std::vector<Finding>& findings;
};

struct CheckDef {
  CheckInfo info;
  void (*check_rule)(const CheckDef& self, const Rule& rule, CheckContext& context) = nullptr;
};

// Every check, sorted by id (rules/checks.cpp).
std::span<const CheckDef* const> all_checks();

}  // namespace fwlint
