// The compiled-in IANA registry, the retired-services overlay, the CSV reader and the generator.
#include "linter/registry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "linter/registry_csv.h"
#include "linter/registry_xml.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

const Registry& registry() {
  return Registry::builtin();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return std::move(content).str();
}

fs::path shared_data() {
  return fs::path(FWLINT_SHARED_DIR) / "data";
}

bool has_name(const PortInfo& info, std::string_view name) {
  return std::find(info.service_names.begin(), info.service_names.end(), name) !=
         info.service_names.end();
}

// The message of the ConfigError `f` throws, or "" when it does not throw.
template <typename F>
std::string config_error(F f) {
  try {
    f();
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

TEST(Registry, DateIsTheRegistrysUpdated) {
  EXPECT_EQ(registry().date(), "2026-08-17");
  EXPECT_EQ(registry_date(), "2026-08-17");
}

TEST(Registry, TenfoldIsStillAssigned) {
  for (Transport t : {Transport::kTcp, Transport::kUdp}) {
    const PortInfo info = registry().lookup(658, t);
    EXPECT_EQ(info.status, PortStatus::kAssigned);
    EXPECT_TRUE(has_name(info, "tenfold"));
    EXPECT_EQ(info.description, "TenFold");
    EXPECT_EQ(info.removal, nullptr);
  }
}

TEST(Registry, Port659IsRemovedWithIanasWording) {
  for (Transport t : {Transport::kTcp, Transport::kUdp}) {
    const PortInfo info = registry().lookup(659, t);
    ASSERT_EQ(info.status, PortStatus::kRemoved);
    ASSERT_NE(info.removal, nullptr);
    EXPECT_EQ(info.removal->iana_wording, "Removed");
    EXPECT_EQ(info.removal->removed_on, "2001-06-06");
    EXPECT_EQ(info.removal->kind, "removed");
    EXPECT_EQ(info.removal->former_name, "");
    EXPECT_EQ(info.removal->transport, t);
    EXPECT_EQ(info.description, "Removed");
    EXPECT_TRUE(info.service_names.empty());
  }
}

TEST(Registry, Ports47And61AreRemoved) {
  for (Transport t : {Transport::kTcp, Transport::kUdp}) {
    const PortInfo ni_ftp = registry().lookup(47, t);
    ASSERT_EQ(ni_ftp.status, PortStatus::kRemoved);
    EXPECT_EQ(ni_ftp.removal->former_name, "ni-ftp");
    EXPECT_EQ(ni_ftp.removal->kind, "reserved-after-removal");
    const PortInfo ni_mail = registry().lookup(61, t);
    ASSERT_EQ(ni_mail.status, PortStatus::kRemoved);
    EXPECT_EQ(ni_mail.removal->former_name, "ni-mail");
    EXPECT_EQ(ni_mail.removal->removed_on, "2017-05-18");
  }
}

TEST(Registry, ProtocolMatters993) {
  const PortInfo tcp = registry().lookup(993, Transport::kTcp);
  EXPECT_EQ(tcp.status, PortStatus::kAssigned);
  EXPECT_TRUE(has_name(tcp, "imaps"));
  EXPECT_EQ(tcp.removal, nullptr);
  const PortInfo udp = registry().lookup(993, Transport::kUdp);
  ASSERT_EQ(udp.status, PortStatus::kRemoved);
  EXPECT_EQ(udp.removal->kind, "reserved-after-removal");
  EXPECT_EQ(udp.removal->former_name, "imaps");
  EXPECT_EQ(udp.description, "Reserved");
}

TEST(Registry, WellKnownPortsAreAssigned) {
  struct Case {
    uint16_t port;
    Transport transport;
    std::string_view name;
  };
  for (const Case& c : {Case{22, Transport::kTcp, "ssh"}, Case{22, Transport::kUdp, "ssh"},
                        Case{22, Transport::kSctp, "ssh"}, Case{53, Transport::kTcp, "domain"},
                        Case{53, Transport::kUdp, "domain"}, Case{443, Transport::kTcp, "https"},
                        Case{443, Transport::kUdp, "https"}}) {
    const PortInfo info = registry().lookup(c.port, c.transport);
    EXPECT_EQ(info.status, PortStatus::kAssigned) << c.port;
    EXPECT_TRUE(has_name(info, c.name)) << c.port;
    EXPECT_EQ(info.removal, nullptr) << c.port;
  }
  const PortInfo http = registry().lookup(80, Transport::kTcp);
  ASSERT_EQ(http.service_names.size(), 3u);
  EXPECT_EQ(http.service_names[0], "http");
  EXPECT_EQ(http.service_names[1], "www");
  EXPECT_EQ(http.service_names[2], "www-http");
  EXPECT_EQ(http.description, "World Wide Web HTTP");
}

TEST(Registry, ReservedUnassignedAndUnlisted) {
  EXPECT_EQ(registry().lookup(0, Transport::kTcp).status, PortStatus::kReserved);
  const PortInfo unassigned = registry().lookup(4, Transport::kTcp);
  EXPECT_EQ(unassigned.status, PortStatus::kUnassigned);
  EXPECT_EQ(unassigned.description, "Unassigned");
  // No record at all: 22/dccp and the dynamic range.
  const PortInfo dccp = registry().lookup(22, Transport::kDccp);
  EXPECT_EQ(dccp.status, PortStatus::kUnassigned);
  EXPECT_EQ(dccp.description, "");
  EXPECT_EQ(registry().lookup(65535, Transport::kUdp).status, PortStatus::kUnassigned);
}

TEST(Registry, ResolvesServiceNamesCaseInsensitively) {
  EXPECT_EQ(registry().resolve_service("ssh", Transport::kTcp), 22);
  EXPECT_EQ(registry().resolve_service("SSH", Transport::kTcp), 22);
  EXPECT_EQ(registry().resolve_service("http", Transport::kTcp), 80);
  EXPECT_EQ(registry().resolve_service("www", Transport::kTcp), 80);
  EXPECT_EQ(registry().resolve_service("WWW-HTTP", Transport::kTcp), 80);
  EXPECT_EQ(registry().resolve_service("https", Transport::kTcp), 443);
  EXPECT_EQ(registry().resolve_service("domain", Transport::kUdp), 53);
  EXPECT_EQ(registry().resolve_service("Domain", Transport::kTcp), 53);
  EXPECT_EQ(registry().resolve_service("tenfold", Transport::kUdp), 658);
  EXPECT_EQ(registry().resolve_service("no-such-service", Transport::kTcp), std::nullopt);
  EXPECT_EQ(registry().resolve_service("", Transport::kTcp), std::nullopt);
  // Listed for SCTP only.
  EXPECT_EQ(registry().resolve_service("s1-control", Transport::kSctp), 36412);
  EXPECT_EQ(registry().resolve_service("s1-control", Transport::kTcp), std::nullopt);
  // A name on several ports resolves to the lowest, as a services file sorted by port would.
  EXPECT_EQ(registry().resolve_service("http-alt", Transport::kTcp), 591);
  // A removed name resolves to its former port, so that removed-port can report it:
  // 993/udp was imaps, 2/tcp was compressnet.
  EXPECT_EQ(registry().resolve_service("imaps", Transport::kTcp), 993);
  EXPECT_EQ(registry().resolve_service("imaps", Transport::kUdp), 993);
  EXPECT_EQ(registry().lookup(993, Transport::kUdp).status, PortStatus::kRemoved);
  EXPECT_EQ(registry().resolve_service("compressnet", Transport::kTcp), 2);
  EXPECT_EQ(registry().resolve_service("imaps", Transport::kSctp), std::nullopt);
}

TEST(Registry, RemovedPortsInAnInterval) {
  const std::vector<uint16_t> tcp = registry().removed_ports_in({600, 700}, Transport::kTcp);
  EXPECT_NE(std::find(tcp.begin(), tcp.end(), 659), tcp.end());
  EXPECT_EQ(std::find(tcp.begin(), tcp.end(), 658), tcp.end());
  EXPECT_TRUE(std::is_sorted(tcp.begin(), tcp.end()));
  EXPECT_EQ(registry().removed_ports_in({7362, 7367}, Transport::kUdp),
            (std::vector<uint16_t>{7362, 7363, 7364, 7366, 7367}));
  EXPECT_EQ(registry().removed_ports_in({993, 993}, Transport::kTcp), std::vector<uint16_t>{});
  EXPECT_EQ(registry().removed_ports_in({993, 993}, Transport::kUdp), std::vector<uint16_t>{993});
  const std::vector<uint16_t> all = registry().removed_ports_in({0, 65535}, Transport::kTcp);
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
  EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end());
}

TEST(Registry, RemovalsAreSortedAndAgreeWithLookup) {
  const std::span<const Removal> removals = registry().removals();
  ASSERT_FALSE(removals.empty());
  for (size_t i = 1; i < removals.size(); ++i) {
    const Removal& a = removals[i - 1];
    const Removal& b = removals[i];
    EXPECT_TRUE(a.ports.low < b.ports.low ||
                (a.ports.low == b.ports.low && a.transport < b.transport));
  }
  for (const Removal& removal : removals) {
    for (uint32_t port = removal.ports.low; port <= removal.ports.high; ++port) {
      EXPECT_EQ(registry().lookup(static_cast<uint16_t>(port), removal.transport).removal,
                &removal);
    }
  }
}

// Every row of the shared removals table, read with a plain split of its first three columns
// (they are never quoted), is reported removed for each port and transport it names.
TEST(Registry, EveryRowOfTheSharedRemovalsTableIsRemoved) {
  const fs::path csv_path = shared_data() / "iana-removed-ports.csv";
  if (!fs::exists(csv_path)) GTEST_SKIP() << csv_path << " is absent";
  std::istringstream lines(read_file(csv_path));
  std::string line;
  std::getline(lines, line);
  ASSERT_EQ(line.rfind("port_low,port_high,protocol,", 0), 0u);
  size_t rows = 0;
  size_t pairs = 0;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    std::istringstream fields(line);
    std::string low, high, protocol;
    std::getline(fields, low, ',');
    std::getline(fields, high, ',');
    std::getline(fields, protocol, ',');
    const std::vector<Transport> transports = protocol.empty()
                                                  ? std::vector{Transport::kTcp, Transport::kUdp}
                                                  : std::vector{*parse_transport(protocol)};
    ++rows;
    for (int port = std::stoi(low); port <= std::stoi(high); ++port) {
      for (Transport t : transports) {
        const PortInfo info = registry().lookup(static_cast<uint16_t>(port), t);
        EXPECT_EQ(info.status, PortStatus::kRemoved) << port << "/" << transport_name(t);
        EXPECT_NE(info.removal, nullptr) << port << "/" << transport_name(t);
        ++pairs;
      }
    }
  }
  EXPECT_EQ(rows, 111u);
  EXPECT_EQ(pairs, 207u);
}

TEST(Registry, GeneratedDataIsUpToDate) {
  const fs::path xml = shared_data() / "service-names-port-numbers.xml";
  const fs::path csv = shared_data() / "iana-removed-ports.csv";
  if (!fs::exists(xml) || !fs::exists(csv)) GTEST_SKIP() << "../shared/data is absent";
  // Run as the header of the .inc says: from the source root, with paths relative to it.
  const fs::path source = FWLINT_SOURCE_DIR;
  const fs::path out = fs::path(testing::TempDir()) / "iana_registry.inc";
  const std::string command = "cd '" + source.string() + "' && '" FWLINT_GEN_REGISTRY "' '" +
                              fs::relative(xml, source).string() + "' '" +
                              fs::relative(csv, source).string() + "' > '" + out.string() +
                              "' 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  EXPECT_TRUE(read_file(out) == read_file(source / "rules/data/iana_registry.inc"))
      << "rules/data/iana_registry.inc is stale; regenerate it with the command in its header";
}

TEST(RegistryXml, DerivesStatusPerTransport) {
  constexpr std::string_view kXml = R"(<?xml version="1.0"?>
<registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers">
  <updated>2030-01-02</updated>
  <record><name>alpha</name><protocol>tcp</protocol><description>Alpha
      service<br/>more</description><number>10</number></record>
  <record><name>Alpha-Two</name><protocol>tcp</protocol><description>Alpha 2</description><number>10</number></record>
  <record><protocol>udp</protocol><description>Reserved</description><number>10</number></record>
  <record><description>Unassigned</description><number>11-13</number></record>
  <record><name>beta</name><description>Beta</description><number>14-15</number></record>
  <record><name>gone</name><protocol>tcp</protocol><description>Gone</description><number>16</number></record>
  <record><name>dnssd-only</name><protocol>tcp</protocol><description>No port</description></record>
</registry>)";
  std::vector<RemovalRow> removals = {RemovalRow{.ports = {16, 16},
                                                 .transport = Transport::kTcp,
                                                 .former_name = "gone",
                                                 .removed_on = "2029-01",
                                                 .kind = "removed",
                                                 .iana_wording = "Gone",
                                                 .evidence = "test",
                                                 .line = 2}};
  const RegistryTables tables = build_registry_tables(kXml, "t.xml", removals, "t.csv");
  EXPECT_EQ(tables.date, "2030-01-02");
  ASSERT_EQ(tables.warnings.size(), 1u);
  EXPECT_EQ(tables.warnings[0],
            "t.csv:2: 16/tcp is listed as removed but the registry assigns it to \"gone\"; the "
            "removal wins");

  auto run_at = [&](uint16_t port, Transport t) -> const RegistryRun* {
    for (const RegistryRun& run : tables.runs) {
      if (run.transport == t && run.ports.contains(port)) return &run;
    }
    return nullptr;
  };
  const RegistryRun* alpha = run_at(10, Transport::kTcp);
  ASSERT_NE(alpha, nullptr);
  EXPECT_EQ(alpha->status, PortStatus::kAssigned);
  EXPECT_EQ(alpha->service_names, (std::vector<std::string>{"alpha", "Alpha-Two"}));
  EXPECT_EQ(alpha->description, "Alpha service more");
  EXPECT_EQ(run_at(10, Transport::kUdp)->status, PortStatus::kReserved);
  const RegistryRun* unassigned = run_at(12, Transport::kUdp);
  ASSERT_NE(unassigned, nullptr);
  EXPECT_EQ(unassigned->status, PortStatus::kUnassigned);
  EXPECT_EQ(unassigned->ports, (PortInterval{11, 13}));
  // No protocol: TCP and UDP, and the range stays one run.
  EXPECT_EQ(run_at(15, Transport::kUdp)->ports, (PortInterval{14, 15}));
  EXPECT_EQ(run_at(15, Transport::kTcp)->service_names, std::vector<std::string>{"beta"});
  EXPECT_EQ(run_at(14, Transport::kSctp), nullptr);
  const RegistryRun* gone = run_at(16, Transport::kTcp);
  ASSERT_NE(gone, nullptr);
  EXPECT_EQ(gone->status, PortStatus::kRemoved);
  EXPECT_EQ(gone->removal, 0);
  EXPECT_TRUE(gone->service_names.empty());

  std::vector<std::string> names;
  for (const ServiceNameEntry& s : tables.services) {
    names.push_back(s.name + "/" + std::string(transport_name(s.transport)) + "=" +
                    std::to_string(s.port));
  }
  EXPECT_EQ(names, (std::vector<std::string>{"alpha/tcp=10", "Alpha-Two/tcp=10", "beta/tcp=14",
                                             "beta/udp=14"}));
}

TEST(RegistryXml, RejectsMalformedInputWithALocation) {
  EXPECT_EQ(config_error([] {
              build_registry_tables("<registry>\n  <oops>", "x.xml", {}, "r.csv");
            }).rfind("x.xml:2:", 0),
            0u);
  EXPECT_NE(config_error([] { build_registry_tables("<other/>", "x.xml", {}, "r.csv"); }), "");
  const std::string bad_number = config_error([] {
    build_registry_tables(
        "<registry id=\"service-names-port-numbers\"><updated>2030-01-01</updated>\n"
        "<record><number>70000</number></record></registry>",
        "x.xml", {}, "r.csv");
  });
  EXPECT_EQ(bad_number, "x.xml:2:17: invalid port number \"70000\"");
  const std::vector<RemovalRow> overlapping = {
      RemovalRow{.ports = {5, 9}, .transport = Transport::kUdp, .line = 2},
      RemovalRow{.ports = {9, 9}, .transport = Transport::kUdp, .line = 3}};
  EXPECT_EQ(config_error([&] {
              build_registry_tables(
                  "<registry id=\"service-names-port-numbers\"><updated>2030-01-01</updated>"
                  "</registry>",
                  "x.xml", overlapping, "r.csv");
            }),
            "r.csv:3: 9/udp is already listed on line 2");
}

TEST(Csv, QuotedFieldsEscapesAndLineBreaks) {
  const std::vector<CsvRecord> records =
      parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\n\"two\nlines\",,x\n", "t.csv");
  ASSERT_EQ(records.size(), 2u);
  ASSERT_EQ(records[0].size(), 3u);
  EXPECT_EQ(records[0][1].text, "b,c");
  EXPECT_EQ(records[0][2].text, "say \"hi\"");
  EXPECT_EQ(records[0][2].column, 9u);
  ASSERT_EQ(records[1].size(), 3u);
  EXPECT_EQ(records[1][0].text, "two\nlines");
  EXPECT_EQ(records[1][0].line, 3u);
  EXPECT_EQ(records[1][1].text, "");
  EXPECT_EQ(records[1][2].text, "x");
  EXPECT_EQ(records[1][2].line, 4u);
  EXPECT_EQ(records[1][2].column, 9u);
  // A trailing comma at the end of the input is one more, empty field.
  EXPECT_EQ(parse_csv("a,", "t.csv")[0].size(), 2u);
}

TEST(Csv, ReportsMalformedQuotingWithLineAndColumn) {
  EXPECT_EQ(config_error([] { parse_csv("a,b\nc,\"open\n", "t.csv"); }),
            "t.csv:2:3: unterminated quoted field");
  EXPECT_EQ(config_error([] { parse_csv("a,b\"c\n", "t.csv"); }),
            "t.csv:1:4: quote inside an unquoted field");
  EXPECT_EQ(config_error([] { parse_csv("\"a\"b,c\n", "t.csv"); }),
            "t.csv:1:4: expected a comma or a line break after a closing quote");
}

TEST(Csv, ReadsRemovalRows) {
  constexpr std::string_view kHeader =
      "port_low,port_high,protocol,former_name,removed_on,kind,iana_wording,evidence\n";
  const std::vector<RemovalRow> rows = parse_removals_csv(
      std::string(kHeader) +
          "659,659,,,2001-06-06,removed,Removed,\"a, b\"\n"
          "7360,7364,sctp,swx,2006-02-06/2006-03,deregistered,\"X | \"\"y\"\"\",e\n",
      "r.csv");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].transport, Transport::kTcp);
  EXPECT_EQ(rows[1].transport, Transport::kUdp);
  EXPECT_EQ(rows[1].evidence, "a, b");
  EXPECT_EQ(rows[2].ports, (PortInterval{7360, 7364}));
  EXPECT_EQ(rows[2].transport, Transport::kSctp);
  EXPECT_EQ(rows[2].iana_wording, "X | \"y\"");
  EXPECT_EQ(rows[2].line, 3u);

  EXPECT_EQ(config_error([&] {
              parse_removals_csv(std::string(kHeader) + "1,1,icmp,a,2001-01-01,removed,w,e\n",
                                 "r.csv");
            }),
            "r.csv:2:5: unknown protocol \"icmp\" in column protocol");
  EXPECT_EQ(config_error([&] {
              parse_removals_csv(std::string(kHeader) + "9,8,,a,2001-01-01,removed,w,e\n", "r.csv");
            }),
            "r.csv:2:3: invalid port \"8\" in column port_high");
  EXPECT_EQ(config_error([&] {
              parse_removals_csv(std::string(kHeader) + "1,1,,a,2001-13,removed,w,e\n", "r.csv");
            }),
            "r.csv:2:8: invalid date \"2001-13\" in column removed_on");
  EXPECT_EQ(config_error([&] {
              parse_removals_csv(std::string(kHeader) + "1,1,,a,01/2001,removed,w,e\n", "r.csv");
            }),
            "r.csv:2:8: invalid date \"01/2001\" in column removed_on");
  EXPECT_EQ(config_error([&] {
              parse_removals_csv(std::string(kHeader) + "1,1,,a,2001-01,gone,w,e\n", "r.csv");
            }),
            "r.csv:2:16: unknown kind \"gone\" in column kind");
  EXPECT_EQ(config_error([] { parse_removals_csv("port_low,port_high\n1,1\n", "r.csv"); }),
            "r.csv:1:1: missing column \"protocol\"");
}

TEST(RetiredServices, BuiltinOverlayListsTenfoldAndNetinfo) {
  const RetiredServices& overlay = RetiredServices::builtin();
  for (Transport t : {Transport::kTcp, Transport::kUdp}) {
    const RetiredService* tenfold = overlay.find(658, t);
    ASSERT_NE(tenfold, nullptr);
    EXPECT_EQ(tenfold->service, "tenfold");
    EXPECT_FALSE(tenfold->evidence.empty());
    const RetiredService* netinfo = overlay.find(1033, t);
    ASSERT_NE(netinfo, nullptr);
    EXPECT_EQ(netinfo->service, "netinfo-local");
  }
  EXPECT_EQ(overlay.find(658, Transport::kSctp), nullptr);
  EXPECT_EQ(overlay.find(659, Transport::kTcp), nullptr);
  EXPECT_EQ(overlay.ports_in({600, 1100}, Transport::kUdp), (std::vector<uint16_t>{658, 1033}));
  EXPECT_EQ(overlay.ports_in({659, 1032}, Transport::kUdp), std::vector<uint16_t>{});
}

// The overlay is for services IANA still lists: each entry's name must be registered on its port
// for each of its transports, and the port must not be removed.
TEST(RetiredServices, EveryEntryIsStillRegistered) {
  for (const RetiredService& service : RetiredServices::builtin().all()) {
    for (Transport t : kAllTransports) {
      if (!service.transports.contains(t)) continue;
      const PortInfo info = registry().lookup(service.port, t);
      EXPECT_EQ(info.status, PortStatus::kAssigned) << service.port;
      EXPECT_TRUE(has_name(info, service.service)) << service.port << " " << service.service;
    }
  }
}

constexpr std::string_view kEntry = R"([[service]]
port = 700
transports = ["tcp"]
service = "x"
product = "p"
retired = "r"
summary = "s"
evidence = ["e"]
)";

TEST(RetiredServices, ParsesAndSortsByPort) {
  const RetiredServices overlay =
      RetiredServices::parse(std::string(kEntry) +
                                 "\n[[service]]\nport = 7\ntransports = "
                                 "[\"UDP\", \"sctp\"]\nservice = \"y\"\nproduct "
                                 "= \"p\"\nretired = \"r\"\nsummary = "
                                 "\"s\"\nevidence = [\"e1\", \"e2\"]\n",
                             "o.toml");
  ASSERT_EQ(overlay.all().size(), 2u);
  EXPECT_EQ(overlay.all()[0].port, 7);
  EXPECT_TRUE(overlay.all()[0].transports.contains(Transport::kSctp));
  EXPECT_EQ(overlay.all()[0].evidence, (std::vector<std::string>{"e1", "e2"}));
  EXPECT_EQ(overlay.find(700, Transport::kTcp)->service, "x");
}

TEST(RetiredServices, ErrorsNameLineAndColumn) {
  auto error = [](std::string text) {
    return config_error([&] { RetiredServices::parse(text, "o.toml"); });
  };
  EXPECT_EQ(error(std::string(kEntry) + "colour = \"red\"\n"),
            "o.toml:9:1: unknown key \"colour\"");
  EXPECT_EQ(error("colour = 1\n"), "o.toml:1:1: unknown key \"colour\"");
  // A TOML syntax error keeps toml++'s position.
  EXPECT_EQ(error("[[service]]\nport = = 1\n").rfind("o.toml:2:", 0), 0u);
  std::string bad_port(kEntry);
  bad_port.replace(bad_port.find("700"), 3, "70000");
  EXPECT_EQ(error(bad_port), "o.toml:2:8: \"port\" must be an integer from 0 to 65535");
  std::string bad_transport(kEntry);
  bad_transport.replace(bad_transport.find("\"tcp\""), 5, "\"tcp\", \"icmp\"");
  EXPECT_EQ(error(bad_transport), "o.toml:3:22: expected \"tcp\", \"udp\", \"sctp\" or \"dccp\"");
  std::string no_summary(kEntry);
  no_summary.erase(no_summary.find("summary"), std::string_view("summary = \"s\"\n").size());
  EXPECT_EQ(error(no_summary), "o.toml:1:1: [[service]] entry has no \"summary\"");
  std::string empty_evidence(kEntry);
  empty_evidence.replace(empty_evidence.find("[\"e\"]"), 5, "[]");
  EXPECT_EQ(error(empty_evidence),
            "o.toml:8:12: \"evidence\" must be a non-empty array of citations");
  EXPECT_EQ(
      error(std::string(kEntry) + "\n" + std::string(kEntry)).rfind("o.toml:10:1: port 700", 0),
      0u);
}

}  // namespace
}  // namespace fwlint
