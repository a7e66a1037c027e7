#include "parsers/pf/pf_parser.h"

#include <gtest/gtest.h>

#include "pf/pf_test_support.h"

namespace fwlint::pf_testing {
namespace {

using Intervals = std::vector<PortInterval>;

Intervals intervals_of(const PortSet& ports) {
  Intervals all;
  for (const PortToken& token : ports.tokens) all.push_back(token.interval);
  return all;
}

std::string via_names(const PortToken& token) {
  std::string names;
  for (const Reference& reference : token.via) names += (names.empty() ? "" : " ") + reference.name;
  return names;
}

TEST(PfParser, ReadsAFilterRule) {
  Parsed parsed(
      "pass in log quick on em0 inet proto tcp from 10.0.0.0/8 port 1024:65535 "
      "to ! 192.0.2.1 port 22 flags S/SA keep state label \"ssh in\"  # admins\n");
  ASSERT_TRUE(parsed.result().diagnostics.empty()) << parsed.describe();
  EXPECT_EQ(parsed.ruleset().format, Format::kPf);
  EXPECT_EQ(parsed.ruleset().order, EvaluationOrder::kLastMatchUnlessQuick);
  ASSERT_EQ(parsed.ruleset().tables.size(), 1u);
  EXPECT_EQ(parsed.ruleset().tables[0].name, "filter");
  EXPECT_EQ(parsed.ruleset().tables[0].chains[0].name, "main");
  const Rule& rule = parsed.rule(0);
  EXPECT_EQ(rule.position, 1u);
  EXPECT_EQ(rule.action.verdict, Verdict::kAccept);
  EXPECT_EQ(rule.direction, Direction::kInput);
  EXPECT_TRUE(rule.quick);
  EXPECT_EQ(rule.family, Family::kIpv4);
  EXPECT_EQ(rule.protocol, "tcp");
  EXPECT_EQ(parsed.text(rule.protocol_span), "tcp");
  EXPECT_EQ(rule.transports, TransportSet::of(Transport::kTcp));
  ASSERT_EQ(rule.in_interfaces.size(), 1u);
  EXPECT_EQ(rule.in_interfaces[0].name, "em0");
  EXPECT_TRUE(rule.out_interfaces.empty());
  ASSERT_EQ(rule.sources.size(), 1u);
  EXPECT_EQ(rule.sources[0].text, "10.0.0.0/8");
  EXPECT_EQ(parsed.text(rule.sources[0].span), "10.0.0.0/8");
  ASSERT_EQ(rule.destinations.size(), 1u);
  EXPECT_TRUE(rule.destinations[0].negated);
  EXPECT_EQ(intervals_of(rule.source_ports), (Intervals{{1024, 65535}}));
  EXPECT_EQ(parsed.text(rule.source_ports.tokens[0].span), "1024:65535");
  ASSERT_EQ(rule.destination_ports.tokens.size(), 1u);
  const PortToken& ssh = rule.destination_ports.tokens[0];
  EXPECT_EQ(ssh.text, "22");
  EXPECT_EQ(ssh.span.line, 1u);
  EXPECT_EQ(parsed.text(ssh.span), "22");
  EXPECT_EQ(parsed.text(rule.destination_ports.option_span), "port 22");
  EXPECT_EQ(rule.name, "ssh in");
  EXPECT_EQ(rule.comment, "admins");
  EXPECT_EQ(rule.text.back(), '"');
  EXPECT_EQ(rule.other_matches.size(), 3u);
}

TEST(PfParser, BlockVerdictsFollowTheBlockPolicy) {
  Parsed parsed(
      "block in all\n"
      "block return-rst in proto tcp all\n"
      "set block-policy return\n"
      "block out all\n"
      "block drop out all\n"
      "match in all scrub (no-df)\n");
  ASSERT_TRUE(parsed.result().diagnostics.empty()) << parsed.describe();
  EXPECT_EQ(parsed.rule(0).action.verdict, Verdict::kDrop);
  EXPECT_EQ(parsed.rule(1).action.verdict, Verdict::kReject);
  EXPECT_EQ(parsed.rule(1).action.target, "block return-rst");
  EXPECT_EQ(parsed.rule(2).action.verdict, Verdict::kReject);
  EXPECT_EQ(parsed.rule(3).action.verdict, Verdict::kDrop);
  EXPECT_EQ(parsed.rule(4).action.verdict, Verdict::kOther);
}

struct OperatorCase {
  const char* spec;
  Intervals intervals;
  bool negated;
  const char* token_text;  // of the first token
  const char* span_text;   // what its span covers
};

void PrintTo(const OperatorCase& c, std::ostream* out) {
  *out << "port " << c.spec;
}

class PfPortOperators : public ::testing::TestWithParam<OperatorCase> {};

TEST_P(PfPortOperators, CoverTheirPorts) {
  const OperatorCase& c = GetParam();
  Parsed parsed(std::string("pass in proto tcp to any port ") + c.spec + "\n");
  ASSERT_TRUE(parsed.result().diagnostics.empty()) << parsed.describe();
  const PortSet& ports = parsed.rule(0).destination_ports;
  EXPECT_EQ(intervals_of(ports), c.intervals);
  EXPECT_EQ(ports.negated, c.negated);
  ASSERT_FALSE(ports.tokens.empty());
  EXPECT_EQ(ports.tokens[0].text, c.token_text);
  EXPECT_EQ(parsed.text(ports.tokens[0].span), c.span_text);
  EXPECT_EQ(parsed.text(ports.value_span), c.spec);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, PfPortOperators,
    ::testing::Values(
        OperatorCase{"658", {{658, 658}}, false, "658", "658"},
        OperatorCase{"= 658", {{658, 658}}, false, "658", "658"},
        OperatorCase{"!= 22", {{22, 22}}, true, "22", "22"},
        OperatorCase{"< 700", {{0, 699}}, false, "< 700", "< 700"},
        OperatorCase{"<= 700", {{0, 700}}, false, "<= 700", "<= 700"},
        OperatorCase{"> 600", {{601, 65535}}, false, "> 600", "> 600"},
        OperatorCase{">= 600", {{600, 65535}}, false, ">= 600", ">= 600"},
        OperatorCase{"600:700", {{600, 700}}, false, "600:700", "600:700"},
        OperatorCase{"600 >< 700", {{601, 699}}, false, "600 >< 700", "600 >< 700"},
        OperatorCase{"600 <> 700", {{0, 599}, {701, 65535}}, false, "600 <> 700", "600 <> 700"},
        OperatorCase{"0x10", {{16, 16}}, false, "0x10", "0x10"},
        OperatorCase{"ssh", {{22, 22}}, false, "ssh", "ssh"},
        OperatorCase{"{ 22 658 }", {{22, 22}, {658, 658}}, false, "22", "22"},
        OperatorCase{"{ 22, 658, }", {{22, 22}, {658, 658}}, false, "22", "22"},
        OperatorCase{"{ != 22, 80 }", {{0, 21}, {23, 65535}, {80, 80}}, false, "!= 22", "!= 22"},
        OperatorCase{"imap4-ssl", {{585, 585}}, false, "imap4-ssl", "imap4-ssl"}));

TEST(PfPorts, ListsArePortSetsWithTheirValueAndOptionSpans) {
  Parsed parsed("pass in proto { tcp udp } from any port domain to port { 22, 659 }\n");
  ASSERT_TRUE(parsed.result().diagnostics.empty()) << parsed.describe();
  const Rule& rule = parsed.rule(0);
  TransportSet both = TransportSet::of(Transport::kTcp);
  both.add(Transport::kUdp);
  EXPECT_EQ(rule.transports, both);
  EXPECT_EQ(rule.protocol, "{ tcp udp }");
  EXPECT_EQ(intervals_of(rule.source_ports), (Intervals{{53, 53}}));
  EXPECT_TRUE(rule.destination_ports.is_list);
  EXPECT_EQ(parsed.text(rule.destination_ports.value_span), "{ 22, 659 }");
  // Without an address, deleting the port takes `to` along.
  EXPECT_EQ(parsed.text(rule.destination_ports.option_span), "to port { 22, 659 }");
}

TEST(PfPorts, BadPortsAreReportedAndLeaveTheSideUnresolved) {
  Parsed parsed(
      "pass in proto tcp to port 70000\n"
      "pass in proto tcp to port nosuchservice\n"
      "pass in proto tcp to port 700:600\n"
      "pass in to port 22\n"
      "pass in proto icmp to port 22\n");
  EXPECT_EQ(parsed.diagnostics(),
            (std::vector<std::string>{"1:27 FW1003", "2:27 FW1002", "3:27 FW1003", "4:9 FW1001",
                                      "5:20 FW1001"}))
      << parsed.describe();
  EXPECT_TRUE(parsed.rule(0).destination_ports.unresolved);
  EXPECT_FALSE(parsed.rule(0).destination_ports.any());
  EXPECT_TRUE(parsed.rule(2).destination_ports.unresolved);
  // The rule without proto keeps its port, checked for tcp and udp.
  EXPECT_EQ(intervals_of(parsed.rule(3).destination_ports), (Intervals{{22, 22}}));
  EXPECT_TRUE(parsed.rule(3).transports.contains(Transport::kUdp));
}

TEST(PfMacros, APortWrittenInAMacroPointsAtTheMacro) {
  Parsed parsed(
      "legacy = \"{ 658 659 }\"\n"
      "pass in proto tcp to port $legacy\n"
      "pass in proto udp to port $legacy\n");
  ASSERT_TRUE(parsed.result().diagnostics.empty()) << parsed.describe();
  for (size_t i = 0; i < 2; ++i) {
    const PortSet& ports = parsed.rule(i).destination_ports;
    ASSERT_EQ(ports.tokens.size(), 2u);
    const PortToken& token = ports.tokens[1];
    EXPECT_EQ(token.text, "659");
    EXPECT_EQ(token.span.line, 1u);
    EXPECT_EQ(token.span.column, 17u);
    ASSERT_EQ(token.via.size(), 1u);
    EXPECT_EQ(token.via[0].name, "$legacy");
    EXPECT_EQ(token.via[0].span.line, i + 2);
    EXPECT_EQ(parsed.text(token.via[0].span), "$legacy");
    EXPECT_EQ(token.via[0].definition, "legacy = \"{ 658 659 }\"");
    EXPECT_TRUE(ports.is_list);
    EXPECT_EQ(parsed.text(ports.value_span), "$legacy");
  }
}

TEST(PfMacros, ExpandAsPfctlDoes) {
  Parsed parsed(
      "myports = 55 66\n"
      "a = \"ssh\"\n"
      "b = \"ftp\"\n"
      "c = $a $b\n"
      "inner = \"658\"\n"
      "outer = \"{ 22 $inner }\"\n"
      "if = \"em0\"\n"
      "pass in proto tcp to port { $myports }\n"
      "pass in proto tcp to port { $c }\n"
      "pass in proto tcp to port $outer\n"
      "pass in proto tcp from $if:network to port 80\n");
  ASSERT_TRUE(parsed.result().diagnostics.empty()) << parsed.describe();
  EXPECT_EQ(intervals_of(parsed.rule(0).destination_ports), (Intervals{{55, 55}, {66, 66}}));
  const PortSet& names = parsed.rule(1).destination_ports;
  EXPECT_EQ(intervals_of(names), (Intervals{{22, 22}, {21, 21}}));
  EXPECT_EQ(via_names(names.tokens[0]), "$c $a");
  EXPECT_EQ(names.tokens[0].span.line, 2u);
  const PortSet& nested = parsed.rule(2).destination_ports;
  ASSERT_EQ(nested.tokens.size(), 2u);
  EXPECT_EQ(via_names(nested.tokens[1]), "$outer $inner");
  EXPECT_EQ(nested.tokens[1].span.line, 5u);
  ASSERT_EQ(parsed.rule(3).sources.size(), 1u);
  EXPECT_EQ(parsed.rule(3).sources[0].text, "em0:network");
}

TEST(PfMacros, UndefinedAndEmptyMacrosAreReported) {
  Parsed parsed(
      "none = \"\"\n"
      "pass in proto tcp to port $nosuch\n"
      "pass in proto tcp to port $none\n"
      "pass in proto tcp to port 22\n");
  EXPECT_EQ(parsed.diagnostics(), (std::vector<std::string>{"2:27 FW1004", "3:32 FW1001"}))
      << parsed.describe();
  EXPECT_NE(parsed.result().diagnostics[1].message.find("`$none` before it expands to nothing"),
            std::string::npos);
  EXPECT_TRUE(parsed.rule(0).destination_ports.unresolved);
  EXPECT_EQ(parsed.rules().size(), 3u);
}

TEST(PfMacros, AListInsideAListIsReportedAndFlattened) {
  Parsed parsed(
      "legacy = \"{ 658 659 }\"\n"
      "pass in proto tcp to port { 22 $legacy }\n");
  EXPECT_EQ(parsed.diagnostics(), (std::vector<std::string>{"2:32 FW1001"})) << parsed.describe();
  EXPECT_EQ(parsed.rule(0).destination_ports.tokens.size(), 3u);
}

TEST(PfLexer, JoinsContinuedLinesAndSkipsComments) {
  Parsed parsed(
      "# a comment with \"quotes\"\n"
      "ports = \"{ 22, \\\n"
      "\t80 }\"   # trailing\n"
      "pass in proto tcp \\\n"
      "\tto port $ports label \"a # b\" # the comment\n"
      "pass out all\r\n");
  ASSERT_TRUE(parsed.result().diagnostics.empty()) << parsed.describe();
  const Rule& rule = parsed.rule(0);
  EXPECT_EQ(rule.span.line, 4u);
  EXPECT_EQ(rule.span.end_line, 5u);
  EXPECT_EQ(rule.name, "a # b");
  EXPECT_EQ(rule.comment, "the comment");
  EXPECT_EQ(rule.destination_ports.tokens[1].span.line, 3u);
  EXPECT_EQ(parsed.rule(1).direction, Direction::kOutput);
}

TEST(PfParser, SyntaxErrorsPointAtTheTokenAndParsingResumes) {
  Parsed parsed(
      "pass in bogus proto tcp to port 658\n"
      "pass in proto tcp to port 659\n"
      "frobnicate all\n"
      "pass in proto tcp to port { 22\n"
      "pass out proto tcp \"unterminated\n"
      "block in all\n");
  EXPECT_EQ(parsed.diagnostics(),
            (std::vector<std::string>{"1:9 FW1001", "3:1 FW1001", "4:27 FW1001", "5:20 FW1001"}))
      << parsed.describe();
  std::vector<const Rule*> rules = parsed.rules();
  ASSERT_EQ(rules.size(), 5u);
  EXPECT_EQ(rules[1]->destination_ports.tokens[0].interval, (PortInterval{659, 659}));
  EXPECT_EQ(rules[4]->span.line, 6u);
}

TEST(PfAnchors, InlineBlocksAreChainsNamedByPath) {
  Parsed parsed(
      "anchor \"ext\" in on em0 {\n"
      "\tpass proto tcp to port 22\n"
      "\tanchor proto tcp to port 2413 {\n"
      "\t\tblock\n"
      "\t}\n"
      "}\n"
      "anchor \"com.apple/*\"\n"
      "pass quick all\n");
  ASSERT_TRUE(parsed.result().diagnostics.empty()) << parsed.describe();
  const Table& filter = parsed.ruleset().tables.at(0);
  ASSERT_EQ(filter.chains.size(), 3u);
  EXPECT_EQ(filter.chains[0].name, "main");
  EXPECT_EQ(filter.chains[1].name, "ext");
  EXPECT_EQ(filter.chains[1].direction, Direction::kInput);
  EXPECT_EQ(filter.chains[2].name, "ext/_1");
  const std::vector<Rule>& main = filter.chains[0].rules;
  ASSERT_EQ(main.size(), 3u);
  EXPECT_EQ(main[0].action.verdict, Verdict::kJump);
  EXPECT_EQ(main[0].action.target, "ext");
  EXPECT_EQ(main[1].action.target, "com.apple/*");
  EXPECT_EQ(main[2].position, 3u);
  EXPECT_EQ(filter.chains[1].rules[1].action.target, "ext/_1");
  EXPECT_EQ(filter.chains[1].rules[1].destination_ports.tokens[0].interval,
            (PortInterval{2413, 2413}));
  EXPECT_EQ(filter.chains[2].rules.size(), 1u);
}

TEST(PfTranslation, MatchPortsAreReadAndTargetsKeptVerbatim) {
  Parsed parsed(
      "rdr on em0 proto tcp from any to 1.2.3.4 port 2222 -> 10.0.0.10 port 22\n"
      "nat on em0 proto udp from 10/8 to any -> 192.0.2.1 port 5000:www\n"
      "pass in on em0 proto tcp to port 80 rdr-to 127.0.0.1 port 8080\n"
      "match out on em0 inet from 10/8 to any nat-to (em0:0) port 1024:65535\n"
      "pass in on em0 inet proto tcp to port 220:230 divert-to 127.0.0.1 22\n");
  ASSERT_TRUE(parsed.result().diagnostics.empty()) << parsed.describe();
  ASSERT_EQ(parsed.ruleset().tables.size(), 3u);
  EXPECT_EQ(parsed.ruleset().tables[0].name, "rdr");
  EXPECT_EQ(parsed.ruleset().tables[1].name, "nat");
  const std::vector<const Rule*> rules = parsed.rules_as_written();
  EXPECT_EQ(rules[0]->action.verdict, Verdict::kNat);
  EXPECT_EQ(intervals_of(rules[0]->destination_ports), (Intervals{{2222, 2222}}));
  EXPECT_EQ(rules[0]->other_matches, (std::vector<std::string_view>{"-> 10.0.0.10 port 22"}));
  EXPECT_TRUE(rules[1]->destination_ports.any());
  EXPECT_EQ(rules[2]->other_matches, (std::vector<std::string_view>{"rdr-to 127.0.0.1 port 8080"}));
  EXPECT_EQ(intervals_of(rules[4]->destination_ports), (Intervals{{220, 230}}));
}

TEST(PfIncludes, IncludedFilesAreReadBesideTheIncludingFile) {
  TempDir dir;
  dir.write("macros.conf", "legacy = \"{ 658 }\"\npass in proto tcp to port 22\n");
  dir.write("anchors/web", "pass in proto tcp to port $legacy\n");
  std::filesystem::path main = dir.write("pf.conf",
                                         "include \"macros.conf\"\n"
                                         "load anchor \"web\" from \"anchors/web\"\n"
                                         "anchor \"web\"\n"
                                         "include \"missing.conf\"\n"
                                         "include \"pf.conf\"\n");
  Parsed parsed(FromFile{main});
  EXPECT_EQ(parsed.diagnostics(), (std::vector<std::string>{"4:9 FW1009", "5:9 FW1010"}))
      << parsed.describe();
  ASSERT_EQ(parsed.rules().size(), 3u);
  const Rule& included = parsed.rule(0);
  EXPECT_EQ(std::filesystem::path(parsed.sources().file(included.span.file).path()).filename(),
            "macros.conf");
  const Table& filter = parsed.ruleset().tables.at(0);
  ASSERT_EQ(filter.chains.size(), 2u);
  EXPECT_EQ(filter.chains[1].name, "web");
  const PortToken& token = filter.chains[1].rules.at(0).destination_ports.tokens.at(0);
  EXPECT_EQ(std::filesystem::path(parsed.sources().file(token.span.file).path()).filename(),
            "macros.conf");
}

TEST(PfIncludes, MacrosOfAnUnreadableIncludeAreNamedInItsFinding) {
  Parsed parsed(
      "include \"/nonexistent/fwlint/pf.macros\"\n"
      "pass in proto tcp from any to $pub port 22\n");
  EXPECT_EQ(parsed.diagnostics(), (std::vector<std::string>{"1:9 FW1009"})) << parsed.describe();
  EXPECT_NE(parsed.result().diagnostics[0].message.find("$pub is defined nowhere else"),
            std::string::npos);
  EXPECT_EQ(parsed.rule(0).destinations.at(0).text, "$pub");
}

// Found by the pf fuzzer: a macro that uses itself twice doubled its words at each of 32
// levels before the depth limit stopped it, which took minutes.
TEST(PfMacros, AMacroUsingItselfIsReportedAtItsFirstRepeat) {
  Parsed parsed(
      "loop = \"$loop 22 $loop\"\n"
      "pass in proto tcp to port $loop\n");
  std::vector<std::string> diagnostics = parsed.diagnostics();
  ASSERT_FALSE(diagnostics.empty()) << parsed.describe();
  EXPECT_LE(diagnostics.size(), 4u) << parsed.describe();
  EXPECT_NE(parsed.describe().find("macro $loop expands into itself"), std::string::npos)
      << parsed.describe();
}

std::string doubling_macros(int levels) {
  std::string text = "m0 = \"22\"\n";
  for (int level = 1; level <= levels; ++level) {
    std::string below = "$m" + std::to_string(level - 1);
    text += "m" + std::to_string(level) + " = \"" + below + " " + below + "\"\n";
  }
  return text;
}

TEST(PfMacros, AMacroBombStopsAtTheWordLimitWithAFinding) {
  Parsed parsed(doubling_macros(30) + "pass in proto tcp to port { $m30 }\n");
  EXPECT_NE(parsed.describe().find("macro $m30 expands into more than 20000 words"),
            std::string::npos)
      << parsed.describe();
  const std::vector<std::string> diagnostics = parsed.diagnostics();
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics[0].substr(0, diagnostics[0].find(' ')), "32:29");
}

TEST(PfMacros, LargeMacrosUnderTheLimitExpandInFull) {
  Parsed parsed(doubling_macros(10) + "pass in proto tcp to port { $m10 }\n");
  EXPECT_TRUE(parsed.diagnostics().empty()) << parsed.describe();
  ASSERT_EQ(parsed.rules().size(), 1u);
  EXPECT_EQ(parsed.rule(0).destination_ports.tokens.size(), 1024u);
}

TEST(PfSniff, RecognisesPfAndNothingElse) {
  EXPECT_GT(sniff_pf("ext_if = \"em0\"\nset skip on lo0\nblock all\npass out quick\n", "x"), 50);
  EXPECT_GT(sniff_pf("table <bad> persist\nanchor \"relayd/*\"\n", "pf.conf"), 0);
  EXPECT_EQ(sniff_pf("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT\nCOMMIT\n", "x"), 0);
  EXPECT_EQ(sniff_pf("table inet filter {\n chain input {\n }\n}\n", "x"), 0);
  EXPECT_EQ(sniff_pf("#!/bin/sh\niptables -A INPUT -j ACCEPT\n", "x"), 0);
  EXPECT_EQ(sniff_pf("10.0.0.0/8\n192.168.0.0/16\n", "x"), 0);
}

}  // namespace
}  // namespace fwlint::pf_testing
