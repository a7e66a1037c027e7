// The nft text front end, construct by construct: where ports come from and where they point,
// what is not a port, verdicts, tables and chains, and how bad input is reported.
#include <gtest/gtest.h>

#include "nftables/nftables_test_support.h"

namespace fwlint {
namespace {

using nftables_testing::intervals;
using nftables_testing::Parsed;
using nftables_testing::tokens;
using nftables_testing::transports;

std::string chain_with(std::string_view rules) {
  return "table inet filter {\n  chain input {\n    type filter hook input priority 0; policy "
         "drop;\n" +
         std::string(rules) + "\n  }\n}\n";
}

TEST(NftTextParser, PortMatchesInEveryWrittenForm) {
  Parsed parsed(
      chain_with("tcp dport 658 accept\n"
                 "udp sport != 600-700 drop\n"
                 "tcp dport { 22, 658, 600-700 } accept\n"
                 "udp dport { 8888 - 8999 } accept\n"
                 "tcp dport ssh accept\n"
                 "tcp dport 0x16 accept\n"
                 "tcp dport > 1000 accept\n"
                 "sctp dport 2905 accept\n"
                 "dccp sport 5004 accept"));
  ASSERT_EQ(parsed.rules().size(), 9u) << parsed.describe();
  EXPECT_EQ(parsed.diagnostics().size(), 0u) << parsed.describe();
  EXPECT_EQ(intervals(parsed.rule(0).destination_ports), "[658,658]");
  EXPECT_EQ(parsed.text(parsed.rule(0).destination_ports.tokens[0].span), "658");
  EXPECT_FALSE(parsed.rule(0).destination_ports.is_list);
  EXPECT_EQ(parsed.text(parsed.rule(0).destination_ports.option_span), "tcp dport 658");
  EXPECT_TRUE(parsed.rule(1).source_ports.negated);
  EXPECT_EQ(intervals(parsed.rule(1).source_ports), "[600,700]");
  EXPECT_EQ(parsed.text(parsed.rule(1).source_ports.value_span), "600-700");
  EXPECT_EQ(tokens(parsed.rule(2).destination_ports), "22 658 600-700");
  EXPECT_TRUE(parsed.rule(2).destination_ports.is_list);
  EXPECT_EQ(parsed.text(parsed.rule(2).destination_ports.value_span), "{ 22, 658, 600-700 }");
  EXPECT_EQ(parsed.text(parsed.rule(2).destination_ports.tokens[1].span), "658");
  EXPECT_EQ(intervals(parsed.rule(3).destination_ports), "[8888,8999]");
  EXPECT_EQ(parsed.rule(3).destination_ports.tokens[0].text, "8888 - 8999");
  EXPECT_EQ(intervals(parsed.rule(4).destination_ports), "[22,22]");
  EXPECT_EQ(parsed.rule(4).destination_ports.tokens[0].text, "ssh");
  EXPECT_EQ(intervals(parsed.rule(5).destination_ports), "[22,22]");
  EXPECT_EQ(intervals(parsed.rule(6).destination_ports), "[1001,65535]");
  EXPECT_EQ(parsed.text(parsed.rule(6).destination_ports.value_span), "> 1000");
  EXPECT_EQ(transports(parsed.rule(7).transports), "sctp");
  EXPECT_EQ(transports(parsed.rule(8).transports), "dccp");
  EXPECT_EQ(intervals(parsed.rule(8).source_ports), "[5004,5004]");
}

TEST(NftTextParser, TransportsFromSelectorsAndL4proto) {
  Parsed parsed(
      chain_with("th dport 993 accept\n"
                 "meta l4proto { tcp, udp } th dport 993 accept\n"
                 "meta l4proto udp th dport 53 accept\n"
                 "ip protocol tcp tcp dport 22 accept\n"
                 "meta l4proto != tcp th dport 7 accept\n"
                 "meta l4proto 17 th dport 53 accept"));
  EXPECT_EQ(transports(parsed.rule(0).transports), "tcp udp sctp dccp");
  EXPECT_EQ(transports(parsed.rule(1).transports), "tcp udp");
  EXPECT_EQ(parsed.rule(1).protocol, "{ tcp, udp }");
  EXPECT_EQ(parsed.text(parsed.rule(1).protocol_span), "{ tcp, udp }");
  EXPECT_EQ(transports(parsed.rule(2).transports), "udp");
  EXPECT_EQ(transports(parsed.rule(3).transports), "tcp");
  EXPECT_EQ(parsed.rule(3).protocol, "tcp");
  EXPECT_EQ(transports(parsed.rule(4).transports), "udp sctp dccp");
  EXPECT_TRUE(parsed.rule(4).protocol_negated);
  EXPECT_EQ(transports(parsed.rule(5).transports), "udp");
}

TEST(NftTextParser, NumbersOfOtherStatementsAreNeverPorts) {
  Parsed parsed(
      chain_with("ip6 saddr fe35:658e::1 accept\n"
                 "ct mark 658 accept\n"
                 "meta mark 0x292 accept\n"
                 "limit rate 659/second accept\n"
                 "meta priority 658 accept\n"
                 "ct original proto-dst 658 accept\n"
                 "udp dport 4789 vxlan udp sport 659 accept\n"
                 "tcp dport set 659 accept\n"
                 "meta mark set tcp dport map { 658 : 1 } accept\n"
                 "add @seen { ip saddr . tcp dport } accept\n"
                 "icmp type 658 accept\n"
                 "@th,16,16 658 accept"));
  ASSERT_EQ(parsed.rules().size(), 12u) << parsed.describe();
  EXPECT_EQ(parsed.diagnostics().size(), 0u) << parsed.describe();
  for (size_t i = 0; i < parsed.rules().size(); ++i) {
    const Rule& rule = parsed.rule(i);
    SCOPED_TRACE(std::string(rule.text));
    EXPECT_TRUE(rule.source_ports.any());
    if (i == 6) {
      EXPECT_EQ(intervals(rule.destination_ports), "[4789,4789]");  // the outer header only
    } else {
      EXPECT_TRUE(rule.destination_ports.any());
    }
    EXPECT_EQ(rule.action.verdict, Verdict::kAccept);
  }
  EXPECT_EQ(parsed.rule(0).sources.size(), 1u);
  EXPECT_EQ(parsed.rule(0).sources[0].text, "fe35:658e::1");
  EXPECT_EQ(parsed.rule(1).other_matches, std::vector<std::string_view>{"ct mark 658"});
  EXPECT_EQ(parsed.rule(3).other_matches, std::vector<std::string_view>{"limit rate 659/second"});
}

TEST(NftTextParser, DefinesPointAtTheElementAndNameTheReference) {
  Parsed parsed(
      "define WEB = { 80, 443 }\n"
      "define LEGACY = { $WEB, 658 }\n"
      "table inet filter {\n"
      "  chain input {\n"
      "    tcp dport $LEGACY accept\n"
      "  }\n"
      "}\n");
  ASSERT_EQ(parsed.rules().size(), 1u) << parsed.describe();
  const PortSet& ports = parsed.rule(0).destination_ports;
  ASSERT_EQ(tokens(ports), "80 443 658");
  EXPECT_EQ(ports.tokens[0].span.line, 1u);
  EXPECT_EQ(ports.tokens[0].span.column, 16u);
  ASSERT_EQ(ports.tokens[0].via.size(), 2u);
  EXPECT_EQ(ports.tokens[0].via[0].name, "$LEGACY");
  EXPECT_EQ(ports.tokens[0].via[0].span.line, 5u);
  EXPECT_EQ(ports.tokens[0].via[0].definition, "{ $WEB, 658 }");
  EXPECT_EQ(ports.tokens[0].via[1].name, "$WEB");
  EXPECT_EQ(ports.tokens[0].via[1].span.line, 2u);
  EXPECT_EQ(ports.tokens[0].via[1].definition, "{ 80, 443 }");
  EXPECT_EQ(parsed.text(ports.tokens[2].span), "658");
  EXPECT_EQ(ports.tokens[2].span.line, 2u);
  ASSERT_EQ(ports.tokens[2].via.size(), 1u);
  EXPECT_EQ(parsed.text(ports.value_span), "$LEGACY");
  EXPECT_TRUE(ports.is_list);
}

TEST(NftTextParser, NamedSetsWithIntervalsAndLaterElements) {
  Parsed parsed(
      "table inet filter {\n"
      "  chain input {\n"
      "    tcp dport @legacy accept\n"
      "  }\n"
      "  set legacy {\n"
      "    type inet_service; flags interval\n"
      "    elements = { 22, 600-700 }\n"
      "  }\n"
      "}\n"
      "add element inet filter legacy { 658 }\n");
  ASSERT_EQ(parsed.rules().size(), 1u) << parsed.describe();
  EXPECT_EQ(parsed.diagnostics().size(), 0u) << parsed.describe();
  const PortSet& ports = parsed.rule(0).destination_ports;
  EXPECT_EQ(tokens(ports), "22 600-700 658");
  ASSERT_EQ(ports.tokens[2].via.size(), 1u);
  EXPECT_EQ(ports.tokens[2].via[0].name, "@legacy");
  EXPECT_EQ(ports.tokens[2].via[0].span.line, 3u);
  EXPECT_EQ(ports.tokens[2].via[0].definition, "{ 658 }");
  EXPECT_EQ(ports.tokens[0].via[0].definition, "{ 22, 600-700 }");
  EXPECT_EQ(ports.tokens[2].span.line, 10u);
  EXPECT_EQ(ports.tokens[2].span.column, 34u);
}

TEST(NftTextParser, VerdictMapsGiveThePortsAndTheCommonVerdict) {
  Parsed parsed(
      chain_with("tcp dport vmap { 658 : accept, 22 : jump ssh }\n"
                 "udp dport vmap { 659 : drop, 53: drop }\n"
                 "ct state vmap { established : accept, invalid : drop }"));
  ASSERT_EQ(parsed.rules().size(), 3u) << parsed.describe();
  EXPECT_EQ(tokens(parsed.rule(0).destination_ports), "658 22");
  EXPECT_EQ(parsed.rule(0).action.verdict, Verdict::kOther);
  EXPECT_EQ(tokens(parsed.rule(1).destination_ports), "659 53");
  EXPECT_EQ(parsed.rule(1).action.verdict, Verdict::kDrop);
  EXPECT_TRUE(parsed.rule(2).destination_ports.any());
  EXPECT_EQ(parsed.rule(2).action.verdict, Verdict::kOther);
  EXPECT_FALSE(parsed.rule(2).other_matches.empty());
}

TEST(NftTextParser, NamedVerdictMapsAndConcatenations) {
  Parsed parsed(
      "table inet filter {\n"
      "  map ports { type inet_service : verdict; elements = { 658 : drop, 47 : drop } }\n"
      "  set pairs { type ipv4_addr . inet_service; elements = { 10.0.0.1 . 658 } }\n"
      "  chain input {\n"
      "    tcp dport vmap @ports\n"
      "    ip saddr . tcp dport @pairs accept\n"
      "    ip saddr . tcp dport { 10.0.0.2 . 659, 10.0.0.3 . 22 } accept\n"
      "  }\n"
      "}\n");
  ASSERT_EQ(parsed.rules().size(), 3u) << parsed.describe();
  EXPECT_EQ(tokens(parsed.rule(0).destination_ports), "658 47");
  EXPECT_EQ(parsed.rule(0).action.verdict, Verdict::kDrop);
  EXPECT_EQ(tokens(parsed.rule(1).destination_ports), "658");
  EXPECT_EQ(parsed.rule(1).destination_ports.tokens[0].via[0].name, "@pairs");
  EXPECT_EQ(tokens(parsed.rule(2).destination_ports), "659 22");
  EXPECT_EQ(parsed.text(parsed.rule(2).destination_ports.tokens[0].span), "659");
  EXPECT_FALSE(parsed.rule(2).other_matches.empty());
}

TEST(NftTextParser, NatTargetsCarryTheirPort) {
  Parsed parsed(
      "table ip nat {\n"
      "  chain prerouting {\n"
      "    type nat hook prerouting priority dstnat; policy accept;\n"
      "    meta l4proto tcp redirect to :658\n"
      "    meta l4proto tcp dnat to 10.0.0.1:659\n"
      "    meta l4proto udp dnat to [2001:db8::1]:47\n"
      "    iifname \"eth0\" masquerade\n"
      "  }\n"
      "}\n");
  ASSERT_EQ(parsed.rules().size(), 4u) << parsed.describe();
  EXPECT_EQ(intervals(parsed.rule(0).destination_ports), "[658,658]");
  EXPECT_EQ(parsed.rule(0).action.verdict, Verdict::kNat);
  EXPECT_EQ(parsed.text(parsed.rule(1).destination_ports.tokens[0].span), "659");
  EXPECT_EQ(intervals(parsed.rule(2).destination_ports), "[47,47]");
  EXPECT_TRUE(parsed.rule(3).destination_ports.any());
  EXPECT_EQ(parsed.rule(3).in_interfaces.at(0).name, "eth0");
}

TEST(NftTextParser, VerdictsAndComments) {
  Parsed parsed(
      chain_with("tcp dport 22 accept\n"
                 "tcp dport 23 drop\n"
                 "tcp dport 24 reject with tcp reset\n"
                 "tcp dport 25 jump smtp\n"
                 "tcp dport 26 goto other\n"
                 "tcp dport 27 return\n"
                 "tcp dport 28 counter log prefix \"x\"\n"
                 "tcp dport 29 counter accept comment \"mail\""));
  std::vector<Verdict> expected = {Verdict::kAccept, Verdict::kDrop,  Verdict::kReject,
                                   Verdict::kJump,   Verdict::kGoto,  Verdict::kReturn,
                                   Verdict::kLog,    Verdict::kAccept};
  ASSERT_EQ(parsed.rules().size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(parsed.rule(i).action.verdict, expected[i]) << parsed.rule(i).text;
  }
  EXPECT_EQ(parsed.rule(3).action.target, "smtp");
  EXPECT_EQ(parsed.rule(7).comment, "mail");
  EXPECT_EQ(parsed.rule(7).text, "tcp dport 29 counter accept comment \"mail\"");
}

TEST(NftTextParser, TablesChainsAndBaseChainDeclarations) {
  Parsed parsed(
      "table ip filter {\n"
      "  chain input {\n"
      "    type filter hook input priority -150; policy drop;\n"
      "    tcp dport 22 accept\n"
      "  }\n"
      "  chain fwd { type filter hook forward priority filter - 5; policy accept; }\n"
      "}\n"
      "table ip6 filter {\n"
      "  chain output {\n"
      "    type filter hook output priority 0\n"
      "    udp dport 53 accept\n"
      "  }\n"
      "}\n");
  const Ruleset& ruleset = parsed.ruleset();
  ASSERT_EQ(ruleset.tables.size(), 2u) << parsed.describe();
  EXPECT_EQ(ruleset.order, EvaluationOrder::kFirstMatch);
  EXPECT_EQ(ruleset.tables[0].family, Family::kIpv4);
  EXPECT_EQ(ruleset.tables[1].family, Family::kIpv6);
  ASSERT_EQ(ruleset.tables[0].chains.size(), 2u);
  EXPECT_EQ(ruleset.tables[0].chains[0].policy, "drop");
  EXPECT_EQ(ruleset.tables[0].chains[0].direction, Direction::kInput);
  EXPECT_EQ(ruleset.tables[0].chains[1].direction, Direction::kForward);
  EXPECT_EQ(ruleset.tables[0].chains[1].policy, "accept");
  const Rule& rule = parsed.rule(1);
  EXPECT_EQ(rule.family, Family::kIpv6);
  EXPECT_EQ(rule.table, "filter");
  EXPECT_EQ(rule.chain, "output");
  EXPECT_EQ(rule.direction, Direction::kOutput);
  EXPECT_EQ(rule.position, 1u);
}

TEST(NftTextParser, FlatCommandsWithInsertOrder) {
  Parsed parsed(
      "flush ruleset\n"
      "add table inet filter\n"
      "add chain inet filter input { type filter hook input priority 0; policy drop; }\n"
      "add rule inet filter input tcp dport 22 accept\n"
      "add rule inet filter input udp dport 53 accept\n"
      "insert rule inet filter input tcp dport 658 drop\n"
      "add rule filter forward tcp dport 80 accept\n");
  ASSERT_EQ(parsed.rules().size(), 4u) << parsed.describe();
  EXPECT_EQ(intervals(parsed.rule(0).destination_ports), "[658,658]");
  EXPECT_EQ(parsed.rule(0).position, 1u);
  EXPECT_EQ(parsed.rule(1).position, 2u);
  EXPECT_EQ(parsed.rule(0).text, "insert rule inet filter input tcp dport 658 drop");
  EXPECT_EQ(parsed.rule(0).direction, Direction::kInput);
  EXPECT_EQ(parsed.rule(3).family, Family::kIpv4);  // no family: nft's default, ip
}

TEST(NftTextParser, HandlesFromNftDashA) {
  Parsed parsed(
      "table inet filter { # handle 3\n"
      "\tchain input { # handle 1\n"
      "\t\ttype filter hook input priority filter; policy accept;\n"
      "\t\ttcp dport 658 accept # handle 7\n"
      "\t}\n"
      "}\n");
  ASSERT_EQ(parsed.rules().size(), 1u);
  EXPECT_EQ(parsed.rule(0).handle, 7u);
  EXPECT_EQ(parsed.rule(0).text, "tcp dport 658 accept");
}

TEST(NftTextParser, LineContinuationsAndSetsAcrossLines) {
  Parsed parsed(
      chain_with("tcp dport { 22,\n      658,\n      659 } \\\n      accept\n"
                 "udp dport 53 \\\n  accept"));
  ASSERT_EQ(parsed.rules().size(), 2u) << parsed.describe();
  EXPECT_EQ(tokens(parsed.rule(0).destination_ports), "22 658 659");
  EXPECT_EQ(parsed.rule(0).destination_ports.tokens[1].span.line, 5u);
  EXPECT_EQ(parsed.rule(0).action.verdict, Verdict::kAccept);
  EXPECT_EQ(parsed.rule(0).span.end_line, 7u);
  EXPECT_EQ(parsed.rule(1).action.verdict, Verdict::kAccept);
}

TEST(NftTextParser, SyntaxErrorsAreReportedWhereTheyAreAndParsingResumes) {
  Parsed parsed(
      "table inet filter {\n"
      "  chain input {\n"
      "    tcp dport 70000 accept\n"
      "    tcp dport nosuchservice accept\n"
      "    iifname \"eth0 accept\n"
      "    tcp dport 658 accept\n"
      "  }\n"
      "  bogus thing\n"
      "}\n"
      "}\n"
      "tcp dport 22 accept\n");
  EXPECT_EQ(parsed.diagnostics(),
            (std::vector<std::string>{"3:15 FW1003", "4:15 FW1002", "5:13 FW1001", "8:3 FW1001",
                                      "10:1 FW1001", "11:1 FW1001"}))
      << parsed.describe();
  std::vector<const Rule*> rules = parsed.rules();
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_TRUE(rules[0]->destination_ports.unresolved);
  EXPECT_EQ(intervals(rules[3]->destination_ports), "[658,658]");
}

TEST(NftTextParser, UndefinedVariablesAndSetsAreReportedAndLeaveThePortsUnresolved) {
  Parsed parsed(
      chain_with("tcp dport $NOPE accept\n"
                 "tcp dport @nope accept"));
  EXPECT_EQ(parsed.diagnostics(), (std::vector<std::string>{"4:11 FW1004", "5:11 FW1004"}))
      << parsed.describe();
  EXPECT_TRUE(parsed.rule(0).destination_ports.unresolved);
  EXPECT_FALSE(parsed.rule(0).destination_ports.any());
  EXPECT_TRUE(parsed.rule(1).destination_ports.unresolved);
}

TEST(NftTextParser, AFragmentOfChainsIsReportedButItsRulesAreRead) {
  Parsed parsed("chain input {\n  tcp dport 658 accept\n}\n");
  EXPECT_EQ(parsed.diagnostics(), std::vector<std::string>{"1:1 FW1001"}) << parsed.describe();
  ASSERT_EQ(parsed.rules().size(), 1u);
  EXPECT_EQ(intervals(parsed.rule(0).destination_ports), "[658,658]");
}

TEST(NftTextParser, InterfacesAndAddresses) {
  Parsed parsed(
      chain_with("iifname { \"eth0\", \"eth1\" } ip saddr != 10.0.0.0/8 accept\n"
                 "oifname \"wan\" ip6 daddr @blocked drop"));
  const Rule& first = parsed.rule(0);
  ASSERT_EQ(first.in_interfaces.size(), 2u);
  EXPECT_EQ(first.in_interfaces[1].name, "eth1");
  ASSERT_EQ(first.sources.size(), 1u);
  EXPECT_TRUE(first.sources[0].negated);
  EXPECT_EQ(first.sources[0].text, "10.0.0.0/8");
  EXPECT_EQ(parsed.rule(1).out_interfaces.at(0).name, "wan");
  EXPECT_EQ(parsed.rule(1).destinations.at(0).text, "@blocked");
}

}  // namespace
}  // namespace fwlint
