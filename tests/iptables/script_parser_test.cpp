// Shell scripts of iptables commands: command forms, variables, loops, continuations.
#include <gtest/gtest.h>

#include "iptables/iptables_test_support.h"

namespace fwlint {
namespace {

using iptables_testing::intervals;
using iptables_testing::Parsed;

Parsed script(std::string text) {
  return Parsed(Format::kIptablesScript, std::move(text));
}

TEST(IptablesScript, CommandForms) {
  Parsed parsed = script(
      "#!/bin/sh\n"
      "iptables -A INPUT -p tcp --dport 22 -j ACCEPT\n"
      "/sbin/iptables -A INPUT -p tcp --dport 80 -j ACCEPT\n"
      "sudo iptables-legacy -t filter -A INPUT -p tcp --dport 443 -j ACCEPT\n"
      "IPT=/usr/sbin/iptables\n"
      "$IPT -A INPUT -p udp --dport 53 -j ACCEPT\n"
      "${IPTABLES} -A OUTPUT -p udp --dport 123 -j ACCEPT\n"
      "ip6tables -A INPUT -p tcp --dport 25 -j ACCEPT\n"
      "echo iptables -A INPUT -p tcp --dport 1 -j ACCEPT\n"
      "${IPTABLES_SAVE} > /tmp/backup\n");
  EXPECT_TRUE(parsed.diagnostics().empty()) << parsed.describe();
  const Ruleset& ruleset = parsed.ruleset();
  EXPECT_EQ(ruleset.format, Format::kIptablesScript);
  ASSERT_EQ(ruleset.tables.size(), 2u);
  EXPECT_EQ(ruleset.tables[0].family, Family::kIpv4);
  EXPECT_EQ(ruleset.tables[1].family, Family::kIpv6);
  std::vector<std::string> ports;
  for (const Rule* rule : parsed.rules()) ports.push_back(intervals(rule->destination_ports));
  EXPECT_EQ(ports, (std::vector<std::string>{"[22, 22]", "[80, 80]", "[443, 443]", "[53, 53]",
                                             "[123, 123]", "[25, 25]"}));
  EXPECT_EQ(parsed.rule(0).text, "iptables -A INPUT -p tcp --dport 22 -j ACCEPT");
  EXPECT_EQ(parsed.rule(3).text, "$IPT -A INPUT -p udp --dport 53 -j ACCEPT");
  EXPECT_EQ(parsed.rule(4).chain, "OUTPUT");
  EXPECT_EQ(parsed.rule(4).direction, Direction::kOutput);
  EXPECT_EQ(parsed.rule(5).family, Family::kIpv6);
}

TEST(IptablesScript, VariablesKeepWhereThePortWasWritten) {
  Parsed parsed = script(
      "PORTS=\"22,658\"\n"
      "SSH=22\n"
      "export ALL=\"$SSH,659\"\n"
      "iptables -A INPUT -p tcp -m multiport --dports $PORTS -j ACCEPT\n"
      "iptables -A INPUT -p tcp --dport ${SSH} -j ACCEPT\n"
      "iptables -A INPUT -p tcp -m multiport --dports \"$ALL\" -j ACCEPT\n");
  EXPECT_TRUE(parsed.diagnostics().empty()) << parsed.describe();
  const PortSet& list = parsed.rule(0).destination_ports;
  EXPECT_EQ(intervals(list), "[22, 22] [658, 658]");
  const PortToken& removed = list.tokens[1];
  EXPECT_EQ(removed.span.line, 1u);
  EXPECT_EQ(removed.span.column, 11u);
  EXPECT_EQ(parsed.text(removed.span), "658");
  ASSERT_EQ(removed.via.size(), 1u);
  EXPECT_EQ(removed.via[0].name, "$PORTS");
  EXPECT_EQ(removed.via[0].span.line, 4u);
  EXPECT_EQ(parsed.text(removed.via[0].span), "$PORTS");
  EXPECT_EQ(removed.via[0].definition, "PORTS=\"22,658\"");
  EXPECT_EQ(parsed.text(removed.via[0].definition_span), "PORTS=\"22,658\"");
  EXPECT_EQ(parsed.text(list.value_span), "$PORTS");

  const PortToken& ssh = parsed.rule(1).destination_ports.tokens.at(0);
  EXPECT_EQ(ssh.span.line, 2u);
  EXPECT_EQ(ssh.via.at(0).name, "${SSH}");

  const PortSet& nested = parsed.rule(2).destination_ports;
  EXPECT_EQ(intervals(nested), "[22, 22] [659, 659]");
  EXPECT_EQ(nested.tokens[0].span.line, 2u);
  ASSERT_EQ(nested.tokens[0].via.size(), 2u);
  EXPECT_EQ(nested.tokens[0].via[0].name, "$ALL");
  EXPECT_EQ(nested.tokens[0].via[0].span.line, 6u);
  EXPECT_EQ(nested.tokens[0].via[1].name, "$SSH");
  EXPECT_EQ(nested.tokens[0].via[1].span.line, 3u);
  EXPECT_EQ(nested.tokens[1].span.line, 3u);
  EXPECT_EQ(parsed.text(nested.tokens[1].span), "659");
}

TEST(IptablesScript, ContinuationLinesMakeOneRule) {
  Parsed parsed = script(
      "iptables -A INPUT -s 10.0.0.0/8 -p tcp \\\n"
      "     -m multiport --dports 22,658 \\\n"
      "     -j ACCEPT\n");
  EXPECT_TRUE(parsed.diagnostics().empty()) << parsed.describe();
  ASSERT_EQ(parsed.rules().size(), 1u);
  const Rule& rule = parsed.rule(0);
  EXPECT_EQ(rule.span.line, 1u);
  EXPECT_EQ(rule.span.end_line, 3u);
  EXPECT_EQ(rule.action.verdict, Verdict::kAccept);
  EXPECT_EQ(rule.destination_ports.tokens.at(1).span.line, 2u);
}

TEST(IptablesScript, LoopsMakeOneRulePerValue) {
  Parsed parsed = script(
      "for p in 22 658; do iptables -A INPUT -p udp --dport $p -j ACCEPT; done\n"
      "for proto in tcp udp\n"
      "do\n"
      "  for port in 53 659; do\n"
      "    iptables -A INPUT -p $proto --dport $port -j ACCEPT\n"
      "  done\n"
      "done\n");
  EXPECT_TRUE(parsed.diagnostics().empty()) << parsed.describe();
  std::vector<const Rule*> rules = parsed.rules();
  ASSERT_EQ(rules.size(), 6u);
  const PortToken& second = rules[1]->destination_ports.tokens.at(0);
  EXPECT_EQ(second.interval.low, 658);
  EXPECT_EQ(second.span.line, 1u);
  EXPECT_EQ(second.span.column, 13u);
  EXPECT_EQ(second.via.at(0).name, "$p");
  EXPECT_EQ(parsed.text(second.via.at(0).span), "$p");
  EXPECT_EQ(second.via.at(0).definition, "for p in 22 658");
  EXPECT_EQ(rules[0]->text, rules[1]->text);
  std::vector<std::string> combinations;
  for (size_t i = 2; i < rules.size(); ++i) {
    combinations.push_back(rules[i]->protocol + "/" +
                           rules[i]->destination_ports.tokens.at(0).text);
    EXPECT_EQ(parsed.text(rules[i]->protocol_span), "$proto");
  }
  EXPECT_EQ(combinations, (std::vector<std::string>{"tcp/53", "tcp/659", "udp/53", "udp/659"}));
  EXPECT_EQ(rules[4]->transports, TransportSet::of(Transport::kUdp));
  EXPECT_EQ(rules[5]->position, 6u);
}

TEST(IptablesScript, AProblemInALoopBodyIsReportedOnce) {
  Parsed parsed = script(
      "for host in 10.0.0.1 10.0.0.2; do\n"
      "  for p in 1 2 3; do iptables -A INPUT -s $host -p tcp --dport nosuchservice -j ACCEPT; "
      "done\n"
      "done\n");
  EXPECT_EQ(parsed.diagnostics(), (std::vector<std::string>{"2:64 FW1002"})) << parsed.describe();
  EXPECT_EQ(parsed.rules().size(), 6u);
}

// Found by fuzzing: loops without `done` nest to the end of the file, and every level doubled
// the commands run after it. What nested loops run is bounded by commands, not by loop runs.
TEST(IptablesScript, NestedLoopsStopAtABoundedNumberOfCommands) {
  std::string text;
  for (int level = 0; level < 12; ++level) {
    text += "for v" + std::to_string(level) + " in 1 2 3 4; do\n";
    for (int command = 0; command < 8; ++command) {
      text += "iptables -A INPUT -p tcp --dport 22 -j ACCEPT\n";
    }
  }
  Parsed parsed = script(text);
  ASSERT_EQ(parsed.diagnostics().size(), 1u) << parsed.describe();
  EXPECT_NE(parsed.describe().find("more than 65536 commands"), std::string::npos);
  EXPECT_LE(parsed.rules().size(), 65536u);
  EXPECT_GT(parsed.rules().size(), 32768u);
}

TEST(IptablesScript, LoopOverAVariable) {
  Parsed parsed = script(
      "LEGACY=\"658 659\"\nfor p in $LEGACY; do\n  iptables -A INPUT -p tcp --dport $p -j DROP\n"
      "done\n");
  EXPECT_TRUE(parsed.diagnostics().empty()) << parsed.describe();
  ASSERT_EQ(parsed.rules().size(), 2u);
  const PortToken& token = parsed.rule(1).destination_ports.tokens.at(0);
  EXPECT_EQ(token.interval.low, 659);
  EXPECT_EQ(token.span.line, 1u);
  ASSERT_EQ(token.via.size(), 2u);
  EXPECT_EQ(token.via[0].name, "$p");
  EXPECT_EQ(token.via[1].name, "$LEGACY");
  EXPECT_EQ(token.via[1].span.line, 2u);
  EXPECT_EQ(token.via[1].definition, "LEGACY=\"658 659\"");
}

TEST(IptablesScript, TablesChainsAndPolicies) {
  Parsed parsed = script(
      "iptables -F\niptables -X\niptables -t nat -F\n"
      "iptables -P INPUT DROP\niptables --policy FORWARD DROP\n"
      "iptables -N LOGDROP\n"
      "iptables -A LOGDROP -j LOG --log-prefix \"dropped: \"\n"
      "iptables -A PREROUTING -t nat -i eth0 -p tcp --dport 8080 -j REDIRECT --to-ports 80\n"
      "iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE\n"
      "iptables -D INPUT -p tcp --dport 23 -j ACCEPT\n"
      "iptables -L -n\n");
  EXPECT_TRUE(parsed.diagnostics().empty()) << parsed.describe();
  const Ruleset& ruleset = parsed.ruleset();
  ASSERT_EQ(ruleset.tables.size(), 2u);
  const Table& filter = ruleset.tables[0];
  EXPECT_EQ(filter.name, "filter");
  ASSERT_EQ(filter.chains.size(), 3u);
  EXPECT_EQ(filter.chains[0].name, "INPUT");
  EXPECT_EQ(filter.chains[0].policy, "DROP");
  EXPECT_EQ(filter.chains[1].policy, "DROP");
  EXPECT_EQ(filter.chains[2].name, "LOGDROP");
  EXPECT_TRUE(filter.chains[0].rules.empty());
  const Table& nat = ruleset.tables[1];
  EXPECT_EQ(nat.name, "nat");
  ASSERT_EQ(nat.chains.size(), 2u);
  EXPECT_EQ(nat.chains[0].rules.at(0).table, "nat");
  EXPECT_EQ(parsed.rules().size(), 3u);
}

TEST(IptablesScript, OtherShellIsIgnored) {
  Parsed parsed = script(
      "#!/bin/bash\nset -e\n"
      "if [ -x /sbin/iptables ]; then\n"
      "  iptables -A INPUT -p tcp --dport 22 -j ACCEPT 2>/dev/null || true\n"
      "fi\n"
      "cat <<EOF > /etc/iptables/rules.v4\n*filter\n-A INPUT -p tcp --dport 659 -j ACCEPT\nEOF\n"
      "case \"$1\" in start) iptables -A INPUT -i lo -j ACCEPT ;; esac\n"
      "echo 'done' # iptables -A INPUT\n"
      "function setup() { iptables -A OUTPUT -o lo -j ACCEPT; }\n");
  EXPECT_TRUE(parsed.diagnostics().empty()) << parsed.describe();
  std::vector<const Rule*> rules = parsed.rules();
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(intervals(rules[0]->destination_ports), "[22, 22]");
  EXPECT_EQ(rules[0]->text, "iptables -A INPUT -p tcp --dport 22 -j ACCEPT");
  EXPECT_EQ(rules[1]->in_interfaces.at(0).name, "lo");
  EXPECT_EQ(rules[2]->chain, "OUTPUT");
}

TEST(IptablesScript, UnresolvedVariablesAreReportedAndTheRuleKept) {
  Parsed parsed = script(
      "iptables -A INPUT -s $ADMIN -p tcp --dport $SSH_PORT -j ACCEPT\n"
      "iptables -A INPUT -p $PROTO --dport 53 -j ACCEPT\n"
      "for ip in $(cat /etc/allowed); do iptables -A INPUT -s $ip -j ACCEPT; done\n"
      "iptables -A INPUT -m owner --uid-owner $TOR_UID -j ACCEPT\n"
      "iptables -I PREROUTING 1 -p tcp $EXT_ARGS -j ACCEPT\n");
  EXPECT_EQ(parsed.diagnostics(),
            (std::vector<std::string>{"1:44 FW1004", "2:22 FW1004", "5:33 FW1004"}))
      << parsed.describe();
  std::vector<const Rule*> rules = parsed.rules();
  ASSERT_EQ(rules.size(), 5u);
  const Rule& ssh = *rules[0];
  EXPECT_EQ(ssh.sources.at(0).text, "$ADMIN");
  EXPECT_FALSE(ssh.destination_ports.any());
  EXPECT_TRUE(ssh.destination_ports.unresolved);
  EXPECT_TRUE(ssh.destination_ports.tokens.empty());
  EXPECT_EQ(ssh.other_matches, (std::vector<std::string_view>{"--dport $SSH_PORT"}));
  EXPECT_EQ(ssh.action.verdict, Verdict::kAccept);
  const Rule& any_protocol = *rules[1];
  EXPECT_EQ(any_protocol.protocol, "$PROTO");
  EXPECT_EQ(any_protocol.transports, TransportSet::all());
  EXPECT_EQ(intervals(any_protocol.destination_ports), "[53, 53]");
  EXPECT_EQ(rules[2]->sources.at(0).text, "$ip");
  EXPECT_EQ(rules[3]->other_matches,
            (std::vector<std::string_view>{"-m owner --uid-owner $TOR_UID"}));
  EXPECT_EQ(rules[4]->other_matches, (std::vector<std::string_view>{"$EXT_ARGS"}));
}

TEST(IptablesScript, VariableHoldingSeveralOptions) {
  Parsed parsed = script("MATCH=\"-p tcp --dport 658\"\niptables -A INPUT $MATCH -j DROP\n");
  EXPECT_TRUE(parsed.diagnostics().empty()) << parsed.describe();
  const PortToken& token = parsed.rule(0).destination_ports.tokens.at(0);
  EXPECT_EQ(token.interval.low, 658);
  EXPECT_EQ(token.span.line, 1u);
  EXPECT_EQ(token.via.at(0).name, "$MATCH");
  EXPECT_EQ(parsed.rule(0).protocol, "tcp");
}

TEST(IptablesScript, CrlfAndTabs) {
  Parsed parsed = script("IPT=iptables\r\n$IPT -A INPUT \t-p tcp --dport 22\t-j ACCEPT\r\n");
  EXPECT_TRUE(parsed.diagnostics().empty()) << parsed.describe();
  ASSERT_EQ(parsed.rules().size(), 1u);
  EXPECT_EQ(parsed.rule(0).text, "$IPT -A INPUT \t-p tcp --dport 22\t-j ACCEPT");
  EXPECT_EQ(parsed.rule(0).action.target, "ACCEPT");
}

}  // namespace
}  // namespace fwlint
