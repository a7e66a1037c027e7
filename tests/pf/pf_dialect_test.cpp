#include <gtest/gtest.h>

#include "pf/pf_test_support.h"

namespace fwlint::pf_testing {
namespace {

using Intervals = std::vector<PortInterval>;

struct Edit {
  std::string span_text;  // what the edit replaces
  std::string replacement;
};

// The edit that makes the last rule's destination ports exactly `keep`.
Edit rewrite(const std::string& config, const Intervals& keep) {
  Parsed parsed(config);
  EXPECT_TRUE(parsed.result().diagnostics.empty()) << parsed.describe();
  const Rule& rule = *parsed.rules_as_written().back();
  Dialect::PortEdit edit =
      parsed.ruleset().dialect->rewrite_ports(rule, rule.destination_ports, keep);
  return {parsed.text(edit.span), edit.replacement};
}

TEST(PfDialect, TakesAPortOutOfTheWrittenList) {
  Edit edit = rewrite("pass in proto tcp to port { 22 658 }\n", {{22, 22}});
  EXPECT_EQ(edit.span_text, "{ 22 658 }");
  EXPECT_EQ(edit.replacement, "{ 22 }");
  edit = rewrite("pass in proto tcp to port { 658, ssh, 80 }\n", {{22, 22}, {80, 80}});
  EXPECT_EQ(edit.replacement, "{ ssh, 80 }");
  edit = rewrite("pass in proto tcp to port { 22, 80, 658 }\n", {{22, 22}, {80, 80}});
  EXPECT_EQ(edit.replacement, "{ 22, 80 }");
}

TEST(PfDialect, SplitsRangesAndOperatorsAroundTheDroppedPorts) {
  Edit edit = rewrite("pass in proto tcp to port 600:700\n", {{600, 657}, {660, 700}});
  EXPECT_EQ(edit.span_text, "600:700");
  EXPECT_EQ(edit.replacement, "{ 600:657 660:700 }");
  edit = rewrite("pass in proto tcp to port 600 >< 700\n", {{601, 657}, {660, 699}});
  EXPECT_EQ(edit.replacement, "{ 601:657 660:699 }");
  edit = rewrite("pass in proto tcp to port { 22, 600:700 }\n", {{22, 22}, {600, 657}, {660, 700}});
  EXPECT_EQ(edit.replacement, "{ 22, 600:657, 660:700 }");
}

TEST(PfDialect, EditsTheMacroDefinitionAndShowsIt) {
  Edit edit = rewrite(
      "legacy = \"{ 22 658 }\"\n"
      "pass in proto tcp to port $legacy\n",
      {{22, 22}});
  EXPECT_EQ(edit.span_text, "legacy = \"{ 22 658 }\"");
  EXPECT_EQ(edit.replacement, "legacy = \"{ 22 }\"");
  edit = rewrite(
      "svc = \"{ domain, \\\n\t658, 443 }\"\n"
      "pass in proto tcp to port $svc\n",
      {{53, 53}, {443, 443}});
  EXPECT_EQ(edit.replacement, "svc = \"{ domain, \\\n\t443 }\"");
  edit = rewrite(
      "range = \"600:700\"\n"
      "pass in proto tcp to port $range\n",
      {{600, 657}, {660, 700}});
  EXPECT_EQ(edit.replacement, "range = \"{ 600:657 660:700 }\"");
}

TEST(PfDialect, EditsTheMacroThatHoldsThePortThroughNestedMacros) {
  Edit edit = rewrite(
      "old = \"658 659\"\n"
      "every = \"{ 22 $old }\"\n"
      "pass in proto tcp to port $every\n",
      {{22, 22}, {659, 659}});
  EXPECT_EQ(edit.span_text, "old = \"658 659\"");
  EXPECT_EQ(edit.replacement, "old = \"659\"");
}

TEST(PfDialect, TakesAMacroThatWouldBeEmptyOutOfTheRule) {
  Edit edit = rewrite(
      "legacy = \"658\"\n"
      "pass in proto tcp to port { 22 $legacy }\n",
      {{22, 22}});
  EXPECT_EQ(edit.span_text, "{ 22 $legacy }");
  EXPECT_EQ(edit.replacement, "{ 22 }");
}

TEST(PfDialect, WritesTheListOutWhenTheEditSpansSeveralPlaces) {
  Edit edit = rewrite(
      "legacy = \"658\"\n"
      "pass in proto tcp to port { 600:700 $legacy }\n",
      {{600, 657}, {659, 700}});
  EXPECT_EQ(edit.span_text, "{ 600:700 $legacy }");
  EXPECT_EQ(edit.replacement, "{ 600:657 659:700 }");
  edit = rewrite(
      "low = \"600\"\n"
      "pass in proto tcp to port > $low\n",
      {{601, 657}, {660, 65535}});
  EXPECT_EQ(edit.span_text, "> $low");
  EXPECT_EQ(edit.replacement, "{ 601:657 660:65535 }");
}

TEST(PfDialect, DeletesTheRuleByItsLines) {
  Parsed parsed(
      "pass in all\n"
      "pass in proto tcp \\\n"
      "\tto port 658\n");
  const Dialect& dialect = *parsed.ruleset().dialect;
  EXPECT_EQ(dialect.delete_rule(parsed.rule(0)), "delete line 1: `pass in all`");
  EXPECT_EQ(dialect.delete_rule(parsed.rule(1)),
            "delete lines 2-3: `pass in proto tcp to port 658`");
}

TEST(PfDialect, RestrictsTheProtocolList) {
  Parsed parsed(
      "both = \"{ tcp udp }\"\n"
      "pass in proto { tcp udp } to port 993\n"
      "pass in proto $both to port 993\n");
  const Dialect& dialect = *parsed.ruleset().dialect;
  TransportSet tcp = TransportSet::of(Transport::kTcp);
  EXPECT_EQ(dialect.restrict_transports(parsed.rule(0), tcp), "pass in proto tcp to port 993");
  EXPECT_EQ(dialect.restrict_transports(parsed.rule(1), tcp), "pass in proto tcp to port 993");
}

}  // namespace
}  // namespace fwlint::pf_testing
