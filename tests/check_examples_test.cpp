// Every check's documented examples run as tests: "reported" examples must produce the check's
// finding, "clean" ones must not.
#include <gtest/gtest.h>

#include "linter/catalogue.h"
#include "linter/engine.h"

namespace fwlint {
namespace {

std::string wrap_example(const Example& example) {
  if (example.format != Format::kIptablesSave) return std::string(example.text) + "\n";
  return "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n" +
         std::string(example.text) + "\nCOMMIT\n";
}

TEST(CheckExamples, EveryExampleBehavesAsDocumented) {
  size_t examples = 0;
  for (const CheckDef* check : all_checks()) {
    for (const Example& example : check->info.examples) {
      ++examples;
      SCOPED_TRACE(std::string(check->info.id) + ": " + std::string(example.text));
      SourceManager sources;
      const SourceFile& file = sources.add("example", wrap_example(example));
      Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), {});
      const FrontEnd* front_end = front_end_named(format_name(example.format));
      ASSERT_NE(front_end, nullptr);
      ParseResult parsed = linter.parse(file, *front_end);
      EXPECT_TRUE(parsed.diagnostics.empty()) << parsed.diagnostics.front().message;
      size_t hits = 0;
      for (const Finding& finding : linter.check(parsed.ruleset)) {
        if (finding.check_id == check->info.id) ++hits;
      }
      if (example.expect == Expect::kFinding) {
        EXPECT_GT(hits, 0u);
      } else {
        EXPECT_EQ(hits, 0u);
      }
    }
  }
  EXPECT_GE(examples, all_checks().size() * 2);
}

TEST(CheckCatalogue, IdsAreSortedUniqueAndDocumented) {
  std::vector<const CheckInfo*> infos = all_check_infos();
  for (size_t i = 0; i < infos.size(); ++i) {
    SCOPED_TRACE(infos[i]->id);
    EXPECT_EQ(infos[i]->id.size(), 6u);
    EXPECT_FALSE(infos[i]->summary.empty());
    EXPECT_FALSE(infos[i]->suggestion.empty());
    EXPECT_NE(infos[i]->doc.find("## What it does"), std::string_view::npos);
    if (i > 0) {
      EXPECT_LT(infos[i - 1]->id, infos[i]->id);
    }
  }
}

}  // namespace
}  // namespace fwlint
