#include "support/streaming.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace fwlint::testing {

namespace {

std::string describe(const SourceSpan& span) {
  return std::to_string(span.line) + ":" + std::to_string(span.column) + "-" +
         std::to_string(span.end_line) + ":" + std::to_string(span.end_column);
}

}  // namespace

std::vector<std::string> describe_findings(std::vector<Finding> findings) {
  std::stable_sort(findings.begin(), findings.end(), finding_less);
  std::vector<std::string> lines;
  for (const Finding& finding : findings) {
    std::string line = describe(finding.span) + " " + std::string(finding.check_id) + " " +
                       finding.message + " | " + finding.suggestion;
    for (const RelatedLocation& related : finding.related) {
      line += " | related " + describe(related.span) + " " + related.message;
    }
    for (const TextEdit& edit : finding.edits) {
      line += " | edit " + describe(edit.span) + " '" + edit.replacement + "'";
    }
    lines.push_back(line);
  }
  return lines;
}

std::string describe_placement(const Rule& rule) {
  return rule.table + " " + rule.chain + " #" + std::to_string(rule.position) + " " +
         std::string(direction_name(rule.direction)) + ": " + std::string(rule.text);
}

void expect_streaming_matches_whole_model(const std::string& text, std::string_view front_end,
                                          std::string_view path) {
  SourceManager sources;
  const SourceFile& file = sources.add(std::string(path), text);
  Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), {});
  const FrontEnd& chosen = *front_end_named(front_end);
  CheckedFile streamed = linter.parse_and_check(file, chosen, {}, nullptr);
  ParseResult parsed = linter.parse(file, chosen);
  std::vector<Finding> whole_model = std::move(parsed.diagnostics);
  std::vector<Finding> checked = merge_shared_findings(linter.check(parsed.ruleset, {}));
  whole_model.insert(whole_model.end(), checked.begin(), checked.end());
  EXPECT_EQ(streamed.rule_count, parsed.ruleset.rule_count());
  EXPECT_EQ(describe_findings(std::move(streamed.findings)),
            describe_findings(std::move(whole_model)));
}

void RecordingSink::take(const Rule& rule, const Ruleset&) {
  placements.push_back(describe_placement(rule));
}

void RecordingSink::retract() {
  ++retracted;
  placements.clear();
}

Streamed::Streamed(const std::string& text, std::string_view front_end, std::string_view path) {
  const SourceFile& file = sources.add(std::string(path), text);
  ParseContext context{Registry::builtin()};
  context.sink = &sink;
  result = front_end_named(front_end)->parse(file, context);
}

size_t kept_rules(const Ruleset& ruleset) {
  return kept_placements(ruleset).size();
}

std::vector<std::string> kept_placements(const Ruleset& ruleset) {
  std::vector<std::string> placements;
  for (const Table& table : ruleset.tables) {
    for (const Chain& chain : table.chains) {
      for (const Rule& rule : chain.rules) placements.push_back(describe_placement(rule));
    }
  }
  return placements;
}

}  // namespace fwlint::testing
