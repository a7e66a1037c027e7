// `include` of files, globs and directories, relative to the including file, with findings for
// a missing file and a cycle. Each test writes its files into a fresh temporary directory.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "nftables/nftables_test_support.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;
using nftables_testing::Parsed;
using nftables_testing::tokens;

class NftInclude : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = fs::temp_directory_path() /
                 ("fwlint-nft-" + std::string(info->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  void write(const std::string& name, std::string_view text) {
    fs::path path = directory_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }
  Parsed parse(const std::string& name) {
    std::ifstream in(directory_ / name, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return Parsed(text, Format::kNftables, (directory_ / name).string());
  }

  fs::path directory_;
};

TEST_F(NftInclude, DefinesAndRulesFromIncludedFilesKeepTheirLocations) {
  write("main.nft",
        "include \"defines.nft\"\n"
        "table inet filter {\n"
        "  chain input {\n"
        "    include \"rules.d/*.nft\"\n"
        "  }\n"
        "}\n");
  write("defines.nft", "define LEGACY = { 22, 658 }\n");
  write("rules.d/10-ssh.nft", "tcp dport $LEGACY accept\n");
  write("rules.d/20-dns.nft", "udp dport 53 accept\n");
  write("rules.d/.hidden.nft", "udp dport 659 accept\n");
  Parsed parsed = parse("main.nft");
  EXPECT_EQ(parsed.diagnostics().size(), 0u) << parsed.describe();
  ASSERT_EQ(parsed.rules().size(), 2u);
  const Rule& ssh = parsed.rule(0);
  EXPECT_EQ(ssh.chain, "input");
  EXPECT_EQ(tokens(ssh.destination_ports), "22 658");
  const PortToken& legacy = ssh.destination_ports.tokens[1];
  EXPECT_TRUE(parsed.sources().file(legacy.span.file).path().ends_with("defines.nft"));
  EXPECT_TRUE(parsed.sources().file(ssh.span.file).path().ends_with("10-ssh.nft"));
  EXPECT_EQ(parsed.text(legacy.span), "658");
  EXPECT_EQ(tokens(parsed.rule(1).destination_ports), "53");
}

TEST_F(NftInclude, AMissingFileIsAFindingAndAnEmptyGlobIsNot) {
  write("main.nft",
        "include \"missing.nft\"\n"
        "include \"conf.d/*.nft\"\n"
        "table ip t { chain c { tcp dport 22 accept; } }\n");
  Parsed parsed = parse("main.nft");
  EXPECT_EQ(parsed.diagnostics(), std::vector<std::string>{"1:1 FW1009"}) << parsed.describe();
  EXPECT_NE(parsed.result().diagnostics[0].message.find("missing.nft"), std::string::npos);
  EXPECT_EQ(parsed.rules().size(), 1u);
}

TEST_F(NftInclude, ACycleIsReportedOnceWhereItCloses) {
  write("a.nft", "include \"b.nft\"\ntable ip t { chain c { tcp dport 22 accept; } }\n");
  write("b.nft", "include \"a.nft\"\n");
  Parsed parsed = parse("a.nft");
  ASSERT_EQ(parsed.result().diagnostics.size(), 1u) << parsed.describe();
  EXPECT_EQ(parsed.result().diagnostics[0].check_id, "FW1010");
  EXPECT_TRUE(
      parsed.sources().file(parsed.result().diagnostics[0].span.file).path().ends_with("b.nft"));
  EXPECT_EQ(parsed.rules().size(), 1u);
}

}  // namespace
}  // namespace fwlint
