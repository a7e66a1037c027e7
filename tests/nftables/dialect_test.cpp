// Suggestions in nft's language: the resulting set, edited where the port is written (the rule,
// a define, a named set), the delete command, and the rule restricted to some transports.
#include <gtest/gtest.h>

#include "nftables/nftables_test_support.h"

namespace fwlint {
namespace {

using nftables_testing::Parsed;

struct Edit {
  std::string at;  // "line:column-end_line:end_column"
  std::string replacement;
};

// The edit that takes `port` out of the rule's destination ports.
Edit without(const Parsed& parsed, size_t rule_index, uint16_t port) {
  const Rule& rule = parsed.rule(rule_index);
  std::vector<PortInterval> keep = subtract(rule.destination_ports.intervals(), port);
  Dialect::PortEdit edit =
      parsed.ruleset().dialect->rewrite_ports(rule, rule.destination_ports, keep);
  return {std::to_string(edit.span.line) + ":" + std::to_string(edit.span.column) + "-" +
              std::to_string(edit.span.end_line) + ":" + std::to_string(edit.span.end_column),
          edit.replacement};
}

std::string rules(std::string_view body) {
  return "table inet filter {\n  chain input {\n" + std::string(body) + "\n  }\n}\n";
}

TEST(NftDialect, RewritesTheRulesOwnSetOrValue) {
  Parsed parsed(
      rules("tcp dport { 22, 658, 600-700 } accept\n"
            "tcp dport 600-700 accept\n"
            "tcp dport vmap { 658 : accept, 22 : jump ssh }\n"
            "ip saddr . tcp dport { 10.0.0.1 . 600-700 } accept\n"
            "tcp dport { 22,\n      658,\n      80 } accept\n"
            "tcp dport > 600 accept"));
  Edit set = without(parsed, 0, 658);
  EXPECT_EQ(set.at, "3:11-3:31");
  EXPECT_EQ(set.replacement, "{ 22, 600-657, 659-700 }");
  EXPECT_EQ(without(parsed, 1, 658).replacement, "{ 600-657, 659-700 }");
  EXPECT_EQ(without(parsed, 2, 658).replacement, "{ 22 : jump ssh }");
  EXPECT_EQ(without(parsed, 3, 658).replacement, "{ 10.0.0.1 . 600-657, 10.0.0.1 . 659-700 }");
  EXPECT_EQ(without(parsed, 4, 658).replacement, "{ 22,\n      80 }");
  Edit compared = without(parsed, 5, 658);
  EXPECT_EQ(compared.at, "10:11-10:16");
  EXPECT_EQ(compared.replacement, "{ 601-657, 659-65535 }");
}

TEST(NftDialect, EditsTheDefineOrSetEveryUserShares) {
  Parsed parsed(
      "define LEGACY = { 22, 658 }\n"
      "define ONLY = { 658 }\n"
      "table inet filter {\n"
      "  set legacy { type inet_service; elements = { 80, 658, 443 } }\n"
      "  chain input {\n"
      "    tcp dport $LEGACY accept\n"
      "    tcp dport @legacy accept\n"
      "    tcp dport { $ONLY, 22 } accept\n"
      "  }\n"
      "}\n");
  Edit define = without(parsed, 0, 658);
  EXPECT_EQ(define.at, "1:17-1:28");
  EXPECT_EQ(define.replacement, "{ 22 }");
  Edit set = without(parsed, 1, 658);
  EXPECT_EQ(set.at, "4:46-4:62");
  EXPECT_EQ(set.replacement, "{ 80, 443 }");
  // Emptying ONLY would break it: the reference is dropped from the rule's set instead.
  Edit nested = without(parsed, 2, 658);
  EXPECT_EQ(nested.at, "8:15-8:28");
  EXPECT_EQ(nested.replacement, "{ 22 }");
}

TEST(NftDialect, DeletesByHandleOrByLine) {
  Parsed parsed(
      "table inet filter {\n  chain input {\n    tcp dport 658 accept # handle 7\n"
      "    tcp dport 659 accept\n  }\n}\n");
  const Dialect& dialect = *parsed.ruleset().dialect;
  EXPECT_EQ(dialect.delete_rule(parsed.rule(0)), "nft delete rule inet filter input handle 7");
  EXPECT_EQ(dialect.delete_rule(parsed.rule(1)), "delete the line `tcp dport 659 accept`");
}

TEST(NftDialect, RestrictsTransports) {
  Parsed parsed(
      rules("meta l4proto { tcp, udp } th dport 993 accept\n"
            "th dport 993 accept\n"
            "ip protocol != tcp udp dport 993 accept"));
  const Dialect& dialect = *parsed.ruleset().dialect;
  TransportSet tcp = TransportSet::of(Transport::kTcp);
  TransportSet tcp_udp = tcp;
  tcp_udp.add(Transport::kUdp);
  EXPECT_EQ(dialect.restrict_transports(parsed.rule(0), tcp), "tcp dport 993 accept");
  EXPECT_EQ(dialect.restrict_transports(parsed.rule(1), tcp), "tcp dport 993 accept");
  EXPECT_EQ(dialect.restrict_transports(parsed.rule(1), tcp_udp),
            "meta l4proto { tcp, udp } th dport 993 accept");
  EXPECT_EQ(dialect.restrict_transports(parsed.rule(0), tcp_udp),
            "meta l4proto { tcp, udp } th dport 993 accept");
  EXPECT_EQ(dialect.restrict_transports(parsed.rule(2), TransportSet::of(Transport::kUdp)),
            "udp dport 993 accept");
}

TEST(NftDialect, JsonEditsKeepTheFileValidJson) {
  Parsed parsed(
      R"({"nftables": [
{"rule": {"family": "inet", "table": "filter", "chain": "input", "handle": 4, "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "th", "field": "dport"}}, "right": {"set": [22, 658, {"range": [600, 700]}]}}}, {"accept": null}]}},
{"rule": {"family": "bridge", "table": "filter", "chain": "input", "handle": 5, "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": 658}}, {"accept": null}]}}
]})",
      Format::kNftablesJson);
  Edit set = without(parsed, 0, 658);
  EXPECT_EQ(set.at, "2:179-2:220");
  EXPECT_EQ(set.replacement, "{\"set\": [22, {\"range\": [600, 657]}, {\"range\": [659, 700]}]}");
  const Dialect& dialect = *parsed.ruleset().dialect;
  EXPECT_EQ(dialect.delete_rule(parsed.rule(1)), "nft delete rule bridge filter input handle 5");
  std::string restricted =
      dialect.restrict_transports(parsed.rule(0), TransportSet::of(Transport::kTcp));
  EXPECT_NE(restricted.find("{\"protocol\": \"tcp\", \"field\": \"dport\"}"), std::string::npos)
      << restricted;
  Parsed reparsed("{\"nftables\": [" + restricted + "]}", Format::kNftablesJson);
  EXPECT_TRUE(reparsed.diagnostics().empty()) << reparsed.describe();
  EXPECT_EQ(nftables_testing::transports(reparsed.rule(0).transports), "tcp");
}

}  // namespace
}  // namespace fwlint
