// The CI formats through the binary: --format picks them, -o writes them, exit codes unchanged.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "report/report_fixture.h"
#include "support/golden.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

// Runs fwlint from the source directory without GitHub's environment; returns the exit code.
int run_fwlint(const std::string& arguments) {
  std::string command = "cd '" + testing::source_dir().string() +
                        "' && env -u GITHUB_STEP_SUMMARY " + std::string(FWLINT_BINARY) + " " +
                        arguments + " >/dev/null 2>&1";
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(ReportFormatsCli, EveryCiFormatIsOffered) {
  std::vector<std::string_view> formats(report_formats().begin(), report_formats().end());
  for (std::string_view format : {"sarif", "junit", "github", "gcc"}) {
    EXPECT_NE(std::find(formats.begin(), formats.end(), format), formats.end()) << format;
  }
}

TEST(ReportFormatsCli, WritesEachFormatToTheOutputFile) {
  testing::ScratchDirectory scratch;
  const std::string input = "tests/report/findings.rules";
  for (std::string format : {"sarif", "junit", "github", "gcc"}) {
    fs::path output = scratch.path() / ("report." + format);
    EXPECT_EQ(run_fwlint("--format " + format + " -o '" + output.string() + "' " + input), 1)
        << format;
    std::string text = testing::read_text(output);
    if (format == "sarif") {
      EXPECT_EQ(nlohmann::json::parse(text)["version"], "2.1.0");
    } else if (format == "junit") {
      pugi::xml_document document;
      EXPECT_TRUE(document.load_string(text.c_str()));
      EXPECT_TRUE(document.child("testsuites").child("testsuite"));
    } else if (format == "github") {
      EXPECT_TRUE(text.starts_with("::error file=tests/report/findings.rules,line=")) << text;
    } else {
      EXPECT_TRUE(text.starts_with("tests/report/findings.rules:5:")) << text;
    }
  }
}

}  // namespace
}  // namespace fwlint
