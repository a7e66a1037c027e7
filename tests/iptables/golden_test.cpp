// Parser goldens: each fixture in tests/fixtures/iptables and the model dump (plus the input
// diagnostics) fwlint makes of it, in `<fixture>.expected`. UPDATE_GOLDEN=1 rewrites them.
#include "support/golden.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "iptables/iptables_test_support.h"
#include "linter/report/model_json.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;
using iptables_testing::Parsed;
using nlohmann::json;

// What the shared dump leaves out of a port set and a parser golden must still pin down.
void add_port_flags(json& ports, const PortSet& set) {
  if (set.unresolved) ports["unresolved"] = true;
  if (set.either_side) ports["either_side"] = true;
}

std::string golden_text(const Parsed& parsed, const std::string& name) {
  json model = model_to_json(parsed.ruleset(), parsed.sources());
  const std::vector<Table>& tables = parsed.ruleset().tables;
  for (size_t t = 0; t < tables.size(); ++t) {
    for (size_t c = 0; c < tables[t].chains.size(); ++c) {
      const std::vector<Rule>& rules = tables[t].chains[c].rules;
      for (size_t r = 0; r < rules.size(); ++r) {
        json& rule = model["tables"][t]["chains"][c]["rules"][r];
        add_port_flags(rule["source_ports"], rules[r].source_ports);
        add_port_flags(rule["destination_ports"], rules[r].destination_ports);
      }
    }
  }
  json diagnostics = json::array();
  for (const Finding& finding : parsed.result().diagnostics) {
    diagnostics.push_back(name + ":" + std::to_string(finding.span.line) + ":" +
                          std::to_string(finding.span.column) + ": " +
                          std::string(severity_name(finding.severity)) + "[" +
                          std::string(finding.check_id) + "]: " + finding.message);
  }
  return json{{"model", model}, {"diagnostics", diagnostics}}.dump(2) + "\n";
}

TEST(IptablesGolden, FixturesMatchTheirModelDumps) {
  fs::path directory = testing::source_dir() / "tests" / "fixtures" / "iptables";
  std::vector<fs::path> fixtures = testing::fixtures_in(directory);
  ASSERT_GE(fixtures.size(), 5u);
  for (const fs::path& fixture : fixtures) {
    std::string name = fixture.filename().string();
    SCOPED_TRACE(name);
    std::string content = testing::read_text(fixture);
    const FrontEnd* front_end = detect_front_end(content, name);
    ASSERT_NE(front_end, nullptr);
    Format expected_format =
        fixture.extension() == ".sh" ? Format::kIptablesScript : Format::kIptablesSave;
    EXPECT_EQ(front_end->format, expected_format);
    Parsed parsed(expected_format, content, name);
    EXPECT_TRUE(testing::matches_golden(fs::path(fixture.string() + ".expected"),
                                        golden_text(parsed, name)));
  }
}

}  // namespace
}  // namespace fwlint
