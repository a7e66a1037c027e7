// The iptables-save parser hands each rule to the checks as it reads it and keeps none; when a
// later line shows a handed-over rule was not final, it parses again keeping every rule. Either
// way the findings must be those of checking the whole model.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "iptables/iptables_test_support.h"
#include "linter/engine.h"
#include "parsers/iptables/iptables_parser.h"
#include "support/golden.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;
using iptables_testing::filter_dump;

std::string describe(const SourceSpan& span) {
  return std::to_string(span.line) + ":" + std::to_string(span.column) + "-" +
         std::to_string(span.end_line) + ":" + std::to_string(span.end_column);
}

std::vector<std::string> describe(std::vector<Finding> findings) {
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

struct Outcomes {
  CheckedFile streamed;
  size_t rule_count = 0;
  std::vector<Finding> whole_model;  // parse() keeping every rule, then check()
};

Outcomes lint_both_ways(const std::string& text) {
  SourceManager sources;
  const SourceFile& file = sources.add("rules.v4", text);
  Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), {});
  const FrontEnd& front_end = *front_end_named("iptables-save");
  Outcomes outcomes;
  outcomes.streamed = linter.parse_and_check(file, front_end, {}, nullptr);
  ParseResult parsed = linter.parse(file, front_end);
  outcomes.rule_count = parsed.ruleset.rule_count();
  outcomes.whole_model = std::move(parsed.diagnostics);
  std::vector<Finding> checked = merge_shared_findings(linter.check(parsed.ruleset, {}));
  outcomes.whole_model.insert(outcomes.whole_model.end(), checked.begin(), checked.end());
  return outcomes;
}

void expect_same_findings(const std::string& text) {
  Outcomes outcomes = lint_both_ways(text);
  EXPECT_EQ(outcomes.streamed.rule_count, outcomes.rule_count);
  EXPECT_EQ(describe(outcomes.streamed.findings), describe(outcomes.whole_model));
}

// Counts what the parser hands over and what it takes back.
class CountingSink : public RuleSink {
 public:
  void take(const Rule&, const Ruleset&) override { ++taken; }
  void retract() override {
    ++retracted;
    taken = 0;
  }
  size_t taken = 0;
  size_t retracted = 0;
};

struct Streamed {
  ParseResult result;
  CountingSink sink;
};

Streamed parse_streaming(const std::string& text) {
  SourceManager sources;
  const SourceFile& file = sources.add("rules.v4", text);
  Streamed streamed;
  ParseContext context{Registry::builtin()};
  context.sink = &streamed.sink;
  streamed.result = parse_iptables_save(file, context);
  return streamed;
}

size_t kept_rules(const Ruleset& ruleset) {
  size_t kept = 0;
  for (const Table& table : ruleset.tables) {
    for (const Chain& chain : table.chains) kept += chain.rules.size();
  }
  return kept;
}

TEST(IptablesStreaming, EveryFixtureGivesTheFindingsOfTheWholeModel) {
  size_t dumps = 0;
  for (const fs::path& directory :
       {testing::source_dir() / "tests" / "fixtures" / "iptables",
        testing::source_dir() / "tests" / "rules" / "FW2001-removed-port",
        testing::source_dir() / "tests" / "rules" / "FW2002-retired-service",
        testing::source_dir() / "tests" / "rules" / "FW2003-range-includes-removed-port",
        testing::source_dir() / "samples" / "iptables"}) {
    for (const fs::path& fixture : testing::fixtures_in(directory)) {
      std::string text = testing::read_text(fixture);
      const FrontEnd* front_end = detect_front_end(text, fixture.filename().string());
      if (front_end == nullptr || front_end->format != Format::kIptablesSave) continue;
      SCOPED_TRACE(fixture.string());
      ++dumps;
      expect_same_findings(text);
    }
  }
  EXPECT_GE(dumps, 6u);
}

TEST(IptablesStreaming, APlainDumpKeepsNoRules) {
  Streamed streamed =
      parse_streaming(filter_dump("-A INPUT -p tcp --dport 659 -j ACCEPT\n"
                                  "-A INPUT -s 10.0.0.0/8 -p udp --dport 47 -j ACCEPT\n"
                                  "-A OUTPUT -p tcp --sport 61 -j ACCEPT\n"));
  EXPECT_EQ(streamed.sink.taken, 3u);
  EXPECT_EQ(streamed.sink.retracted, 0u);
  EXPECT_EQ(kept_rules(streamed.result.ruleset), 0u);
  EXPECT_EQ(streamed.result.ruleset.rule_count(), 3u);
}

// Rules that do not say their family take the file's; an IPv6 address after them shows the
// file is an ip6tables dump, so the rules already handed over had the wrong family.
const char* const kLateIpv6Address =
    "*filter\n"
    ":INPUT ACCEPT [0:0]\n"
    "-A INPUT -p tcp --dport 659 -j ACCEPT\n"
    "-A INPUT -s 2001:db8::/32 -p udp --dport 47 -j ACCEPT\n"
    "COMMIT\n";

// -I moves the rules after it, so the positions of rules handed over are wrong.
const char* const kInsertAtTheTop =
    "*filter\n"
    ":INPUT ACCEPT [0:0]\n"
    "-A INPUT -p tcp --dport 659 -j ACCEPT\n"
    "-I INPUT 1 -p tcp --dport 61 -j DROP\n"
    "COMMIT\n";

// A table opened again after its COMMIT replaces what was committed.
const char* const kTableReopened =
    "*filter\n"
    ":INPUT ACCEPT [0:0]\n"
    "-A INPUT -p tcp --dport 659 -j ACCEPT\n"
    "COMMIT\n"
    "*filter\n"
    ":INPUT ACCEPT [0:0]\n"
    "-A INPUT -p udp --dport 47 -j ACCEPT\n"
    "COMMIT\n";

TEST(IptablesStreaming, ALineThatChangesHandedOverRulesMakesTheParserKeepThemAll) {
  for (const char* text : {kLateIpv6Address, kInsertAtTheTop, kTableReopened}) {
    SCOPED_TRACE(text);
    Streamed streamed = parse_streaming(text);
    EXPECT_EQ(streamed.sink.retracted, 1u);
    EXPECT_EQ(streamed.sink.taken, 0u);
    EXPECT_EQ(streamed.result.ruleset.handed_over, 0u);
    EXPECT_EQ(kept_rules(streamed.result.ruleset), streamed.result.ruleset.rule_count());
    expect_same_findings(text);
  }
}

TEST(IptablesStreaming, RulesReadBeforeALateIpv6AddressAreIpv6) {
  Streamed streamed = parse_streaming(kLateIpv6Address);
  ASSERT_EQ(kept_rules(streamed.result.ruleset), 2u);
  for (const Rule& rule : streamed.result.ruleset.tables.at(0).chains.at(0).rules) {
    EXPECT_EQ(rule.family, Family::kIpv6) << rule.span.line;
  }
}

}  // namespace
}  // namespace fwlint
