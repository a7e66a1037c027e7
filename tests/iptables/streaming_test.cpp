// The iptables-save parser hands each rule to the checks as it reads it and keeps none; when a
// later line shows a handed-over rule was not final, it parses again keeping every rule. Either
// way the findings must be those of checking the whole model.
#include "support/streaming.h"

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
using testing::kept_rules;

void expect_same_findings(const std::string& text) {
  testing::expect_streaming_matches_whole_model(text, "iptables-save", "rules.v4");
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
  const testing::Streamed streamed(
      filter_dump("-A INPUT -p tcp --dport 659 -j ACCEPT\n"
                  "-A INPUT -s 10.0.0.0/8 -p udp --dport 47 -j ACCEPT\n"
                  "-A OUTPUT -p tcp --sport 61 -j ACCEPT\n"),
      "iptables-save", "rules.v4");
  EXPECT_EQ(streamed.sink.placements.size(), 3u);
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
    const testing::Streamed streamed(text, "iptables-save", "rules.v4");
    EXPECT_EQ(streamed.sink.retracted, 1u);
    EXPECT_TRUE(streamed.sink.placements.empty());
    EXPECT_EQ(streamed.result.ruleset.handed_over, 0u);
    EXPECT_EQ(kept_rules(streamed.result.ruleset), streamed.result.ruleset.rule_count());
    expect_same_findings(text);
  }
}

TEST(IptablesStreaming, RulesReadBeforeALateIpv6AddressAreIpv6) {
  const testing::Streamed streamed(kLateIpv6Address, "iptables-save", "rules.v4");
  ASSERT_EQ(kept_rules(streamed.result.ruleset), 2u);
  for (const Rule& rule : streamed.result.ruleset.tables.at(0).chains.at(0).rules) {
    EXPECT_EQ(rule.family, Family::kIpv6) << rule.span.line;
  }
}

}  // namespace
}  // namespace fwlint
