// Bad input: each problem is reported at file:line:column of the offending token, and the
// parser goes on with the next line.
#include <gtest/gtest.h>

#include "iptables/iptables_test_support.h"

namespace fwlint {
namespace {

using iptables_testing::filter_dump;
using iptables_testing::intervals;
using iptables_testing::Parsed;

using Lines = std::vector<std::string>;

// The rules sit on line 5 onwards of filter_dump().
Parsed save(std::string_view rules) {
  return Parsed(Format::kIptablesSave, filter_dump(rules));
}

TEST(IptablesBadInput, BinaryDataStopsAtTheFirstNul) {
  std::string text = filter_dump("-A INPUT -j ACCEPT");
  text.insert(text.find("-A") + 3, std::string("\0\x01\x02", 3));
  for (Format format : {Format::kIptablesSave, Format::kIptablesScript}) {
    Parsed parsed(format, text);
    EXPECT_EQ(parsed.diagnostics(), (Lines{"5:4 FW1005"}));
    EXPECT_TRUE(parsed.rules().empty());
  }
}

TEST(IptablesBadInput, TruncatedRuleAndMissingValues) {
  Parsed parsed = save(
      "-A INPUT -p tcp --dport\n"
      "-A INPUT -p tcp --dport -j ACCEPT\n"
      "-A INPUT -s -j DROP\n"
      "-A INPUT -p tcp -m multiport --dports 22 -j\n"
      "-A INPUT -p tcp --dport 22 -j ACCEPT");
  EXPECT_EQ(parsed.diagnostics(),
            (Lines{"5:17 FW1001", "6:17 FW1001", "7:10 FW1001", "8:42 FW1001"}))
      << parsed.describe();
  std::vector<const Rule*> rules = parsed.rules();
  ASSERT_EQ(rules.size(), 5u);
  EXPECT_TRUE(rules[0]->destination_ports.unresolved);
  EXPECT_FALSE(rules[0]->destination_ports.any());
  EXPECT_EQ(rules[1]->action.verdict, Verdict::kAccept);
  EXPECT_EQ(rules[2]->action.verdict, Verdict::kDrop);
  EXPECT_EQ(intervals(rules[3]->destination_ports), "[22, 22]");
  EXPECT_EQ(intervals(rules[4]->destination_ports), "[22, 22]");
}

TEST(IptablesBadInput, InvalidPorts) {
  Parsed parsed = save(
      "-A INPUT -p tcp --dport 70000 -j ACCEPT\n"
      "-A INPUT -p tcp --dport 5:3 -j ACCEPT\n"
      "-A INPUT -p tcp -m multiport --dports 22,,80 -j ACCEPT\n"
      "-A INPUT -p tcp --dport 22,80 -j ACCEPT\n"
      "-A INPUT -p tcp --dport 1000-2000 -j ACCEPT\n"
      "-A INPUT -p tcp --sport 0080 -j ACCEPT\n"
      "-A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14:15,16 -j ACCEPT\n"
      "-A INPUT -p tcp -m multiport --dports 22,99999 -j ACCEPT");
  EXPECT_EQ(parsed.diagnostics(),
            (Lines{"5:25 FW1003", "6:25 FW1003", "7:42 FW1003", "8:25 FW1003", "9:25 FW1003",
                   "10:25 FW1003", "11:39 FW1003", "12:42 FW1003"}))
      << parsed.describe();
  std::vector<const Rule*> rules = parsed.rules();
  ASSERT_EQ(rules.size(), 8u);
  EXPECT_TRUE(rules[0]->destination_ports.unresolved);
  EXPECT_EQ(intervals(rules[2]->destination_ports), "[22, 22] [80, 80]");
  EXPECT_EQ(rules[6]->destination_ports.tokens.size(), 15u);
  EXPECT_FALSE(rules[6]->destination_ports.unresolved);
  EXPECT_EQ(intervals(rules[7]->destination_ports), "[22, 22]");
  EXPECT_TRUE(rules[7]->destination_ports.unresolved);
}

TEST(IptablesBadInput, UnknownServiceNames) {
  Parsed parsed = save(
      "-A INPUT -p tcp --dport <SSH_PORT_PLACEHOLDER> -j ACCEPT\n"
      "-A INPUT -p tcp -m multiport --dports http,nosuchservice -j ACCEPT");
  EXPECT_EQ(parsed.diagnostics(), (Lines{"5:25 FW1002", "6:44 FW1002"})) << parsed.describe();
  EXPECT_EQ(intervals(parsed.rule(1).destination_ports), "[80, 80]");
}

TEST(IptablesBadInput, RulesOutsideTablesAndUndeclaredChains) {
  Parsed parsed(Format::kIptablesSave,
                "-A INPUT -p tcp --dport 22 -j ACCEPT\n"
                "*filter\n:INPUT DROP [0:0]\n"
                "-A MISSING -p tcp --dport 658 -j ACCEPT\n"
                "-A MISSING -j DROP\n"
                "-A INPUT -j $\n"
                "COMMIT\n"
                "COMMIT\n"
                "-A INPUT -p udp --dport 659 -j ACCEPT\n");
  EXPECT_EQ(parsed.diagnostics(),
            (Lines{"1:1 FW1001", "4:4 FW1001", "6:13 FW1001", "8:1 FW1001", "9:1 FW1001"}))
      << parsed.describe();
  std::vector<const Rule*> rules = parsed.rules();
  ASSERT_EQ(rules.size(), 5u);
  EXPECT_EQ(rules[0]->table, "filter");
  EXPECT_EQ(intervals(rules[0]->destination_ports), "[22, 22]");
  EXPECT_EQ(rules[1]->action.target, "$");
  EXPECT_EQ(intervals(rules[2]->destination_ports), "[659, 659]");
  EXPECT_EQ(rules[3]->chain, "MISSING");
  EXPECT_EQ(intervals(rules[3]->destination_ports), "[658, 658]");
}

TEST(IptablesBadInput, TableStructure) {
  Parsed parsed(Format::kIptablesSave,
                "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT\n"
                "*nat\n:PREROUTING\n:POSTROUTING ACCEPT [0:0]\n-t nat -A POSTROUTING -j ACCEPT\n"
                "COMMIT\n*bogus\nCOMMIT\n*mangle\n-A PREROUTING -m comment --comment \"open\n");
  EXPECT_EQ(parsed.diagnostics(), (Lines{"4:1 FW1001", "5:2 FW1001", "7:1 FW1001", "9:2 FW1001",
                                         "11:1 FW1001", "12:36 FW1001"}))
      << parsed.describe();
  EXPECT_EQ(parsed.rules().size(), 3u);
}

TEST(IptablesBadInput, StrayArgumentsAndSecondCommands) {
  Parsed parsed = save(
      "-A INPUT -p tcp --dport 22 ACCEPT\n"
      "-A INPUT -D INPUT -j ACCEPT\n"
      "-P DROP\n"
      "-A INPUT ! ! -p tcp -j ACCEPT\n"
      "-A INPUT -j ACCEPT !\n"
      "--no-such-thing");
  EXPECT_EQ(parsed.diagnostics(), (Lines{"5:28 FW1001", "6:10 FW1001", "7:1 FW1001", "8:12 FW1001",
                                         "9:20 FW1001", "10:1 FW1001"}))
      << parsed.describe();
  EXPECT_EQ(parsed.rules().size(), 4u);
}

TEST(IptablesBadInput, PortsNeedAProtocolBeforeThem) {
  Parsed parsed = save(
      "-A INPUT --dport 22 -j ACCEPT\n"
      "-A INPUT --dport 22 -p tcp -j ACCEPT\n"
      "-A INPUT -p icmp -m multiport --sports 1,2 -j ACCEPT\n"
      "-A INPUT -m tcp --dport 22 -j ACCEPT\n"
      "-A INPUT -p udplite -m multiport --dports 53 -j ACCEPT\n"
      "-A INPUT -p 6 --dport 22 -j ACCEPT");
  EXPECT_EQ(parsed.diagnostics(), (Lines{"5:10 FW1001", "6:10 FW1001", "7:31 FW1001"}))
      << parsed.describe();
  for (const Rule* rule : parsed.rules())
    EXPECT_FALSE(rule->destination_ports.any() && rule->source_ports.any());
}

TEST(IptablesBadInput, ScriptProblems) {
  Parsed parsed(Format::kIptablesScript,
                "iptables -A INPUT -p tcp --dport 70000 -j ACCEPT\n"
                "iptables -A INPUT -m comment --comment \"unterminated -j ACCEPT\n"
                "iptables -A INPUT -p tcp --dport nosuch -j ACCEPT\n");
  EXPECT_EQ(parsed.diagnostics(), (Lines{"1:34 FW1003", "2:40 FW1001", "3:34 FW1002"}))
      << parsed.describe();
  EXPECT_EQ(parsed.rules().size(), 3u);
}

}  // namespace
}  // namespace fwlint
