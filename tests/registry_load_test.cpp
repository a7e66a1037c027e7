// A newer (or older) IANA registry named in .fwlint.toml replaces the built-in one at run time.
#include "linter/registry_load.h"

#include <gtest/gtest.h>

#include <fstream>

#include "linter/engine.h"
#include "support/golden.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

TEST(LoadedRegistry, ReadsAnotherSnapshotWithTheBuiltInRemovalFacts) {
  if (testing::shared_dir().empty()) GTEST_SKIP() << "../shared is absent";
  auto loaded =
      LoadedRegistry::load(testing::shared_dir() / "data/service-names-port-numbers-2022-12.xml");
  const Registry& registry = loaded->registry();
  EXPECT_EQ(registry.date(), "2022-12-02");
  PortInfo ssh = registry.lookup(22, Transport::kTcp);
  EXPECT_EQ(ssh.status, PortStatus::kAssigned);
  ASSERT_FALSE(ssh.service_names.empty());
  EXPECT_EQ(ssh.service_names.front(), "ssh");
  EXPECT_EQ(registry.lookup(659, Transport::kUdp).status, PortStatus::kRemoved);
  EXPECT_EQ(registry.resolve_service("https", Transport::kTcp), 443);
  // compressnet was still assigned in 2022: the newer removal fact is reported as contradicted.
  EXPECT_FALSE(loaded->warnings().empty());
}

TEST(LoadedRegistry, MissingOrMalformedFileIsAConfigurationError) {
  EXPECT_THROW(LoadedRegistry::load("/nonexistent/registry.xml"), ConfigError);
  fs::path bad = fs::temp_directory_path() / "fwlint-bad-registry.xml";
  std::ofstream(bad) << "<registry><record><number>22";
  EXPECT_THROW(LoadedRegistry::load(bad), ConfigError);
  fs::remove(bad);
}

TEST(LoadedRegistry, ConfigRegistryKeyChangesTheRegistryTheChecksCite) {
  if (testing::shared_dir().empty()) GTEST_SKIP() << "../shared is absent";
  fs::path dir = fs::temp_directory_path() / "fwlint-registry-config";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / ".fwlint.toml")
      << "registry = \""
      << (testing::shared_dir() / "data/service-names-port-numbers-2022-12.xml").string() << "\"\n";
  std::ofstream(dir / "rules.v4") << "*filter\n-A INPUT -p udp --dport 659 -j ACCEPT\nCOMMIT\n";
  SourceManager sources;
  LintOptions options;
  options.find_config_files = true;
  Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), options);
  LintReport report = linter.lint({{(dir / "rules.v4").string(), true}});
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_NE(report.findings[0].message.find("IANA registry 2022-12-02"), std::string::npos)
      << report.findings[0].message;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fwlint
