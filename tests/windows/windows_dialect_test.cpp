// Suggestions in Windows' own terms, for what the check goldens do not reach: quoting, the
// transport split, and port edits that keep keywords.
#include <gtest/gtest.h>

#include "parsers/windows/windows_parsers.h"

namespace fwlint {
namespace {

struct Parsed {
  SourceManager sources;
  ParseResult result;

  const Rule& rule(size_t index = 0) const {
    return result.ruleset.tables.at(0).chains.at(0).rules.at(index);
  }
  const Dialect& dialect() const { return *result.ruleset.dialect; }
};

void parse(Parsed& parsed, ParseResult (*parser)(const SourceFile&, const ParseContext&),
           std::string text) {
  const SourceFile& file = parsed.sources.add("input", std::move(text));
  parsed.result = parser(file, ParseContext{Registry::builtin()});
  ASSERT_TRUE(parsed.result.diagnostics.empty()) << parsed.result.diagnostics.front().message;
}

TransportSet tcp_only() {
  return TransportSet::of(Transport::kTcp);
}
TransportSet tcp_and_udp() {
  TransportSet both = tcp_only();
  both.add(Transport::kUdp);
  return both;
}

TEST(WindowsDialects, PowerShellQuotesNamesAndFallsBackToDisplayName) {
  Parsed parsed;
  parse(parsed, &parse_windows_powershell_csv,
        "\"Name\",\"DisplayName\",\"Direction\",\"Action\",\"Protocol\",\"LocalPort\"\n"
        "\"it's\",\"x\",\"Inbound\",\"Allow\",\"Any\",\"Any\"\n"
        "\"\",\"Bob's rule\",\"Inbound\",\"Allow\",\"Any\",\"Any\"\n");
  EXPECT_EQ(parsed.dialect().delete_rule(parsed.rule(0)), "Remove-NetFirewallRule -Name 'it''s'");
  EXPECT_EQ(parsed.dialect().delete_rule(parsed.rule(1)),
            "Remove-NetFirewallRule -DisplayName 'Bob''s rule'");
  EXPECT_EQ(parsed.dialect().restrict_transports(parsed.rule(0), tcp_only()),
            "Set-NetFirewallRule -Name 'it''s' -Protocol TCP");
  EXPECT_NE(parsed.dialect().restrict_transports(parsed.rule(0), tcp_and_udp()).find("split"),
            std::string::npos);
}

TEST(WindowsDialects, NetshNamesTheRuleByNameDirectionAndPorts) {
  std::string record = "Rule Name:                            Media \"x\"\n" +
                       std::string(70, '-') +
                       "\nDirection:                            Out\n"
                       "Protocol:                             UDP\n"
                       "LocalPort:                            RPC\n"
                       "RemotePort:                           554,8554-8558\n"
                       "Action:                               Allow\n";
  Parsed parsed;
  parse(parsed, &parse_windows_netsh, record);
  EXPECT_EQ(parsed.dialect().delete_rule(parsed.rule()),
            "netsh advfirewall firewall delete rule name=\"Media \"x\"\" dir=out protocol=udp "
            "localport=RPC remoteport=554,8554-8558");
  EXPECT_EQ(parsed.dialect().restrict_transports(parsed.rule(), tcp_only()),
            "netsh advfirewall firewall set rule name=\"Media \"x\"\" dir=out new protocol=TCP");
  const PortSet& remote = parsed.rule().destination_ports;
  PortInterval keep[] = {{554, 554}};
  Dialect::PortEdit edit = parsed.dialect().rewrite_ports(parsed.rule(), remote, keep);
  EXPECT_EQ(edit.replacement, "554");
  EXPECT_EQ(edit.span, remote.value_span);
  EXPECT_EQ(edit.command,
            "netsh advfirewall firewall set rule name=\"Media \"x\"\" dir=out new remoteport=554");
  // The local side keeps its keyword.
  const PortSet& local = parsed.rule().source_ports;
  Dialect::PortEdit local_edit = parsed.dialect().rewrite_ports(parsed.rule(), local, keep);
  EXPECT_EQ(local_edit.replacement, "554,RPC");
}

TEST(WindowsDialects, RegistryEditsTheRuleStringInPlace) {
  Parsed parsed;
  parse(parsed, &parse_windows_reg,
        "REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\"
        "Parameters\\FirewallPolicy\\FirewallRules]\n"
        "\"r\"=\"v2.31|Action=Allow|Active=TRUE|Dir=In|Protocol=17|LPort=53|Name=x|\"\n");
  const Rule& rule = parsed.rule();
  EXPECT_EQ(
      parsed.dialect().restrict_transports(rule, tcp_only()),
      "set the value to \"v2.31|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=53|Name=x|\"");
  PortInterval keep[] = {{53, 53}, {600, 657}};
  Dialect::PortEdit edit = parsed.dialect().rewrite_ports(rule, rule.destination_ports, keep);
  EXPECT_EQ(edit.replacement,
            "v2.31|Action=Allow|Active=TRUE|Dir=In|Protocol=17|LPort=53|LPort2_10=600-657|Name=x|");
  EXPECT_TRUE(edit.command.empty());
  EXPECT_EQ(parsed.dialect().delete_rule(rule), "Remove-NetFirewallRule -Name 'r'");
}

}  // namespace
}  // namespace fwlint
