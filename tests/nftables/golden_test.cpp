// Parser goldens: each fixture in tests/fixtures/nftables and the model dump (plus the input
// diagnostics) fwlint makes of it, in `<fixture>.expected`. UPDATE_GOLDEN=1 rewrites them.
#include "support/golden.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "linter/report/model_json.h"
#include "nftables/nftables_test_support.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;
using nftables_testing::Parsed;
using nlohmann::json;

// What the shared dump leaves out and a parser golden must still pin down: unresolved port
// sets, handles, and the definition each reference stands for.
void add_port_details(json& dump, const PortSet& set) {
  if (set.unresolved) dump["unresolved"] = true;
  for (size_t i = 0; i < set.tokens.size(); ++i) {
    json& via = dump["tokens"][i]["via"];
    for (size_t r = 0; r < set.tokens[i].via.size(); ++r) {
      const Reference& reference = set.tokens[i].via[r];
      if (reference.definition.empty()) continue;
      via[r]["definition"] = reference.definition;
      via[r]["definition_span"] = span_to_json(reference.definition_span);
    }
  }
}

std::string golden_text(const Parsed& parsed, const std::string& name) {
  json model = model_to_json(parsed.ruleset(), parsed.sources());
  const std::vector<Table>& tables = parsed.ruleset().tables;
  for (size_t t = 0; t < tables.size(); ++t) {
    for (size_t c = 0; c < tables[t].chains.size(); ++c) {
      const std::vector<Rule>& rules = tables[t].chains[c].rules;
      for (size_t r = 0; r < rules.size(); ++r) {
        json& rule = model["tables"][t]["chains"][c]["rules"][r];
        if (rules[r].handle != 0) rule["handle"] = rules[r].handle;
        add_port_details(rule["source_ports"], rules[r].source_ports);
        add_port_details(rule["destination_ports"], rules[r].destination_ports);
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

TEST(NftGolden, FixturesMatchTheirModelDumps) {
  fs::path directory = testing::source_dir() / "tests" / "fixtures" / "nftables";
  size_t count = 0;
  for (const fs::path& fixture : testing::fixtures_in(directory)) {
    if (fixture.parent_path() != directory) continue;  // files other fixtures include
    std::string name = fixture.filename().string();
    SCOPED_TRACE(name);
    std::string content = testing::read_text(fixture);
    const FrontEnd* front_end = detect_front_end(content, name);
    ASSERT_NE(front_end, nullptr);
    Format expected = fixture.extension() == ".json" ? Format::kNftablesJson : Format::kNftables;
    EXPECT_EQ(front_end->format, expected);
    Parsed parsed(content, expected, name);
    EXPECT_TRUE(testing::matches_golden(fs::path(fixture.string() + ".expected"),
                                        golden_text(parsed, name)));
    ++count;
  }
  EXPECT_GE(count, 8u);
}

}  // namespace
}  // namespace fwlint
