// The shared corpus of real iptables files (../shared, skipped when absent): every file parses,
// the files the kernel accepted parse cleanly, fwlint agrees with the kernel's own dump of each
// file and with iptables-xml on every port, and netfilter's own test rules parse.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <sstream>

#include "iptables/iptables_test_support.h"
#include "parsers/iptables/port_values.h"
#include "support/golden.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;
using iptables_testing::Parsed;

fs::path corpus_dir() {
  fs::path shared = testing::shared_dir();
  if (shared.empty() || !fs::is_directory(shared / "corpus" / "iptables")) return {};
  return shared / "corpus" / "iptables";
}

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, separator)) fields.push_back(field);
  if (!line.empty() && line.back() == separator) fields.emplace_back();
  return fields;
}

// The rows of a TSV file as column name → value.
std::vector<std::map<std::string, std::string>> read_tsv(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header = split(line, '\t');
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> fields = split(line, '\t');
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

Format format_of(const std::map<std::string, std::string>& row) {
  return row.at("kind") == "ipt-script" ? Format::kIptablesScript : Format::kIptablesSave;
}

std::string ports_key(const PortSet& ports) {
  std::string key = ports.negated ? "!" : "";
  if (ports.either_side) key += "either";
  for (const PortInterval& interval : ports.intervals()) {
    key += "[" + std::to_string(interval.low) + "," + std::to_string(interval.high) + "]";
  }
  return key;
}

// Per table: how many rules of `family` have each (chain, destination ports, source ports).
// iptables loads `-s a,b` as one rule per address, so such a rule counts once per address pair.
std::map<std::string, std::map<std::string, int>> port_multiset(const Parsed& parsed,
                                                                Family family) {
  std::map<std::string, std::map<std::string, int>> tables;
  for (const Rule* rule : parsed.rules()) {
    if (rule->family != Family::kAny && rule->family != family) continue;
    int copies = static_cast<int>(std::max<size_t>(1, rule->sources.size()) *
                                  std::max<size_t>(1, rule->destinations.size()));
    tables[rule->table][rule->chain + " d" + ports_key(rule->destination_ports) + " s" +
                        ports_key(rule->source_ports)] += copies;
  }
  return tables;
}

TEST(IptablesCorpus, EveryFileParsesAndAcceptedFilesAreClean) {
  fs::path corpus = corpus_dir();
  if (corpus.empty()) GTEST_SKIP() << "../shared/corpus/iptables is absent";
  size_t files = 0;
  size_t rules = 0;
  for (const auto& row : read_tsv(corpus / "SOURCES.tsv")) {
    const std::string& name = row.at("file");
    SCOPED_TRACE(name);
    std::string content = testing::read_text(corpus / name);
    Format format = format_of(row);
    const FrontEnd* detected = detect_front_end(content, name);
    ASSERT_NE(detected, nullptr);
    EXPECT_EQ(detected->format, format);
    Parsed parsed(format, content, name);
    ++files;
    rules += parsed.rules().size();
    EXPECT_GT(parsed.rules().size(), 0u);
    if (format == Format::kIptablesSave && row.at("accepted_by_kernel") == "yes") {
      EXPECT_TRUE(parsed.result().diagnostics.empty()) << parsed.describe();
    }
    if (format == Format::kIptablesScript) {
      EXPECT_FALSE(parsed.has("FW1001") || parsed.has("FW1002") || parsed.has("FW1003"))
          << parsed.describe();
    }
  }
  EXPECT_GT(files, 50u);
  EXPECT_GT(rules, 1000u);
}

TEST(IptablesCorpus, OriginalAndKernelDumpAgreeOnEveryPort) {
  fs::path corpus = corpus_dir();
  if (corpus.empty()) GTEST_SKIP() << "../shared/corpus/iptables is absent";
  size_t compared = 0;
  for (const auto& row : read_tsv(corpus / "SOURCES.tsv")) {
    const std::string& name = row.at("file");
    fs::path twin = corpus / "canonical" / (name + ".save");
    if (!fs::exists(twin)) continue;
    SCOPED_TRACE(name);
    Parsed original(format_of(row), testing::read_text(corpus / name), name);
    Parsed canonical(Format::kIptablesSave, testing::read_text(twin), twin.filename().string());
    EXPECT_TRUE(canonical.result().diagnostics.empty()) << canonical.describe();
    Family family =
        canonical.ruleset().tables.empty() ? Family::kIpv4 : canonical.ruleset().tables[0].family;
    EXPECT_EQ(port_multiset(original, family), port_multiset(canonical, family));
    ++compared;
  }
  EXPECT_GT(compared, 40u);
}

std::string run_iptables_xml(const fs::path& file) {
  std::string command = "iptables-xml < '" + file.string() + "' 2>/dev/null";
  std::string output;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[65536];
    size_t read;
    while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, read);
    if (pclose(pipe) != 0) output.clear();
  }
  return output;
}

bool iptables_xml_installed() {
  return std::system("command -v iptables-xml > /dev/null 2>&1") == 0;
}

// The port options iptables-xml shows under a rule's conditions, as fwlint's port sets would
// read them: "d[22,22]", "s![1024,65535]".
std::string xml_ports_key(const pugi::xml_node& rule, TransportSet transports) {
  std::string destination;
  std::string source;
  for (const pugi::xml_node& match : rule.child("conditions").children()) {
    for (const pugi::xml_node& option : match.children()) {
      std::string name = option.name();
      // Under multiport, `--dport` abbreviates `--dports`.
      bool list = name == "dports" || name == "sports" || name == "ports" ||
                  name == "destination-ports" || name == "source-ports" ||
                  std::string_view(match.name()) == "multiport";
      bool single =
          name == "dport" || name == "sport" || name == "destination-port" || name == "source-port";
      if (!list && !single) continue;
      std::string value = option.text().get();
      bool negated = std::string_view(option.attribute("invert").value()) == "1";
      if (value.starts_with("! ")) {
        negated = true;
        value = value.substr(2);
      }
      std::vector<PortInterval> intervals;
      for (const std::string& item : split(value, list ? ',' : '\n')) {
        iptables::PortValue port =
            iptables::parse_port_range(item, transports, Registry::builtin());
        intervals.push_back(port.interval);
      }
      std::string key = negated ? "!" : "";
      if (name == "ports") key += "either";
      for (const PortInterval& interval : normalize(intervals)) {
        key += "[" + std::to_string(interval.low) + "," + std::to_string(interval.high) + "]";
      }
      (name[0] == 's' ? source : destination) = key;
    }
  }
  return "d" + destination + " s" + source;
}

TEST(IptablesCorpus, AgreesWithIptablesXmlOnEveryPortOfEveryRule) {
  fs::path corpus = corpus_dir();
  if (corpus.empty()) GTEST_SKIP() << "../shared/corpus/iptables is absent";
  if (!iptables_xml_installed()) GTEST_SKIP() << "iptables-xml is not installed";
  size_t files = 0;
  size_t rules = 0;
  for (const auto& row : read_tsv(corpus / "SOURCES.tsv")) {
    if (row.at("kind") != "ipt-save" || row.at("accepted_by_kernel") != "yes") continue;
    const std::string& name = row.at("file");
    SCOPED_TRACE(name);
    // iptables-xml converts text without checking it: files that use a chain they never
    // declare come out as malformed XML, which says nothing about fwlint.
    pugi::xml_document document;
    if (!document.load_string(run_iptables_xml(corpus / name).c_str())) continue;
    ++files;
    Parsed parsed(Format::kIptablesSave, testing::read_text(corpus / name), name);
    std::map<std::string, std::vector<const Rule*>> ours;
    for (const Rule* rule : parsed.rules()) ours[rule->table + "/" + rule->chain].push_back(rule);
    // iptables-xml opens a new <chain> element for every run of rules of one chain.
    std::map<std::string, std::vector<pugi::xml_node>> theirs;
    for (const pugi::xml_node& table : document.child("iptables-rules").children("table")) {
      // iptables-restore flushes a table each time it reads it.
      std::string prefix = std::string(table.attribute("name").value()) + "/";
      std::erase_if(theirs, [&](const auto& entry) { return entry.first.starts_with(prefix); });
      for (const pugi::xml_node& chain : table.children("chain")) {
        std::string key =
            std::string(table.attribute("name").value()) + "/" + chain.attribute("name").value();
        for (const pugi::xml_node& rule : chain.children("rule")) theirs[key].push_back(rule);
      }
    }
    for (const auto& [key, model] : ours) {
      const std::vector<pugi::xml_node>& xml_rules = theirs[key];
      ASSERT_EQ(xml_rules.size(), model.size()) << key;
      std::vector<std::string> expected;
      std::vector<std::string> actual;
      for (size_t i = 0; i < model.size(); ++i) {
        expected.push_back(xml_ports_key(xml_rules[i], model[i]->transports));
        actual.push_back("d" + ports_key(model[i]->destination_ports) + " s" +
                         ports_key(model[i]->source_ports));
      }
      std::sort(expected.begin(), expected.end());
      std::sort(actual.begin(), actual.end());
      EXPECT_EQ(expected, actual) << key;
      rules += actual.size();
    }
  }
  EXPECT_GT(files, 40u);
  EXPECT_GT(rules, 1000u);
}

TEST(IptablesCorpus, NetfilterTestRulesThatIptablesAcceptsParse) {
  fs::path corpus = corpus_dir();
  if (corpus.empty()) GTEST_SKIP() << "../shared/corpus/iptables is absent";
  size_t checked = 0;
  for (const auto& row : read_tsv(corpus / "upstream-tests" / "iptables-extension-tests.tsv")) {
    const std::string& tool = row.at("tool");
    if (row.at("result") != "OK" || (tool != "iptables" && tool != "ip6tables")) continue;
    std::string chain = split(row.at("chains"), ',').at(0);
    std::string rule = "-A " + chain + " " + row.at("rule");
    SCOPED_TRACE(row.at("file") + ":" + row.at("line") + ": " + rule);
    std::string header = tool == "ip6tables" ? "# Generated by ip6tables-save\n" : "";
    Parsed parsed(Format::kIptablesSave,
                  header + "*" + row.at("table") + "\n" + rule + "\nCOMMIT\n");
    EXPECT_FALSE(parsed.has("FW1001")) << parsed.describe();
    EXPECT_EQ(parsed.rules().size(), 1u);
    ++checked;
  }
  EXPECT_GT(checked, 400u);
}

}  // namespace
}  // namespace fwlint
