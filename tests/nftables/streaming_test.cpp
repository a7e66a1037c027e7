// The nft text parser hands each rule that names no set to the checks as soon as it is read;
// an `insert rule` or a hook declared after rules were handed over sends it back to parse again
// keeping every rule. Either way the findings, positions and directions are the whole model's.
#include "support/streaming.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/golden.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

void expect_same_findings(const std::string& text) {
  testing::expect_streaming_matches_whole_model(text, "nftables", "rules.nft");
}

std::vector<std::string> sorted(std::vector<std::string> lines) {
  std::sort(lines.begin(), lines.end());
  return lines;
}

// Where every rule is said to sit, handed over or kept, against parsing without a sink.
void expect_whole_model_placements(const testing::Streamed& streamed, const std::string& text) {
  std::vector<std::string> seen = streamed.sink.placements;
  for (std::string& kept : testing::kept_placements(streamed.result.ruleset)) {
    seen.push_back(std::move(kept));
  }
  SourceManager sources;
  ParseContext context{Registry::builtin()};
  ParseResult whole = front_end_named("nftables")->parse(sources.add("rules.nft", text), context);
  EXPECT_EQ(sorted(seen), sorted(testing::kept_placements(whole.ruleset)));
}

TEST(NftablesStreaming, EveryFixtureGivesTheFindingsOfTheWholeModel) {
  size_t rulesets = 0;
  for (const fs::path& directory :
       {testing::source_dir() / "tests" / "fixtures" / "nftables",
        testing::source_dir() / "tests" / "rules" / "FW2001-removed-port",
        testing::source_dir() / "tests" / "rules" / "FW2002-retired-service",
        testing::source_dir() / "tests" / "rules" / "FW2003-range-includes-removed-port",
        testing::source_dir() / "samples" / "nftables"}) {
    for (const fs::path& fixture : testing::fixtures_in(directory)) {
      std::string text = testing::read_text(fixture);
      const FrontEnd* front_end = detect_front_end(text, fixture.filename().string());
      if (front_end == nullptr || front_end->format != Format::kNftables) continue;
      SCOPED_TRACE(fixture.string());
      ++rulesets;
      expect_same_findings(text);
      const testing::Streamed streamed(text, "nftables", "rules.nft");
      expect_whole_model_placements(streamed, text);
    }
  }
  EXPECT_GE(rulesets, 6u);
}

const char* const kPlainRuleset =
    "table inet filter {\n"
    "  set legacy { type inet_service; elements = { 659, 47 } }\n"
    "  chain input {\n"
    "    type filter hook input priority 0; policy drop;\n"
    "    tcp dport 659 accept\n"
    "    ip saddr 10.0.0.1 udp dport @legacy accept\n"
    "    tcp dport { 22, 61 } accept\n"
    "  }\n"
    "  chain output { type filter hook output priority 0; tcp sport 61 accept; }\n"
    "}\n";

TEST(NftablesStreaming, RulesNamingNoSetAreHandedOverWithTheirPlaces) {
  const testing::Streamed streamed(kPlainRuleset, "nftables", "rules.nft");
  EXPECT_EQ(streamed.sink.retracted, 0u);
  EXPECT_EQ(streamed.sink.placements,
            (std::vector<std::string>{"filter input #1 input: tcp dport 659 accept",
                                      "filter input #3 input: tcp dport { 22, 61 } accept",
                                      "filter output #1 output: tcp sport 61 accept"}));
  // The rule naming @legacy waits for the end of the input, when every set is known.
  EXPECT_EQ(testing::kept_placements(streamed.result.ruleset),
            (std::vector<std::string>{
                "filter input #2 input: ip saddr 10.0.0.1 udp dport @legacy accept"}));
  EXPECT_EQ(streamed.result.ruleset.rule_count(), 4u);
  expect_same_findings(kPlainRuleset);
}

// `insert rule` goes before the rules already handed over, so their positions were wrong.
const char* const kInsertBeforeHandedOver =
    "add table inet filter\n"
    "add chain inet filter input { type filter hook input priority 0; }\n"
    "add rule inet filter input tcp dport 659 accept\n"
    "insert rule inet filter input udp dport 47 drop\n";

// A hook declared after the chain's first rules changes their direction.
const char* const kHookAfterRules =
    "table ip filter {\n"
    "  chain input { tcp dport 659 accept; }\n"
    "  chain input { type filter hook input priority 0; udp dport 47 accept; }\n"
    "}\n";

TEST(NftablesStreaming, AStatementThatMovesHandedOverRulesMakesTheParserKeepThemAll) {
  for (const char* text : {kInsertBeforeHandedOver, kHookAfterRules}) {
    SCOPED_TRACE(text);
    const testing::Streamed streamed(text, "nftables", "rules.nft");
    EXPECT_EQ(streamed.sink.retracted, 1u);
    EXPECT_TRUE(streamed.sink.placements.empty());
    EXPECT_EQ(streamed.result.ruleset.handed_over, 0u);
    EXPECT_EQ(testing::kept_rules(streamed.result.ruleset), 2u);
    expect_whole_model_placements(streamed, text);
    expect_same_findings(text);
  }
}

}  // namespace
}  // namespace fwlint
