// samples/nftables holds a hand-written nftables.conf and the `nft -a list ruleset` listing of a
// gateway: fwlint must report their removed and retired ports at the element where each is
// written, through defines and named sets, with suggestions that edit the set or delete the rule.
#include <gtest/gtest.h>

#include <set>

#include "linter/engine.h"
#include "support/golden.h"
#include "support/sample_findings.h"

namespace fwlint {
namespace {

using testing::finding_at;
using testing::position;

class NftSamples : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::path directory = testing::source_dir() / "samples/nftables";
    conf_ = testing::read_text(directory / "nftables.conf");
    listing_ = testing::read_text(directory / "listing-with-handles.nft");
    Linter linter(sources_, Registry::builtin(), RetiredServices::builtin(), {});
    report_ = linter.lint(expand_inputs({directory.string()}));
    ASSERT_EQ(report_.inputs.size(), 2u);
    listing_file_ = *report_.inputs[0].file;
    conf_file_ = *report_.inputs[1].file;
  }

  SourceManager sources_;
  LintReport report_;
  std::string conf_;
  std::string listing_;
  uint32_t conf_file_ = 0;
  uint32_t listing_file_ = 0;
};

TEST_F(NftSamples, EveryCheckFiresWithASuggestionAndNoInputFinding) {
  std::set<std::string_view> checks;
  for (const InputOutcome& input : report_.inputs) {
    ASSERT_NE(input.front_end, nullptr) << input.path;
    EXPECT_EQ(input.front_end->format, Format::kNftables) << input.path;
  }
  for (const Finding& finding : report_.findings) {
    EXPECT_FALSE(finding.check_id.starts_with("FW1")) << finding.message;
    EXPECT_FALSE(finding.suggestion.empty()) << finding.message;
    checks.insert(finding.check_id);
  }
  EXPECT_EQ(checks, (std::set<std::string_view>{"FW2001", "FW2002", "FW2003"}));
}

TEST_F(NftSamples, ADefineIsEditedWhereItIsWrittenAndNamesItsRules) {
  const Finding* mail =
      finding_at(report_, "FW2001", position(conf_, "define MAIL_PORTS", "585"), conf_file_);
  ASSERT_NE(mail, nullptr);
  EXPECT_EQ(mail->span.end_column - mail->span.column, 3u);
  EXPECT_NE(mail->message.find("$MAIL_PORTS is used by 1 accepting rule in filter input"),
            std::string::npos)
      << mail->message;
  ASSERT_EQ(mail->edits.size(), 1u);
  EXPECT_EQ(mail->edits[0].replacement, "{ smtp, submission, imap, imaps }");
}

TEST_F(NftSamples, ADefineThatLosesEveryPortDeletesItsRuleFromEveryFinding) {
  const Finding* ni_ftp =
      finding_at(report_, "FW2001", position(conf_, "define INVENTORY_PORTS", "47"), conf_file_);
  const Finding* tenfold =
      finding_at(report_, "FW2002", position(conf_, "define INVENTORY_PORTS", "658"), conf_file_);
  ASSERT_NE(ni_ftp, nullptr);
  ASSERT_NE(tenfold, nullptr);
  EXPECT_EQ(ni_ftp->suggestion, tenfold->suggestion);
  EXPECT_TRUE(ni_ftp->suggestion.starts_with("delete the rule")) << ni_ftp->suggestion;
  EXPECT_TRUE(ni_ftp->edits.empty());
}

TEST_F(NftSamples, ANamedSetRangeIsSplitAroundTheRemovedPorts) {
  const Finding* range = finding_at(
      report_, "FW2003", position(conf_, "\t\telements = { snmp", "1024-1100"), conf_file_);
  ASSERT_NE(range, nullptr);
  EXPECT_EQ(range->span.end_column - range->span.column, 9u);
  EXPECT_EQ(range->suggestion, "rewrite the ports as `{ snmp, 1024-1027, 1029, 1034-1100, 9100 }`");
}

TEST_F(NftSamples, AListingWithHandlesDeletesRulesByHandle) {
  const Finding* tenfold =
      finding_at(report_, "FW2002", position(listing_, "\t\tiifname \"eth1\" tcp dport {", "658"),
                 listing_file_);
  ASSERT_NE(tenfold, nullptr);
  EXPECT_NE(tenfold->suggestion.find("nft delete rule inet filter input handle 21"),
            std::string::npos)
      << tenfold->suggestion;
  const Finding* dnat = finding_at(
      report_, "FW2001", position(listing_, "\t\tiifname \"eth0\" meta l4proto udp dnat", "659"),
      listing_file_);
  ASSERT_NE(dnat, nullptr);
  EXPECT_NE(dnat->suggestion.find("nft delete rule ip nat prerouting handle 4"), std::string::npos)
      << dnat->suggestion;
}

}  // namespace
}  // namespace fwlint
