// samples/pf holds a realistic pf.conf: fwlint must report its removed and retired ports, through
// a macro and through an operator, at the place each is written, with suggestions.
#include <gtest/gtest.h>

#include <set>

#include "linter/engine.h"
#include "support/golden.h"
#include "support/sample_findings.h"

namespace fwlint {
namespace {

using testing::finding_at;
using testing::position;

TEST(PfSamples, ReportsRemovedAndRetiredPortsThroughMacrosAndOperators) {
  std::filesystem::path directory = testing::source_dir() / "samples/pf";
  std::string text = testing::read_text(directory / "pf.conf");
  SourceManager sources;
  Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), {});
  LintReport report = linter.lint(expand_inputs({directory.string()}));
  ASSERT_EQ(report.inputs.size(), 1u);
  ASSERT_NE(report.inputs[0].front_end, nullptr);
  EXPECT_EQ(report.inputs[0].front_end->format, Format::kPf);
  std::set<std::string_view> checks;
  for (const Finding& finding : report.findings) {
    EXPECT_FALSE(finding.check_id.starts_with("FW1")) << finding.message;
    EXPECT_FALSE(finding.suggestion.empty()) << finding.message;
    checks.insert(finding.check_id);
  }
  EXPECT_EQ(checks, (std::set<std::string_view>{"FW2001", "FW2002", "FW2003"}));

  // In the macro's definition, once for both rules that use it, editing the definition.
  const Finding* macro = finding_at(report, "FW2001", position(text, "legacy_ports =", "659"));
  ASSERT_NE(macro, nullptr);
  std::set<uint32_t> rule_lines;
  for (const RelatedLocation& related : macro->related) rule_lines.insert(related.span.line);
  EXPECT_EQ(rule_lines.size(), 2u);
  ASSERT_EQ(macro->edits.size(), 1u);
  EXPECT_EQ(macro->edits[0].replacement, "legacy_ports = \"{ afpovertcp }\"");

  const Finding* range = finding_at(report, "FW2003", position(text, "admin_range =", "600:700"));
  ASSERT_NE(range, nullptr);
  EXPECT_EQ(range->suggestion, "rewrite the ports as `admin_range = \"{ 600:657 660:700 }\"`");

  const Finding* op =
      finding_at(report, "FW2003", position(text, "pass in quick on $int_if", "600 >< 700"));
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->suggestion, "rewrite the ports as `{ 601:657 660:699 }`");
  EXPECT_EQ(op->span.end_column - op->span.column, std::string("600 >< 700").size());
}

}  // namespace
}  // namespace fwlint
