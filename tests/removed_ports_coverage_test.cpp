// The foundation's promise, end to end through the iptables front end: every removed entry in
// ../shared/data/iana-removed-ports.csv is reported when a rule accepts it, and rules on
// currently assigned ports are not.
#include <gtest/gtest.h>

#include <sstream>

#include "linter/engine.h"
#include "support/golden.h"

namespace fwlint {
namespace {

struct Case {
  uint16_t port;
  std::string protocol;
};

std::vector<Case> removed_cases(const std::string& csv) {
  std::vector<Case> cases;
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string low, high, protocol;
    std::getline(fields, low, ',');
    std::getline(fields, high, ',');
    std::getline(fields, protocol, ',');
    for (int port = std::stoi(low); port <= std::stoi(high); ++port) {
      for (const std::string& p :
           protocol.empty() ? std::vector<std::string>{"tcp", "udp"} : std::vector{protocol}) {
        cases.push_back({static_cast<uint16_t>(port), p});
      }
    }
  }
  return cases;
}

// Lints one accepting rule per case; returns how many rules drew a removed-port finding.
size_t reported_rules(const std::vector<Case>& cases, std::string_view check_id) {
  std::string dump = "*filter\n:INPUT DROP [0:0]\n";
  for (const Case& c : cases) {
    dump += "-A INPUT -p " + c.protocol + " -m " + c.protocol + " --dport " +
            std::to_string(c.port) + " -j ACCEPT\n";
  }
  dump += "COMMIT\n";
  SourceManager sources;
  const SourceFile& file = sources.add("coverage.rules", dump);
  Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), {});
  ParseResult parsed = linter.parse(file, *front_end_named("iptables-save"));
  EXPECT_TRUE(parsed.diagnostics.empty());
  std::set<uint32_t> lines;
  for (const Finding& finding : linter.check(parsed.ruleset)) {
    if (finding.check_id == check_id) {
      EXPECT_EQ(finding.severity, Severity::kError) << finding.message;
      lines.insert(finding.span.line);
    }
  }
  return lines.size();
}

TEST(RemovedPortsCoverage, EveryRemovedEntryIsReported) {
  if (testing::shared_dir().empty()) GTEST_SKIP() << "../shared is absent";
  std::vector<Case> cases =
      removed_cases(testing::read_text(testing::shared_dir() / "data/iana-removed-ports.csv"));
  ASSERT_EQ(cases.size(), 207u);  // the README's count of port/protocol pairs
  EXPECT_EQ(reported_rules(cases, "FW2001"), cases.size());
}

TEST(RemovedPortsCoverage, AssignedWellKnownPortsAreClean) {
  std::vector<Case> cases;
  for (uint32_t port = 0; port < 1024; ++port) {
    for (const char* protocol : {"tcp", "udp"}) {
      Transport transport = *parse_transport(protocol);
      if (Registry::builtin().lookup(static_cast<uint16_t>(port), transport).status ==
          PortStatus::kAssigned) {
        cases.push_back({static_cast<uint16_t>(port), protocol});
      }
    }
  }
  ASSERT_GT(cases.size(), 1000u);
  EXPECT_EQ(reported_rules(cases, "FW2001"), 0u);
  EXPECT_EQ(
      reported_rules({{22, "tcp"}, {53, "udp"}, {53, "tcp"}, {443, "tcp"}, {993, "tcp"}}, "FW2001"),
      0u);
}

}  // namespace
}  // namespace fwlint
