// The bad-input matrix: every front end meets hostile or broken input through the fwlint binary,
// next to a good file in the same run. Each case must end within bounded time and memory, with
// the documented exit code, a located FW1xxx finding where the input could not be processed, and
// the good file still linted.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "support/golden.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// A file of each format whose one rule opens removed port 659, and how that format nests and
// includes (empty where it has no such construct).
struct FormatCase {
  const char* name;
  const char* good;
  std::string (*nested)(int depth);
  std::string (*include)(const std::string& path);
};

std::string braces(int depth) {
  return std::string(depth, '{') + std::string(depth, '}') + "\n";
}

std::string brackets(int depth) {
  return std::string(depth, '[') + std::string(depth, ']') + "\n";
}

std::string nft_nested(int depth) {
  std::string text = "table inet t {\n  chain c {\n    tcp dport ";
  for (int i = 0; i < depth; ++i) text += "{ ";
  text += "659";
  for (int i = 0; i < depth; ++i) text += " }";
  return text + " accept\n  }\n}\n";
}

std::string pf_nested(int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += "anchor a" + std::to_string(i) + " {\n";
  text += "pass in proto tcp to port 659\n";
  for (int i = 0; i < depth; ++i) text += "}\n";
  return text;
}

std::string nft_include(const std::string& path) {
  return "include \"" + path + "\"\n";
}

std::string pf_include(const std::string& path) {
  return "include \"" + path + "\"\npass in proto tcp to port 22\n";
}

const FormatCase kFormats[] = {
    {"iptables-save",
     "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp --dport 659 -j ACCEPT\nCOMMIT\n", &braces,
     nullptr},
    {"iptables-script", "#!/bin/sh\niptables -A INPUT -p udp --dport 659 -j ACCEPT\n", &braces,
     nullptr},
    {"nftables",
     "table inet filter {\n  chain input {\n    type filter hook input priority 0;\n"
     "    udp dport 659 accept\n  }\n}\n",
     &nft_nested, &nft_include},
    {"nftables-json",
     R"({"nftables": [{"rule": {"family": "inet", "table": "filter", "chain": "input",
 "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "udp", "field": "dport"}},
 "right": 659}}, {"accept": null}]}}]})"
     "\n",
     &brackets, nullptr},
    {"pf", "pass in proto udp to port 659\n", &pf_nested, &pf_include},
    {"windows-netsh",
     "\nRule Name:                            Legacy\n"
     "----------------------------------------------------------------------\n"
     "Enabled:                              Yes\nDirection:                            In\n"
     "Profiles:                             Domain\nLocalIP:                              Any\n"
     "RemoteIP:                             Any\nProtocol:                             UDP\n"
     "LocalPort:                            659\nRemotePort:                           Any\n"
     "Edge traversal:                       No\nAction:                               "
     "Allow\nOk.\n\n",
     &braces, nullptr},
    {"windows-reg",
     "Windows Registry Editor Version 5.00\n\n"
     "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\"
     "FirewallPolicy\\FirewallRules]\n"
     "\"{1C0E9A52-7B3F-4D28-8E61-3A5F9C2D4B70}\"=\"v2.31|Action=Allow|Active=TRUE|Dir=In|"
     "Protocol=17|LPort=659|Name=Legacy|\"\n",
     &braces, nullptr},
    {"windows-powershell-csv",
     "\"Name\",\"DisplayName\",\"Enabled\",\"Direction\",\"Action\",\"Protocol\",\"LocalPort\","
     "\"RemotePort\"\n\"Legacy\",\"Legacy\",\"True\",\"Inbound\",\"Allow\",\"UDP\",\"659\","
     "\"Any\"\n",
     &braces, nullptr},
    {"windows-powershell-json",
     R"([{"Name": "Legacy", "DisplayName": "Legacy", "Enabled": 1, "Direction": 1, "Action": 2,
 "Protocol": "UDP", "LocalPort": "659", "RemotePort": "Any"}])"
     "\n",
     &brackets, nullptr},
};

struct LintRun {
  int exit_code = -1;  // -1: killed (a crash, or the time limit)
  std::string out;
  double seconds = 0;
};

constexpr int kTimeLimitSeconds = 60;

class BadInput : public ::testing::TestWithParam<FormatCase> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("fwlint-bad-input-" + std::to_string(getpid()) + "-" + GetParam().name);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    good_ = write("good.txt", GetParam().good);
  }
  void TearDown() override {
    std::error_code error;
    fs::remove_all(dir_, error);
  }

  std::string write(const std::string& name, const std::string& content) {
    fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  // fwlint --input-format <format> [extra] <bad> <good>: bounded in time, and in address space
  // where no sanitizer reserves its shadow memory.
  LintRun lint(const std::string& bad, const std::string& extra = "") {
    std::string command = "ulimit -t " + std::to_string(kTimeLimitSeconds) + "; ";
    if (!kSanitized) command += "ulimit -v 4194304; ";
    command += "timeout -s KILL " + std::to_string(kTimeLimitSeconds) + " " + FWLINT_BINARY +
               " --no-config --color never -q --input-format " + GetParam().name + " " + extra +
               " '" + bad + "' '" + good_ + "' 2>&1";
    auto start = std::chrono::steady_clock::now();
    LintRun run;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return run;
    std::array<char, 4096> buffer;
    while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) {
      if (run.out.size() < (1u << 20)) run.out.append(buffer.data(), n);
    }
    int status = pclose(pipe);
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
  }

  // The run ended normally, the good file was linted, and every line about the bad file is in
  // the located `path:line:column: severity[ID]` form.
  void expect_survived(const LintRun& run, const std::string& bad) {
    ASSERT_NE(run.exit_code, -1) << "killed (crash or over " << kTimeLimitSeconds << " s)\n"
                                 << run.out.substr(0, 2000);
    EXPECT_TRUE(run.exit_code == 1 || run.exit_code == 2) << run.exit_code << "\n" << run.out;
    EXPECT_NE(run.out.find(good_ + ":"), std::string::npos) << "the good input was not linted\n"
                                                            << run.out.substr(0, 2000);
    EXPECT_NE(run.out.find("[FW2001]"), std::string::npos) << run.out.substr(0, 2000);
    size_t at = 0;
    while ((at = run.out.find(bad + ":", at)) != std::string::npos) {
      size_t end = run.out.find('\n', at);
      std::string line = run.out.substr(at + bad.size(), end - at - bad.size());
      unsigned row = 0, column = 0;
      EXPECT_EQ(std::sscanf(line.c_str(), ":%u:%u:", &row, &column), 2) << line.substr(0, 200);
      EXPECT_GE(row, 1u);
      EXPECT_GE(column, 1u);
      at = end;
    }
  }

  // The bad file could not be processed: exit code 2 and the named FW1xxx finding about it.
  void expect_failed_with(const LintRun& run, const std::string& bad, const std::string& id) {
    expect_survived(run, bad);
    EXPECT_EQ(run.exit_code, 2) << run.out.substr(0, 2000);
    EXPECT_NE(run.out.find("[" + id + "]"), std::string::npos) << run.out.substr(0, 2000);
    EXPECT_NE(run.out.find(bad + ":"), std::string::npos) << run.out.substr(0, 2000);
  }

  fs::path dir_;
  std::string good_;
};

TEST_P(BadInput, EmptyFile) {
  // An empty dump is an empty ruleset; an empty JSON or CSV export may be reported as invalid.
  std::string bad = write("empty.txt", "");
  expect_survived(lint(bad), bad);
}

TEST_P(BadInput, BinaryGarbage) {
  std::mt19937 random(7);
  std::string bytes(64 * 1024, '\0');
  for (char& byte : bytes) byte = static_cast<char>(random());
  std::string bad = write("garbage.bin", bytes);
  expect_failed_with(lint(bad), bad, "FW1005");
}

TEST_P(BadInput, NulByteReportedWhereItStands) {
  std::string text = GetParam().good;
  text.insert(text.size() / 2, 1, '\0');
  std::string bad = write("nul.txt", text);
  LintRun run = lint(bad);
  expect_failed_with(run, bad, "FW1005");
}

TEST_P(BadInput, InvalidUtf8) {
  std::string text = GetParam().good;
  std::string bytes = "\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x90\x28\xbc\xff";
  text.insert(text.size() / 2, bytes);
  std::string bad = write("latin.txt", text + bytes + "\n");
  expect_survived(lint(bad), bad);
  // Machine-readable reports must stay valid whatever bytes the input holds.
  LintRun json = lint(bad, "--format json");
  ASSERT_NE(json.exit_code, -1);
  EXPECT_TRUE(json.exit_code == 1 || json.exit_code == 2) << json.out.substr(0, 2000);
  EXPECT_EQ(json.out.find("terminate"), std::string::npos) << json.out.substr(0, 2000);
  LintRun sarif = lint(bad, "--format sarif");
  EXPECT_TRUE(sarif.exit_code == 1 || sarif.exit_code == 2) << sarif.out.substr(0, 2000);
}

TEST_P(BadInput, Utf16WithoutByteOrderMark) {
  std::string utf16;
  for (char c : std::string(GetParam().good)) utf16 += std::string{c, '\0'};
  std::string bad = write("utf16.txt", utf16);
  expect_failed_with(lint(bad), bad, "FW1005");
}

TEST_P(BadInput, TenMegabyteLine) {
  std::string line;
  line.reserve(10u << 20);
  while (line.size() < (10u << 20)) line += "x 659 { \"a\" , ";
  std::string bad = write("long.txt", std::string(GetParam().good) + line + "\n");
  LintRun run = lint(bad);
  EXPECT_LT(run.seconds, 30);
  if (std::string(GetParam().name).ends_with("json")) {
    // JSON exports are often one line: they are parsed (and this one is invalid JSON).
    expect_failed_with(run, bad, "FW1001");
  } else {
    expect_failed_with(run, bad, "FW1011");
    EXPECT_NE(run.out.find("--max-line-length"), std::string::npos) << run.out;
  }
}

TEST_P(BadInput, TenThousandDeepNesting) {
  std::string bad = write("deep.txt", GetParam().nested(10000));
  LintRun run = lint(bad);
  expect_survived(run, bad);
  // pf refuses anchors this deep rather than recursing; nft flattens nested anonymous sets.
  if (std::string(GetParam().name) == "pf") {
    EXPECT_EQ(run.exit_code, 2) << run.out.substr(0, 2000);
  }
}

TEST_P(BadInput, TruncatedFile) {
  std::string text = GetParam().good;
  for (size_t cut : {text.size() / 3, text.size() / 2, text.size() - 3}) {
    std::string bad = write("truncated" + std::to_string(cut) + ".txt", text.substr(0, cut));
    expect_survived(lint(bad), bad);
  }
}

TEST_P(BadInput, VanishedFile) {
  std::string bad = (dir_ / "vanished.txt").string();
  LintRun run = lint(bad);
  expect_failed_with(run, bad, "FW1007");
  EXPECT_NE(run.out.find("no such file"), std::string::npos) << run.out;
}

TEST_P(BadInput, DeviceAndDirectoryNamedAsInputs) {
  expect_failed_with(lint("/dev/zero"), "/dev/zero", "FW1007");
  std::string directory = (dir_ / "empty-directory").string();
  fs::create_directories(directory);
  LintRun run = lint(directory);
  EXPECT_EQ(run.exit_code, 1) << "an empty directory holds nothing to lint\n" << run.out;
}

TEST_P(BadInput, FileOverTheSizeLimit) {
  std::string bad = write("big.txt", std::string(GetParam().good) + std::string(4096, '#'));
  expect_failed_with(lint(bad, "--max-file-size 1024"), bad, "FW1011");
}

TEST_P(BadInput, UnreadableFile) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  std::string bad = write("unreadable.txt", GetParam().good);
  fs::permissions(bad, fs::perms::none);
  LintRun run = lint(bad);
  expect_failed_with(run, bad, "FW1007");
  EXPECT_NE(run.out.find("permission denied"), std::string::npos) << run.out;
}

TEST_P(BadInput, IncludeCycle) {
  if (GetParam().include == nullptr) GTEST_SKIP() << GetParam().name << " has no includes";
  std::string a = (dir_ / "a.conf").string();
  std::string b = write("b.conf", GetParam().include(a));
  write("a.conf", GetParam().include(b));
  LintRun run = lint(a);
  // The cycle closes in b.conf, which is where it is reported.
  expect_survived(run, b);
  EXPECT_EQ(run.exit_code, 2) << run.out.substr(0, 2000);
  EXPECT_NE(run.out.find(b + ":"), std::string::npos) << run.out.substr(0, 2000);
  EXPECT_NE(run.out.find("[FW1010]"), std::string::npos) << run.out.substr(0, 2000);
}

TEST_P(BadInput, IncludeDeeperThanTheLimit) {
  if (GetParam().include == nullptr) GTEST_SKIP() << GetParam().name << " has no includes";
  std::string first;
  for (int i = 40; i >= 0; --i) {
    std::string next = (dir_ / ("level" + std::to_string(i + 1) + ".conf")).string();
    first = write("level" + std::to_string(i) + ".conf", GetParam().include(next));
  }
  LintRun run = lint(first);
  expect_survived(run, first);
  EXPECT_NE(run.out.find("[FW10"), std::string::npos) << run.out.substr(0, 2000);
}

TEST_P(BadInput, IncludeOfDevZeroAndOfADirectory) {
  if (GetParam().include == nullptr) GTEST_SKIP() << GetParam().name << " has no includes";
  std::string bad = write("zero.conf", GetParam().include("/dev/zero"));
  LintRun run = lint(bad);
  expect_survived(run, bad);
  EXPECT_NE(run.out.find("[FW1009]"), std::string::npos) << run.out.substr(0, 2000);
  fs::create_directories(dir_ / "included-directory");
  write("included-directory/x.conf", GetParam().good);
  std::string directory =
      write("directory.conf", GetParam().include((dir_ / "included-directory").string()));
  expect_survived(lint(directory), directory);
}

std::string format_name(const ::testing::TestParamInfo<FormatCase>& info) {
  std::string name = info.param.name;
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryFrontEnd, BadInput, ::testing::ValuesIn(kFormats), format_name);

}  // namespace
}  // namespace fwlint

namespace fwlint {
namespace {

std::string run_in_source_dir(const std::string& arguments, int& exit_code,
                              const std::string& stderr_to = "&1") {
  std::string command = "cd '" + testing::source_dir().string() + "' && timeout -s KILL 60 " +
                        FWLINT_BINARY + " --no-config --color never -q " + arguments + " 2>" +
                        stderr_to;
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer;
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
  int status = pclose(pipe);
  exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

// Each fixed robustness bug keeps its input in tests/fixtures/robustness with the report and exit
// code it must produce beside it.
TEST(RobustnessRegressions, FixturesKeepTheirReports) {
  std::vector<fs::path> fixtures =
      testing::fixtures_in(testing::source_dir() / "tests/fixtures/robustness");
  ASSERT_FALSE(fixtures.empty());
  for (const fs::path& fixture : fixtures) {
    std::string relative = fs::relative(fixture, testing::source_dir()).string();
    int exit_code = -1;
    std::string out = run_in_source_dir("'" + relative + "'", exit_code);
    out += "exit " + std::to_string(exit_code) + "\n";
    EXPECT_TRUE(testing::matches_golden(fixture.string() + ".expected", out)) << relative;
  }
}

TEST(RobustnessRegressions, JsonReportOfBytesThatAreNotUtf8IsValidJson) {
  int exit_code = -1;
  std::string out = run_in_source_dir(
      "--format json tests/fixtures/robustness/invalid_utf8_token.rules", exit_code, "/dev/null");
  EXPECT_EQ(exit_code, 2) << out;
  EXPECT_TRUE(nlohmann::json::accept(out)) << out;
  EXPECT_NE(out.find("\xef\xbf\xbd"), std::string::npos) << "U+FFFD stands for the bytes";
}

TEST(DirectoryWalk, SymlinkLoopEnds) {
  fs::path dir = fs::temp_directory_path() / ("fwlint-loop-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "sub/rules.v4") << "*filter\n-A INPUT -p udp --dport 659 -j ACCEPT\nCOMMIT\n";
  fs::create_directory_symlink("..", dir / "sub/up");
  int exit_code = -1;
  std::string out = run_in_source_dir("'" + dir.string() + "'", exit_code);
  EXPECT_EQ(exit_code, 1) << out;
  EXPECT_NE(out.find("[FW2001]"), std::string::npos) << out;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fwlint
