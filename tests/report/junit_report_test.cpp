// --format junit: a suite per input, a test case per check of the catalogue, failures that carry
// the findings, and XML that parses whatever the messages contain.
#include <gtest/gtest.h>

#include <map>
#include <pugixml.hpp>

#include "linter/diagnostics.h"
#include "report/report_fixture.h"

namespace fwlint {
namespace {

size_t catalogue_size() {
  return all_checks().size() + all_input_diagnostics().size();
}

size_t attribute(const pugi::xml_node& node, const char* name) {
  return std::stoul(node.attribute(name).value());
}

TEST(JunitReport, OneSuitePerInputAndOneCasePerCheck) {
  auto linted = testing::lint_report_fixtures();
  std::string xml = testing::render(&write_junit_report, *linted);
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(xml.c_str())) << xml;
  pugi::xml_node root = document.child("testsuites");
  std::vector<pugi::xml_node> suites;
  for (pugi::xml_node suite : root.children("testsuite")) suites.push_back(suite);
  ASSERT_EQ(suites.size(), 2u);
  EXPECT_STREQ(suites[0].attribute("name").value(), "tests/report/findings.rules");
  EXPECT_STREQ(suites[1].attribute("name").value(), "tests/report/variables.sh");

  // Expected failures: the distinct checks with findings per file.
  std::map<std::string, std::map<std::string, std::vector<const Finding*>>> expected;
  for (const Finding& finding : linted->report.findings) {
    expected[linted->sources.file(finding.span.file).path()][std::string(finding.check_id)]
        .push_back(&finding);
  }
  size_t total_failures = 0;
  for (pugi::xml_node suite : suites) {
    const auto& by_check = expected[suite.attribute("name").value()];
    size_t cases = 0;
    size_t failures = 0;
    for (pugi::xml_node testcase : suite.children("testcase")) {
      ++cases;
      std::string id = std::string(testcase.attribute("name").value()).substr(0, 6);
      pugi::xml_node failure = testcase.child("failure");
      auto it = by_check.find(id);
      if (it == by_check.end()) {
        EXPECT_FALSE(failure) << id << " passes where it found nothing";
        continue;
      }
      ++failures;
      ASSERT_TRUE(failure) << id;
      EXPECT_EQ(failure.attribute("message").value(), it->second.front()->message);
      std::string text = failure.text().get();
      EXPECT_EQ(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')), it->second.size());
      const Finding& first = *it->second.front();
      std::string line = suite.attribute("name").value() + std::string(":") +
                         std::to_string(first.span.line) + ':' + std::to_string(first.span.column) +
                         ": " + std::string(severity_name(first.severity)) + '[' + id + "]: ";
      EXPECT_EQ(text.rfind(line, 0), 0u) << text;
    }
    EXPECT_EQ(cases, catalogue_size());
    EXPECT_EQ(failures, by_check.size());
    EXPECT_EQ(attribute(suite, "tests"), cases);
    EXPECT_EQ(attribute(suite, "failures"), failures);
    EXPECT_EQ(attribute(suite, "errors"), 0u);
    total_failures += failures;
  }
  EXPECT_GT(total_failures, 2u);
  EXPECT_EQ(attribute(root, "tests"), 2 * catalogue_size());
  EXPECT_EQ(attribute(root, "failures"), total_failures);
}

TEST(JunitReport, EscapesWhatXmlCannotCarry) {
  testing::LintedReport linted;
  const SourceFile& file = linted.sources.add("a&b<c>.rules", "x\n");
  linted.report.inputs.push_back({file.path(), file.index(), nullptr, 0, true});
  std::string message = "quote \" apostrophe ' <tag> & bell \a invalid \xC3 end";
  linted.report.findings.push_back(
      testing::make_finding("FW2001", "removed-port", Severity::kError, 0, 1, 1, 2, message));
  std::string xml = testing::render(&write_junit_report, linted);
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(xml.c_str())) << xml;
  pugi::xml_node suite = document.child("testsuites").child("testsuite");
  EXPECT_STREQ(suite.attribute("name").value(), "a&b<c>.rules");
  pugi::xml_node failure =
      suite.find_child_by_attribute("testcase", "name", "FW2001 removed-port").child("failure");
  std::string cleaned = "quote \" apostrophe ' <tag> & bell \uFFFD invalid \uFFFD end";
  EXPECT_EQ(failure.attribute("message").value(), cleaned);
  EXPECT_EQ(std::string(failure.text().get()),
            "a&b<c>.rules:1:1: error[FW2001]: " + cleaned + "\n");
  EXPECT_STREQ(failure.attribute("type").value(), "error");
}

}  // namespace
}  // namespace fwlint
