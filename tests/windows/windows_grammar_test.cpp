// The pieces the Windows front ends share: port lists and keywords, protocol numbers, netsh
// label folding, the CSV and JSON readers, and format sniffing.
#include <gtest/gtest.h>

#include "linter/diagnostics.h"
#include "parsers/windows/csv_reader.h"
#include "parsers/windows/json_reader.h"
#include "parsers/windows/netsh_labels.h"
#include "parsers/windows/windows_common.h"
#include "parsers/windows/windows_parsers.h"

namespace fwlint::windows {
namespace {

struct Parsed {
  SourceManager sources;
  std::vector<Finding> findings;
  PortSet ports;
};

// Parses `list` as the value of a line "Port: <list>" so that spans are easy to read.
void parse_list(Parsed& parsed, std::string_view list) {
  const SourceFile& file = parsed.sources.add("ports", "Port: " + std::string(list) + "\n");
  Diagnostics diagnostics(parsed.findings);
  add_port_list(file, file.content().substr(6, list.size()), parsed.ports, diagnostics);
}

TEST(WindowsPorts, ListsKeepEveryItemWithItsSpan) {
  Parsed parsed;
  parse_list(parsed, "554, 8554-8558,RPC,659");
  EXPECT_TRUE(parsed.findings.empty());
  ASSERT_EQ(parsed.ports.tokens.size(), 3u);
  EXPECT_EQ(parsed.ports.tokens[0].text, "554");
  EXPECT_EQ(parsed.ports.tokens[0].span.column, 7u);
  EXPECT_EQ(parsed.ports.tokens[1].text, "8554-8558");
  EXPECT_EQ(parsed.ports.tokens[1].interval, (PortInterval{8554, 8558}));
  EXPECT_EQ(parsed.ports.tokens[1].span.column, 12u);
  EXPECT_EQ(parsed.ports.tokens[2].interval, (PortInterval{659, 659}));
  ASSERT_EQ(parsed.ports.keywords.size(), 1u);
  EXPECT_EQ(parsed.ports.keywords[0].text, "RPC");
  EXPECT_EQ(parsed.ports.value_span.column, 7u);
  EXPECT_EQ(parsed.ports.value_span.end_column, 29u);
  EXPECT_TRUE(parsed.ports.is_list);
}

TEST(WindowsPorts, KeywordsAreNeverNumbersAndNotAnyPort) {
  Parsed parsed;
  parse_list(parsed, "RPC-EPMap");
  EXPECT_TRUE(parsed.findings.empty());
  EXPECT_TRUE(parsed.ports.tokens.empty());
  EXPECT_FALSE(parsed.ports.any());
  EXPECT_FALSE(parsed.ports.matches(135));
  EXPECT_FALSE(parsed.ports.matches(659));
}

TEST(WindowsPorts, EverySpellingOfEveryKeywordIsKnown) {
  for (std::string_view keyword :
       {"RPC", "RPC-EPMap", "RPCEPMap", "rpc-epmap", "IPHTTPS", "IPHTTPSIn", "IPHTTPSOut",
        "IPTLSIn", "IPTLSOut", "Teredo", "Ply2Disc", "PlayToDiscovery", "mDNS", "DHCP",
        "CortanaOut", "TcpCDPSvc"}) {
    EXPECT_TRUE(is_port_keyword(keyword)) << keyword;
  }
  EXPECT_FALSE(is_port_keyword("Any"));
  EXPECT_FALSE(is_port_keyword("ssh"));
  EXPECT_FALSE(is_port_keyword("135"));
}

TEST(WindowsPorts, BadItemsAreReportedAndKeptOutOfTheNumbers) {
  Parsed parsed;
  parse_list(parsed, "70000,900-800,ssh,,22");
  ASSERT_EQ(parsed.findings.size(), 4u);
  for (const Finding& finding : parsed.findings) EXPECT_EQ(finding.check_id, kInvalidPort.id);
  EXPECT_EQ(parsed.findings[0].span.column, 7u);   // 70000
  EXPECT_EQ(parsed.findings[1].span.column, 13u);  // 900-800
  EXPECT_EQ(parsed.findings[2].span.column, 21u);  // ssh
  ASSERT_EQ(parsed.ports.tokens.size(), 1u);
  EXPECT_EQ(parsed.ports.tokens[0].text, "22");
  EXPECT_EQ(parsed.ports.keywords.size(), 1u);  // ssh, perhaps a keyword fwlint does not know
  EXPECT_TRUE(parsed.ports.unresolved);
  EXPECT_FALSE(parsed.ports.any());
}

TEST(WindowsProtocols, OnlyTcpUdpAndAnyCarryPorts) {
  EXPECT_EQ(protocol_number("TCP"), 6);
  EXPECT_EQ(protocol_number("udp"), 17);
  EXPECT_EQ(protocol_number("ICMPv4"), 1);
  EXPECT_EQ(protocol_number("ICMPv6"), 58);
  EXPECT_EQ(protocol_number("47"), 47);
  EXPECT_EQ(protocol_number("256"), std::nullopt);
  EXPECT_EQ(protocol_number("GRE"), std::nullopt);
  EXPECT_EQ(transports_for(6), TransportSet::of(Transport::kTcp));
  EXPECT_EQ(transports_for(17), TransportSet::of(Transport::kUdp));
  TransportSet both = TransportSet::of(Transport::kTcp);
  both.add(Transport::kUdp);
  EXPECT_EQ(transports_for(std::nullopt), both);
  EXPECT_TRUE(transports_for(1).empty());
  EXPECT_TRUE(transports_for(47).empty());
}

TEST(WindowsSides, LocalIsTheDestinationInboundAndTheSourceOutbound) {
  SourceManager sources;
  const SourceFile& file = sources.add("sides", "80 1024\n");
  std::vector<Finding> findings;
  Diagnostics diagnostics(findings);
  for (Direction direction : {Direction::kInput, Direction::kOutput}) {
    RuleSides sides;
    add_port_list(file, file.content().substr(0, 2), sides.local_ports, diagnostics);
    add_port_list(file, file.content().substr(3, 4), sides.remote_ports, diagnostics);
    Rule rule;
    rule.direction = direction;
    place_sides(rule, std::move(sides));
    const PortSet& local =
        direction == Direction::kInput ? rule.destination_ports : rule.source_ports;
    const PortSet& remote =
        direction == Direction::kInput ? rule.source_ports : rule.destination_ports;
    EXPECT_EQ(local.tokens.at(0).text, "80");
    EXPECT_EQ(remote.tokens.at(0).text, "1024");
    EXPECT_TRUE(is_local_side(rule, local));
    EXPECT_FALSE(is_local_side(rule, remote));
    PortSet copy = remote;
    EXPECT_FALSE(is_local_side(rule, copy));
  }
}

TEST(WindowsRuleText, SpansMapBackIntoMultiLineRuleText) {
  SourceManager sources;
  const SourceFile& file =
      sources.add("rule", "x\n  {\n    \"LocalPort\": [\"80\",\n \"659\"]\n  }\n");
  Rule rule;
  size_t open = file.content().find('{');
  size_t close = file.content().find('}');
  rule.text = file.content().substr(open, close + 1 - open);
  rule.span = file.span(rule.text);
  size_t array = file.content().find('[');
  SourceSpan value = file.span(array, file.content().find(']') + 1);
  EXPECT_EQ(text_in_rule(rule, value), "[\"80\",\n \"659\"]");
  EXPECT_EQ(text_in_rule(rule, SourceSpan{}), "");
  EXPECT_EQ(text_in_rule(rule, file.span(0, 1)), "");  // before the rule
}

TEST(NetshLabels, FoldingIgnoresAccentsEncodingsAndPadding) {
  EXPECT_EQ(fold("Nom de la règle "), "nomdelargle");
  EXPECT_EQ(netsh_field("Rule Name"), NetshField::kName);
  EXPECT_EQ(netsh_field("Regelname"), NetshField::kName);
  EXPECT_EQ(netsh_field("Nom de la règle "), NetshField::kName);
  EXPECT_EQ(netsh_field("Dirección"), NetshField::kDirection);
  EXPECT_EQ(netsh_field("Direcci\xE2\x94\x9C\xE2\x94\x82n"),
            NetshField::kDirection);                               // ├│ mojibake
  EXPECT_EQ(netsh_field("Direcci\xA2n"), NetshField::kDirection);  // code page 850
  EXPECT_EQ(netsh_field("Lokaler Port"), NetshField::kLocalPort);
  EXPECT_EQ(netsh_field("Edge traversal"), NetshField::kEdgeTraversal);
  EXPECT_EQ(netsh_field("Colour"), NetshField::kUnknown);
  EXPECT_EQ(netsh_word("Beliebig"), NetshWord::kAny);
  EXPECT_EQ(netsh_word("S\xE2\x94\x9C\xC2\xA1"), NetshWord::kYes);  // "Sí" as mojibake
  EXPECT_EQ(netsh_word("Entrée"), NetshWord::kIn);
  EXPECT_EQ(netsh_word("Bloquear"), NetshWord::kBlock);
  EXPECT_EQ(netsh_word("Maybe"), NetshWord::kUnknown);
  EXPECT_TRUE(is_netsh_trailer("Ok."));
  EXPECT_TRUE(is_netsh_trailer("Aceptar"));
  EXPECT_TRUE(is_netsh_trailer("No rules match the specified criteria."));
  EXPECT_FALSE(is_netsh_trailer("Rule Name: Ok"));
}

TEST(CsvReader, ReadsQuotedEscapedAndMultiLineFields) {
  std::string_view text = "\"a\";\"b \"\"c\"\"\";;\"d\r\ne\"\r\nx;y\n\n";
  CsvReader reader(text, ';', 0);
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  ASSERT_EQ(record.fields.size(), 4u);
  EXPECT_EQ(record.fields[0].value(), "a");
  EXPECT_EQ(record.fields[1].value(), "b \"c\"");
  EXPECT_TRUE(record.fields[1].escaped);
  EXPECT_EQ(record.fields[2].value(), "");
  EXPECT_FALSE(record.fields[2].quoted);
  EXPECT_EQ(record.fields[3].value(), "d\r\ne");
  EXPECT_FALSE(record.error);
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.text, "x;y");
  EXPECT_FALSE(reader.next(record));
}

TEST(CsvReader, ReportsUnclosedQuotesAndStrayText) {
  CsvRecord record;
  CsvReader stray("\"a\"b,c\n", ',', 0);
  ASSERT_TRUE(stray.next(record));
  ASSERT_TRUE(record.error.has_value());
  EXPECT_EQ(record.error->offset, 3u);
  CsvReader unclosed("x,\"open\n", ',', 0);
  ASSERT_TRUE(unclosed.next(record));
  ASSERT_TRUE(record.error.has_value());
  EXPECT_EQ(record.error->offset, 2u);
  EXPECT_FALSE(unclosed.next(record));
}

TEST(CsvReader, DetectsTheDelimiterFromTheHeader) {
  EXPECT_EQ(detect_delimiter("\"Name\";\"DisplayName\";\"Direction\""), ';');
  EXPECT_EQ(detect_delimiter("\"Name\",\"DisplayName\",\"Direction\""), ',');
  EXPECT_EQ(detect_delimiter("\"a;b\",\"c\""), ',');
}

TEST(JsonReader, KeepsWhereEveryValueWasWritten) {
  std::string_view text =
      R"([ {"Name":  "x\u0027y", "LocalPort": ["80", "659"], "Enabled": 1, "Status": null} ])";
  JsonReader reader(text);
  std::optional<JsonValue> value = reader.read_value();
  ASSERT_TRUE(value.has_value());
  ASSERT_EQ(value->kind, JsonValue::Kind::kArray);
  const JsonValue& rule = value->elements.at(0);
  ASSERT_EQ(rule.members.size(), 4u);
  EXPECT_EQ(rule.members[0].key, "Name");
  EXPECT_EQ(rule.members[0].value.text, "x'y");
  EXPECT_TRUE(rule.members[0].value.escaped);
  EXPECT_EQ(rule.members[0].value.written, "\"x\\u0027y\"");
  const JsonValue& ports = rule.members[1].value;
  EXPECT_EQ(ports.written, "[\"80\", \"659\"]");
  EXPECT_EQ(ports.elements.at(1).inner(), "659");
  EXPECT_EQ(ports.elements.at(1).inner().data() - text.data(),
            static_cast<std::ptrdiff_t>(text.find("659")));
  EXPECT_EQ(rule.members[2].value.kind, JsonValue::Kind::kNumber);
  EXPECT_EQ(rule.members[3].value.kind, JsonValue::Kind::kNull);
}

TEST(JsonReader, DecodesSurrogatePairsAndReportsErrorsWithOffsets) {
  JsonReader pair(R"("\ud83d\udd25")");
  EXPECT_EQ(pair.read_value()->text, "\xF0\x9F\x94\xA5");
  JsonReader missing_comma(R"({"a": 1 "b": 2})");
  EXPECT_FALSE(missing_comma.read_value().has_value());
  EXPECT_EQ(missing_comma.error_offset(), 8u);
  JsonReader unclosed("[\"abc");
  EXPECT_FALSE(unclosed.read_value().has_value());
  EXPECT_EQ(unclosed.error_offset(), 1u);
}

TEST(JsonReader, RefusesNestingDeeperThanAnyExportWithoutRecursingForever) {
  std::string deep(100000, '[');
  JsonReader reader(deep);
  EXPECT_FALSE(reader.read_value().has_value());
  EXPECT_EQ(reader.error_message(), "JSON nested too deeply");
}

TEST(WindowsSniffing, EachFormatIsRecognisedByItsContentOnly) {
  std::string netsh = "\r\nRule Name:                            x\r\n" + std::string(70, '-') +
                      "\r\nEnabled:                              Yes\r\n";
  std::string_view reg =
      "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\x\\"
      "FirewallRules]\r\n\"a\"=\"v2.31|Action=Allow|\"\r\n";
  std::string_view regedit4 = "REGEDIT4\n\n[HKEY_CURRENT_USER\\Software\\x]\n\"a\"=dword:1\n";
  std::string_view csv =
      "#TYPE System.Management.Automation.PSCustomObject\r\n\"Name\",\""
      "DisplayName\",\"Direction\",\"Action\",\"LocalPort\"\r\n";
  std::string_view csv_bare = "Name;DisplayName;Enabled;Direction;Action\n";
  std::string_view json =
      "[\n    {\n        \"Name\":  \"x\",\n        \"DisplayName\":  \"x\",\n"
      "        \"Direction\":  1,\n        \"Action\":  2\n    }\n]\n";
  std::string_view iptables =
      "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp --dport 659 -j "
      "ACCEPT\nCOMMIT\n";
  std::string_view nft_json = "{\"nftables\": [{\"metainfo\": {\"json_schema_version\": 1}}]}";
  std::string_view pf = "pass in proto udp to port 659\n";
  EXPECT_GT(sniff_windows_netsh(netsh, ""), 0);
  EXPECT_GT(sniff_windows_netsh("\r\nNo rules match the specified criteria.\r\n", ""), 0);
  EXPECT_GT(sniff_windows_powershell_csv("\"Name\",\"Direction\",\"Action\"\n", ""), 0);
  EXPECT_GT(sniff_windows_reg(reg, ""), sniff_windows_reg(regedit4, ""));
  EXPECT_GT(sniff_windows_reg(regedit4, ""), 0);
  EXPECT_GT(sniff_windows_powershell_csv(csv, ""), 0);
  EXPECT_GT(sniff_windows_powershell_csv(csv_bare, ""), 0);
  EXPECT_GT(sniff_windows_powershell_json(json, ""), 0);
  for (std::string_view other : {std::string_view(reg), csv, json, iptables, nft_json, pf}) {
    EXPECT_EQ(sniff_windows_netsh(other, ""), 0) << other;
  }
  for (std::string_view other : {std::string_view(netsh), csv, json, iptables, nft_json, pf}) {
    EXPECT_EQ(sniff_windows_reg(other, ""), 0) << other;
  }
  for (std::string_view other : {std::string_view(netsh), reg, json, iptables, nft_json, pf}) {
    EXPECT_EQ(sniff_windows_powershell_csv(other, ""), 0) << other;
  }
  for (std::string_view other : {std::string_view(netsh), reg, csv, iptables, nft_json, pf}) {
    EXPECT_EQ(sniff_windows_powershell_json(other, ""), 0) << other;
  }
}

}  // namespace
}  // namespace fwlint::windows
