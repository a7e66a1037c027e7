// The shared corpus of real nftables files (../shared, skipped when absent): every file parses,
// the files `nft -c` accepts parse without input findings, and the ports fwlint reads from each
// file agree with the ports of `nft -j` output of the same ruleset, read independently here.
// Where nft and root are present, the files are also loaded into a scratch network namespace and
// compared with what the kernel lists.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "nftables/nftables_test_support.h"
#include "support/golden.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;
using nftables_testing::Parsed;
using nlohmann::json;

fs::path corpus_dir() {
  fs::path shared = testing::shared_dir();
  if (shared.empty() || !fs::is_directory(shared / "corpus" / "nftables")) return {};
  return shared / "corpus" / "nftables";
}

std::vector<std::map<std::string, std::string>> read_tsv(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  auto split = [](const std::string& text) {
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t tab = text.find('\t'); tab != std::string::npos; tab = text.find('\t', start)) {
      fields.push_back(text.substr(start, tab - start));
      start = tab + 1;
    }
    fields.push_back(text.substr(start));
    return fields;
  };
  std::vector<std::string> header = split(line);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> fields = split(line);
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

// The ports of one rule, as sorted merged intervals per side.
struct RulePorts {
  std::vector<PortInterval> destination;
  bool destination_negated = false;
  std::vector<PortInterval> source;
  bool source_negated = false;
  friend bool operator==(const RulePorts&, const RulePorts&) = default;
  friend auto operator<=>(const RulePorts& a, const RulePorts& b) {
    auto key = [](const RulePorts& p) {
      std::vector<std::pair<int, int>> d, s;
      for (auto& i : p.destination) d.push_back({i.low, i.high});
      for (auto& i : p.source) s.push_back({i.low, i.high});
      return std::tuple(d, p.destination_negated, s, p.source_negated);
    };
    return key(a) <=> key(b);
  }
};

using ChainPorts = std::map<std::pair<std::string, std::string>, std::vector<RulePorts>>;

std::string describe(const std::vector<RulePorts>& rules) {
  std::string text;
  for (const RulePorts& rule : rules) {
    text += " [";
    for (const PortInterval& i : rule.destination) {
      text += std::to_string(i.low) + "-" + std::to_string(i.high) + " ";
    }
    text += rule.destination_negated ? "!|" : "|";
    for (const PortInterval& i : rule.source) {
      text += " " + std::to_string(i.low) + "-" + std::to_string(i.high);
    }
    text += "]";
  }
  return text;
}

// IANA lists http-alt for 591, 8008 and 8080; nft resolves names with the host's services file,
// where it is 8080, and fwlint with the IANA registry, which gives the first. Reported upstream
// in the registry's design; the comparison reads the name as nft does.
std::vector<PortInterval> intervals_as_nft(const PortSet& ports) {
  std::vector<PortInterval> intervals;
  for (const PortToken& token : ports.tokens) {
    intervals.push_back(token.text == "http-alt" ? PortInterval{8080, 8080} : token.interval);
  }
  return normalize(std::move(intervals));
}

ChainPorts model_ports(const Ruleset& ruleset) {
  ChainPorts ports;
  for (const Table& table : ruleset.tables) {
    for (const Chain& chain : table.chains) {
      auto& rules = ports[{table.name, chain.name}];
      for (const Rule& rule : chain.rules) {
        rules.push_back({intervals_as_nft(rule.destination_ports), rule.destination_ports.negated,
                         intervals_as_nft(rule.source_ports), rule.source_ports.negated});
      }
    }
  }
  return ports;
}

// The ports of `nft -j` output, read with nlohmann::json rather than fwlint's own JSON reader.
class JsonPorts {
 public:
  explicit JsonPorts(const json& document) {
    for (const json& object : document.at("nftables")) {
      for (const char* kind : {"set", "map"}) {
        if (!object.contains(kind)) continue;
        const json& set = object.at(kind);
        sets_[set.value("family", "") + " " + set.value("table", "") + " " +
              set.value("name", "")] = set;
      }
    }
    for (const json& object : document.at("nftables")) {
      if (object.contains("chain")) {
        ports_[{object["chain"].value("table", ""), object["chain"].value("name", "")}];
      }
      if (object.contains("rule")) read_rule(object["rule"]);
    }
  }
  const ChainPorts& ports() const { return ports_; }

 private:
  static std::vector<PortInterval> value(json v) {
    if (v.is_object() && v.contains("elem")) v = v["elem"]["val"];
    if (v.is_number_integer()) {
      auto port = v.get<uint16_t>();
      return {{port, port}};
    }
    if (v.is_string() && v.get<std::string>() == "*") return {{0, 65535}};
    if (v.is_object() && v.contains("range")) {
      return {{v["range"][0].get<uint16_t>(), v["range"][1].get<uint16_t>()}};
    }
    return {};
  }
  static const json* component(const json& v, size_t k) {
    const json& inner = v.is_object() && v.contains("elem") ? v["elem"]["val"] : v;
    if (inner.is_object() && inner.contains("concat")) {
      return k < inner["concat"].size() ? &inner["concat"][k] : nullptr;
    }
    return k == 0 ? &inner : nullptr;
  }
  std::vector<PortInterval> values(const json& right, size_t k, const std::string& tables) const {
    std::vector<PortInterval> out;
    auto add = [&](const json& element) {
      const json& key = element.is_array() ? element[0] : element;
      if (const json* part = component(key, k)) {
        for (const PortInterval& i : value(*part)) out.push_back(i);
      }
    };
    if (right.is_string() && right.get<std::string>().starts_with("@")) {
      auto it = sets_.find(tables + right.get<std::string>().substr(1));
      if (it != sets_.end() && it->second.contains("elem")) {
        for (const json& element : it->second["elem"]) add(element);
      }
    } else if (right.is_object() && right.contains("set")) {
      for (const json& element : right["set"]) add(element);
    } else {
      add(right);
    }
    return out;
  }
  void read_rule(const json& rule) {
    std::string tables = rule.value("family", "") + " " + rule.value("table", "") + " ";
    RulePorts ports;
    bool seen_destination = false;
    std::vector<PortInterval> nat;
    for (const json& e : rule.at("expr")) {
      const json* left = nullptr;
      const json* right = nullptr;
      std::string op = "==";
      if (e.contains("match")) {
        left = &e["match"]["left"];
        right = &e["match"]["right"];
        op = e["match"].value("op", "==");
      } else if (e.contains("vmap")) {
        left = &e["vmap"]["key"];
        right = &e["vmap"]["data"];
      }
      for (const char* kind : {"dnat", "snat", "redirect", "masquerade", "tproxy"}) {
        if (e.contains(kind) && e[kind].is_object() && e[kind].contains("port")) {
          for (const PortInterval& i : value(e[kind]["port"])) nat.push_back(i);
        }
      }
      if (left == nullptr) continue;
      std::vector<json> lefts;
      if (left->is_object() && left->contains("concat")) {
        for (const json& part : (*left)["concat"]) lefts.push_back(part);
      } else {
        lefts.push_back(*left);
      }
      for (size_t k = 0; k < lefts.size(); ++k) {
        const json& l = lefts[k];
        if (!l.is_object() || !l.contains("payload")) continue;
        std::string field = l["payload"].value("field", "");
        std::string protocol = l["payload"].value("protocol", "");
        if ((field != "dport" && field != "sport") ||
            (protocol != "tcp" && protocol != "udp" && protocol != "sctp" && protocol != "dccp" &&
             protocol != "th" && protocol != "udplite")) {
          continue;
        }
        std::vector<PortInterval> found = values(*right, k, tables);
        if (op == "<" || op == ">" || op == "<=" || op == ">=") {
          uint16_t v = found.at(0).low;
          if (op == "<") found = {{0, static_cast<uint16_t>(v - 1)}};
          if (op == ">") found = {{static_cast<uint16_t>(v + 1), 65535}};
          if (op == "<=") found = {{0, v}};
          if (op == ">=") found = {{v, 65535}};
        }
        bool source = field == "sport";
        auto& side = source ? ports.source : ports.destination;
        side.insert(side.end(), found.begin(), found.end());
        (source ? ports.source_negated : ports.destination_negated) |= op == "!=";
        if (!source) seen_destination = true;
      }
    }
    if (!seen_destination) ports.destination = nat;
    ports.destination = normalize(ports.destination);
    ports.source = normalize(ports.source);
    ports_[{rule.value("table", ""), rule.value("chain", "")}].push_back(std::move(ports));
  }

  std::map<std::string, json> sets_;
  ChainPorts ports_;
};

ChainPorts json_ports(const std::string& text) {
  return JsonPorts(json::parse(text)).ports();
}

// Same ports chain by chain; in the same order unless `any_order` (a hand-written file may list
// its chains' rules differently from nft's listing only where tables or chains repeat).
void expect_agreement(const ChainPorts& fwlint, const ChainPorts& nft, bool any_order,
                      const std::string& what) {
  std::set<std::pair<std::string, std::string>> chains;
  for (const auto& [key, rules] : fwlint) chains.insert(key);
  for (const auto& [key, rules] : nft) chains.insert(key);
  for (const auto& key : chains) {
    std::vector<RulePorts> ours = fwlint.count(key) ? fwlint.at(key) : std::vector<RulePorts>{};
    std::vector<RulePorts> theirs = nft.count(key) ? nft.at(key) : std::vector<RulePorts>{};
    if (any_order) {
      std::sort(ours.begin(), ours.end());
      std::sort(theirs.begin(), theirs.end());
    }
    EXPECT_TRUE(ours == theirs) << what << " chain " << key.first << " " << key.second
                                << "\n  fwlint:" << describe(ours)
                                << "\n  nft -j:" << describe(theirs);
  }
}

std::string input_findings(const Parsed& parsed) {
  std::string text;
  for (const Finding& finding : parsed.result().diagnostics) {
    text += std::to_string(finding.span.line) + ":" + std::to_string(finding.span.column) + " " +
            std::string(finding.check_id) + " " + finding.message + "\n";
  }
  return text;
}

TEST(NftCorpus, EveryFileParsesAndAcceptedFilesHaveNoInputFindings) {
  fs::path corpus = corpus_dir();
  if (corpus.empty()) GTEST_SKIP() << "the shared corpus is not present";
  size_t accepted = 0;
  for (const auto& row : read_tsv(corpus / "SOURCES.tsv")) {
    std::string name = row.at("file");
    SCOPED_TRACE(name);
    Parsed parsed(testing::read_text(corpus / name), Format::kNftables, (corpus / name).string());
    if (row.at("accepted_by_kernel") != "yes") continue;
    ++accepted;
    EXPECT_TRUE(parsed.result().diagnostics.empty()) << input_findings(parsed);
    EXPECT_GT(parsed.ruleset().tables.size(), 0u);
  }
  EXPECT_GE(accepted, 40u);
}

TEST(NftCorpus, PortsAgreeWithTheNftJsonTwins) {
  fs::path corpus = corpus_dir();
  if (corpus.empty()) GTEST_SKIP() << "the shared corpus is not present";
  size_t compared = 0;
  for (const auto& row : read_tsv(corpus / "SOURCES.tsv")) {
    if (row.at("accepted_by_kernel") != "yes") continue;
    std::string name = row.at("file");
    fs::path twin = corpus / "canonical" / (name + ".json");
    fs::path canonical = corpus / "canonical" / (name + ".canonical.nft");
    if (!fs::exists(twin)) continue;
    SCOPED_TRACE(name);
    ChainPorts nft = json_ports(testing::read_text(twin));
    Parsed original(testing::read_text(corpus / name));
    expect_agreement(model_ports(original.ruleset()), nft, true, "original");
    Parsed listing(testing::read_text(canonical));
    EXPECT_TRUE(listing.result().diagnostics.empty()) << input_findings(listing);
    expect_agreement(model_ports(listing.ruleset()), nft, false, "nft list ruleset");
    Parsed json_input(testing::read_text(twin), Format::kNftablesJson);
    EXPECT_TRUE(json_input.result().diagnostics.empty()) << input_findings(json_input);
    expect_agreement(model_ports(json_input.ruleset()), nft, false, "nft -j");
    ++compared;
  }
  EXPECT_GE(compared, 40u);
}

// nftables' own test rulesets and their JSON twins: a wide range of syntax.
TEST(NftCorpus, UpstreamTestDumpsAgreeWithTheirJsonTwins) {
  fs::path corpus = corpus_dir();
  if (corpus.empty()) GTEST_SKIP() << "the shared corpus is not present";
  fs::path dumps = corpus / "upstream-tests" / "dumps";
  size_t compared = 0;
  for (const fs::path& twin : testing::fixtures_in(dumps)) {
    if (twin.extension() != ".json-nft") continue;
    fs::path text = twin;
    text.replace_extension(".nft");
    if (!fs::exists(text) || fs::file_size(text) == 0) continue;
    SCOPED_TRACE(text.filename().string());
    std::string json_text = testing::read_text(twin);
    ChainPorts nft = json_ports(json_text);
    Parsed parsed(testing::read_text(text), Format::kNftables, text.string());
    for (const Finding& finding : parsed.result().diagnostics) {
      // Some dumps include files the test suite creates at run time.
      EXPECT_EQ(finding.check_id, "FW1009") << input_findings(parsed);
    }
    expect_agreement(model_ports(parsed.ruleset()), nft, false, "text");
    Parsed json_input(json_text, Format::kNftablesJson);
    EXPECT_TRUE(json_input.result().diagnostics.empty()) << input_findings(json_input);
    expect_agreement(model_ports(json_input.ruleset()), nft, false, "json");
    ++compared;
  }
  EXPECT_GE(compared, 150u);
}

std::optional<std::string> run(const std::string& command) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string output;
  char buffer[4096];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  if (::pclose(pipe) != 0) return std::nullopt;
  return output;
}

// Loads each accepted file into a scratch network namespace and compares with `nft -j list
// ruleset` there: the kernel's view, not a recorded one.
TEST(NftCorpus, PortsAgreeWithTheKernelsListing) {
  fs::path corpus = corpus_dir();
  if (corpus.empty()) GTEST_SKIP() << "the shared corpus is not present";
  if (::geteuid() != 0 || !run("command -v nft && command -v ip")) {
    GTEST_SKIP() << "needs root, nft and ip to use a scratch network namespace";
  }
  std::string ns = "fwlint-nft-" + std::to_string(::getpid());
  if (!run("ip netns add " + ns + " 2>&1")) GTEST_SKIP() << "cannot create a network namespace";
  size_t compared = 0;
  for (const auto& row : read_tsv(corpus / "SOURCES.tsv")) {
    if (row.at("accepted_by_kernel") != "yes") continue;
    fs::path file = corpus / row.at("file");
    SCOPED_TRACE(file.filename().string());
    // One shell in the namespace per file: flush, load, list.
    std::optional<std::string> listing =
        run("ip netns exec " + ns + " sh -c 'nft flush ruleset && nft -f \"" + file.string() +
            "\" && nft -j list ruleset' 2>/dev/null");
    // A file that needs what this machine lacks (a kernel module) is not fwlint's concern.
    if (!listing) continue;
    Parsed parsed(testing::read_text(file), Format::kNftables, file.string());
    expect_agreement(model_ports(parsed.ruleset()), json_ports(*listing), true, "kernel");
    ++compared;
  }
  run("ip netns del " + ns);
  EXPECT_GE(compared, 40u);
}

}  // namespace
}  // namespace fwlint
