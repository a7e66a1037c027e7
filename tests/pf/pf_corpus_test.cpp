// Real pf.conf files written by others (shared corpus): each is recognised as pf, linted without a
// crash, and gives no input finding (FW1xxx) beyond the ones listed here, each a true mistake in
// that file or a file it includes from the machine it came from.
#include <gtest/gtest.h>

#include <set>

#include "linter/engine.h"
#include "support/golden.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

struct Expected {
  std::string_view file;
  uint32_t line;
  std::string_view id;
  std::string_view why;
};

constexpr Expected kExpected[] = {
    {"firekeeps_openbsd-router.pf.conf", 1, "FW1001",
     "the first line is prose without `#`: pfctl rejects the file"},
    {"osuosc_freebsd-mcss.pf.conf", 4, "FW1001",
     "`pass in proto tcp port 22`: pfctl wants `from` or `to` before `port`"},
    {"tmmvn_bsd-configs.basepass_anchor", 11, "FW1003",
     "`port 547:546`: a reversed range, which matches no port"},
    {"tmmvn_bsd-configs.basepass_anchor", 12, "FW1003",
     "`port 547:546`: a reversed range, which matches no port"},
    {"tmmvn_bsd-configs.basepass_anchor", 16, "FW1001",
     "`to port $int_tcp_services` with int_tcp_services = \"\": pfctl rejects the empty port"},
};

// Files in the corpus that hold table addresses, one per line: not pf.conf syntax.
const std::set<std::string> kTableFiles = {"drduh_config.pf.martians",
                                           "noplacenoaddress_OpenBSD.pf.conf.table.reserved"};

bool expected(const std::string& file, const Finding& finding, std::set<const Expected*>& seen) {
  // An absolute path names the machine the configuration came from, not this one.
  if (finding.check_id == "FW1009" && finding.message.starts_with("`/")) return true;
  for (const Expected& e : kExpected) {
    if (e.file == file && e.line == finding.span.line && e.id == finding.check_id) {
      seen.insert(&e);
      return true;
    }
  }
  return false;
}

TEST(PfCorpus, RealWorldFilesGiveNoUnexpectedInputFindings) {
  fs::path corpus = testing::shared_dir() / "corpus/pf/real-world";
  if (testing::shared_dir().empty() || !fs::is_directory(corpus)) {
    GTEST_SKIP() << "no pf corpus";
  }
  std::string failures;
  std::set<const Expected*> seen;
  int linted = 0;
  for (const fs::path& path : testing::fixtures_in(corpus)) {
    std::string name = path.filename().string();
    if (name == "SOURCES.tsv") continue;
    SourceManager sources;
    Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), {});
    LintReport report = linter.lint({{path.string(), false}});
    bool pf = !report.inputs.empty() && report.inputs[0].front_end != nullptr &&
              report.inputs[0].front_end->format == Format::kPf;
    if (kTableFiles.contains(name)) {
      if (pf) failures += name + ": a table file taken for pf.conf\n";
      continue;
    }
    if (!pf) {
      failures += name + ": not recognised as pf\n";
      continue;
    }
    ++linted;
    for (const Finding& finding : report.findings) {
      if (!finding.check_id.starts_with("FW1") || expected(name, finding, seen)) continue;
      failures += name + ":" + std::to_string(finding.span.line) + ":" +
                  std::to_string(finding.span.column) + ": " + std::string(finding.check_id) + " " +
                  finding.message + "\n";
    }
  }
  for (const Expected& e : kExpected) {
    if (!seen.contains(&e)) {
      failures += std::string(e.file) + ":" + std::to_string(e.line) + ": expected " +
                  std::string(e.id) + " (" + std::string(e.why) + ") is gone\n";
    }
  }
  EXPECT_GT(linted, 40);
  EXPECT_TRUE(failures.empty()) << failures;
}

}  // namespace
}  // namespace fwlint
