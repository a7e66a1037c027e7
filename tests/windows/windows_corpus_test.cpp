// The Windows exports in ../shared/corpus/windows, written by other people: every file parses
// without an input finding, and the number of rules equals the number of records, counted here
// independently of the parsers. Console dumps (Format-List, Format-Table) are refused by name.
#include <gtest/gtest.h>

#include "linter/diagnostics.h"
#include "linter/engine.h"
#include "linter/text_encoding.h"
#include "support/golden.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    if (newline == std::string_view::npos) break;
    text.remove_prefix(newline + 1);
  }
  return lines;
}

bool ends_with_icase(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  text = text.substr(text.size() - suffix.size());
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) !=
        std::tolower(static_cast<unsigned char>(suffix[i]))) {
      return false;
    }
  }
  return true;
}

// Records as a reader would count them: netsh `Rule Name:` lines, rule-string values under a
// FirewallRules key, CSV lines after the header.
size_t count_records(const fs::path& path, std::string_view text) {
  std::vector<std::string_view> lines = lines_of(text);
  size_t records = 0;
  if (path.extension() == ".reg") {
    bool rules_key = false;
    for (std::string_view line : lines) {
      if (line.starts_with('[')) rules_key = ends_with_icase(line, "FirewallRules]");
      if (rules_key && line.starts_with('"') && line.find("=\"v2.") != std::string_view::npos) {
        ++records;
      }
    }
  } else if (path.extension() == ".csv") {
    for (std::string_view line : lines) records += line.empty() ? 0 : 1;
    --records;  // the header
  } else {
    for (std::string_view line : lines) records += line.starts_with("Rule Name:") ? 1 : 0;
  }
  return records;
}

std::vector<fs::path> corpus_files() {
  fs::path shared = testing::shared_dir();
  if (shared.empty()) return {};
  std::vector<fs::path> files;
  for (const fs::path& file : testing::fixtures_in(shared / "corpus/windows")) {
    if (file.filename() != "SOURCES.tsv") files.push_back(file);
  }
  return files;
}

bool is_console_dump(const fs::path& path) {
  return path.filename().string().starts_with("ps-format");
}

TEST(WindowsCorpus, EveryExportParsesCleanlyWithOneRulePerRecord) {
  std::vector<fs::path> files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "../shared/corpus/windows is not present";
  size_t exports = 0;
  for (const fs::path& path : files) {
    if (is_console_dump(path)) continue;
    SCOPED_TRACE(path.filename().string());
    ++exports;
    SourceManager sources;
    Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), {});
    std::vector<Finding> problems;
    std::optional<uint32_t> index = linter.read({path.string(), true}, problems);
    ASSERT_TRUE(index.has_value());
    const SourceFile& file = sources.file(*index);
    const FrontEnd* front_end = linter.choose_front_end(file, true, problems);
    ASSERT_NE(front_end, nullptr);
    EXPECT_TRUE(front_end->name.starts_with("windows-")) << front_end->name;
    ParseResult parsed = linter.parse(file, *front_end);
    for (const Finding& finding : parsed.diagnostics) {
      ADD_FAILURE() << finding.span.line << ':' << finding.span.column << ": " << finding.check_id
                    << ": " << finding.message;
    }
    EXPECT_EQ(parsed.ruleset.rule_count(), count_records(path, file.content()));
  }
  EXPECT_GE(exports, 8u);
}

TEST(WindowsCorpus, ConsoleDumpsAreRefusedByName) {
  std::vector<fs::path> files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "../shared/corpus/windows is not present";
  size_t dumps = 0;
  for (const fs::path& path : files) {
    if (!is_console_dump(path)) continue;
    SCOPED_TRACE(path.filename().string());
    ++dumps;
    SourceManager sources;
    Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), {});
    LintReport report = linter.lint({{path.string(), true}});
    ASSERT_EQ(report.findings.size(), 1u);
    EXPECT_EQ(report.findings[0].check_id, kUnrecognizedFormat.id);
    EXPECT_NE(report.findings[0].message.find("PowerShell console output"), std::string::npos);
    EXPECT_TRUE(report.any_input_failed());
  }
  EXPECT_EQ(dumps, 2u);
}

// Whatever a Windows front end is given, it returns: no crash, no hang, no exception.
TEST(WindowsCorpus, EveryFrontEndSurvivesEveryFile) {
  std::vector<fs::path> files = corpus_files();
  if (files.empty()) GTEST_SKIP() << "../shared/corpus/windows is not present";
  for (const fs::path& path : files) {
    SourceManager sources;
    const SourceFile& file = sources.add(path.string(), to_utf8(testing::read_text(path)));
    for (const FrontEnd& front_end : front_ends()) {
      if (!front_end.name.starts_with("windows-")) continue;
      SCOPED_TRACE(path.filename().string() + " as " + std::string(front_end.name));
      EXPECT_NO_THROW(front_end.parse(file, ParseContext{Registry::builtin()}));
    }
  }
}

}  // namespace
}  // namespace fwlint
