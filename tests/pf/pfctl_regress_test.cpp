// pfctl as the oracle: for every `.in`/`.ok` pair of pfctl's regression tests in the shared
// corpus, the ports of each statement fwlint reads must be the ports pfctl printed for the rules it
// expanded that statement into. fwlint keeps one rule per statement (lists stay lists), so the
// comparison takes, per statement, as many `.ok` lines as pfctl's cartesian expansion yields and
// compares the (source port, destination port) pairs as multisets.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "linter/registry.h"
#include "pf/pf_test_support.h"
#include "support/golden.h"

namespace fwlint::pf_testing {
namespace {

namespace fs = std::filesystem;

// The ports one side of one expanded rule matches, negation applied; empty means any port.
using Side = std::vector<PortInterval>;
using PortPair = std::pair<Side, Side>;

std::string side_text(const Side& side) {
  if (side.empty()) return "any";
  std::string text;
  for (const PortInterval& i : side) {
    text += (text.empty() ? "" : ",") + std::to_string(i.low);
    if (i.high != i.low) text += ":" + std::to_string(i.high);
  }
  return text;
}

// The pairs as a multiset: sorted, then joined.
std::string sorted_text(const std::vector<PortPair>& pairs) {
  std::vector<std::string> texts;
  for (const PortPair& pair : pairs) {
    texts.push_back(" (" + side_text(pair.first) + " -> " + side_text(pair.second) + ")");
  }
  std::sort(texts.begin(), texts.end());
  std::string text;
  for (const std::string& t : texts) text += t;
  return text;
}

std::optional<uint16_t> ok_port(std::string_view word) {
  uint32_t value = 0;
  bool digits = !word.empty();
  for (char c : word) digits = digits && c >= '0' && c <= '9';
  if (digits) {
    for (char c : word) value = value * 10 + static_cast<uint32_t>(c - '0');
    return static_cast<uint16_t>(value);
  }
  for (Transport t : {Transport::kTcp, Transport::kUdp}) {
    if (auto port = Registry::builtin().resolve_service(word, t)) return port;
  }
  return std::nullopt;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> result;
  std::istringstream in{std::string(text)};
  for (std::string word; in >> word;) result.push_back(word);
  return result;
}

// The port spec after ` port ` in one side of a pfctl output line: `= 22`, `!= ssh`,
// `<= 1024`, `220:230`, `28 >< 29`, `28 <> 29`.
std::optional<Side> ok_side(std::string_view part) {
  size_t at = part.find(" port ");
  if (at == std::string_view::npos) return Side{};
  std::vector<std::string> w = words(part.substr(at + 6));
  if (w.empty()) return std::nullopt;
  auto number = [&](size_t i) { return i < w.size() ? ok_port(w[i]) : std::nullopt; };
  std::vector<PortInterval> intervals;
  const std::string& op = w[0];
  if (op == "=" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=") {
    auto p = number(1);
    if (!p) return std::nullopt;
    uint32_t port = *p;
    if (op == "=") intervals = {{*p, *p}};
    if (op == "!=") intervals = complement({{*p, *p}});
    if (op == "<" && port > 0) intervals = {{0, static_cast<uint16_t>(port - 1)}};
    if (op == "<=") intervals = {{0, *p}};
    if (op == ">" && port < 65535) intervals = {{static_cast<uint16_t>(port + 1), 65535}};
    if (op == ">=") intervals = {{*p, 65535}};
    return intervals;
  }
  if (w.size() >= 3 && (w[1] == "><" || w[1] == "<>")) {
    auto low = number(0);
    auto high = number(2);
    if (!low || !high) return std::nullopt;
    if (w[1] == "><" && uint32_t{*low} + 1 < *high) {
      intervals = {{static_cast<uint16_t>(*low + 1), static_cast<uint16_t>(*high - 1)}};
    }
    if (w[1] == "<>") intervals = complement({{*low, *high}});
    return intervals;
  }
  size_t colon = op.find(':');
  auto low = ok_port(op.substr(0, colon));
  auto high = colon == std::string::npos ? low : ok_port(op.substr(colon + 1));
  if (!low || !high) return std::nullopt;
  return Side{{*low, *high}};
}

// A pfctl output line that prints a rule (pfctl also echoes macros, options, tables and queues).
std::optional<std::string> ok_rule(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  if (line.starts_with("@")) line.remove_prefix(std::min(line.size(), line.find(' ') + 1));
  std::vector<std::string> w = words(line);
  if (w.empty() || w[0] == "}" || (w.size() > 1 && w[1] == "=")) return std::nullopt;
  for (const char* other : {"set", "table", "altq", "queue", "load", "include"}) {
    if (w[0] == other) return std::nullopt;
  }
  return " " + std::string(line) + " ";
}

std::optional<PortPair> ok_ports(const std::string& line) {
  std::string_view text = line;
  size_t cut = text.size();
  for (const char* target : {" -> ", " rdr-to ", " nat-to ", " binat-to ", " divert-to ", " af-to ",
                             " route-to ", " reply-to ", " dup-to "}) {
    cut = std::min(cut, text.find(target));
  }
  text = text.substr(0, cut);
  size_t from = text.find(" from ");
  size_t to = text.find(" to ", from == std::string_view::npos ? 0 : from);
  std::string_view source =
      from == std::string_view::npos ? std::string_view() : text.substr(from, to - from);
  std::string_view destination =
      to == std::string_view::npos ? std::string_view() : text.substr(to);
  auto src = ok_side(std::string(source) + " ");
  auto dst = ok_side(std::string(destination) + " ");
  if (!src || !dst) return std::nullopt;
  return PortPair{*src, *dst};
}

// The entries of a port set (tokens that share a span are one entry, e.g. `a <> b`).
std::vector<Side> entries(const PortSet& ports) {
  if (ports.any()) return {Side{}};
  std::vector<std::pair<SourceSpan, Side>> grouped;
  for (const PortToken& token : ports.tokens) {
    auto it = std::find_if(grouped.begin(), grouped.end(),
                           [&](const auto& entry) { return entry.first == token.span; });
    if (it == grouped.end()) {
      grouped.push_back({token.span, {token.interval}});
    } else {
      it->second.push_back(token.interval);
    }
  }
  std::vector<Side> sides;
  for (auto& [span, side] : grouped) {
    side = normalize(side);
    sides.push_back(ports.negated ? complement(side) : side);
  }
  return sides;
}

size_t protocol_count(const Rule& rule) {
  if (!rule.protocol.starts_with("{")) return 1;
  return words(rule.protocol).size() - 2;
}

// How many rules pfctl expands this statement into, and the port pairs among them.
std::vector<PortPair> expansion(const Rule& rule) {
  size_t copies =
      std::max<size_t>(1, std::max(rule.in_interfaces.size(), rule.out_interfaces.size()));
  copies *= protocol_count(rule);
  copies *= std::max<size_t>(1, rule.sources.size());
  copies *= std::max<size_t>(1, rule.destinations.size());
  std::vector<PortPair> pairs;
  for (const Side& source : entries(rule.source_ports)) {
    for (const Side& destination : entries(rule.destination_ports)) {
      for (size_t i = 0; i < copies; ++i) pairs.push_back({source, destination});
    }
  }
  return pairs;
}

std::map<std::string, std::string> source_notes(const fs::path& directory) {
  std::map<std::string, std::string> notes;
  std::istringstream in(testing::read_text(directory / "SOURCES.tsv"));
  for (std::string line; std::getline(in, line);) {
    size_t tab = line.find('\t');
    size_t last = line.rfind('\t');
    if (tab != std::string::npos) notes[line.substr(0, tab)] = line.substr(last + 1);
  }
  return notes;
}

bool pfctl_rejects(const std::string& note) {
  std::string lower = note;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("reject") != std::string::npos;
}

// What is wrong with one pair, or empty when fwlint agrees with pfctl.
std::string compare_pair(const fs::path& in_file, const std::string& note) {
  Parsed parsed(FromFile{in_file});
  if (pfctl_rejects(note)) {
    return parsed.result().diagnostics.empty()
               ? "pfctl rejects it, but fwlint reports no FW1xxx finding\n"
               : "";
  }
  if (!parsed.result().diagnostics.empty()) {
    return "pfctl accepts it, but fwlint reports:\n" + parsed.describe();
  }
  fs::path ok_file = in_file;
  ok_file.replace_extension(".ok");
  std::vector<std::string> printed;
  std::istringstream ok(testing::read_text(ok_file));
  for (std::string line; std::getline(ok, line);) {
    if (auto rule = ok_rule(line)) printed.push_back(*rule);
  }
  std::string problems;
  size_t next = 0;
  for (const Rule* rule : parsed.rules_as_written()) {
    std::vector<PortPair> expected = expansion(*rule);
    std::string where =
        "line " + std::to_string(rule->span.line) + " `" + std::string(rule->text) + "`";
    if (next + expected.size() > printed.size()) {
      return problems + where + ": pfctl printed fewer rules than it expands into\n";
    }
    std::vector<PortPair> actual;
    for (size_t i = 0; i < expected.size(); ++i) {
      auto pair = ok_ports(printed[next + i]);
      if (!pair) return problems + "cannot read the ports of `" + printed[next + i] + "`\n";
      actual.push_back(*pair);
    }
    next += expected.size();
    std::string ours = sorted_text(expected);
    std::string theirs = sorted_text(actual);
    if (ours != theirs) problems += where + ": fwlint" + ours + "; pfctl" + theirs + "\n";
  }
  if (next != printed.size()) problems += "pfctl printed rules fwlint did not read\n";
  return problems;
}

TEST(PfctlRegress, PortsMatchWhatPfctlPrinted) {
  fs::path corpus = testing::shared_dir() / "corpus/pf/pfctl-regress";
  if (testing::shared_dir().empty() || !fs::is_directory(corpus)) {
    GTEST_SKIP() << "no pfctl regression corpus";
  }
  std::string failures;
  int pairs = 0;
  for (const char* system : {"openbsd", "freebsd"}) {
    fs::path directory = corpus / system;
    if (!fs::is_directory(directory)) continue;
    std::map<std::string, std::string> notes = source_notes(directory);
    for (const fs::path& file : testing::fixtures_in(directory)) {
      if (file.extension() != ".in") continue;
      ++pairs;
      std::string problems = compare_pair(file, notes[file.filename().string()]);
      if (!problems.empty())
        failures += std::string(system) + "/" + file.filename().string() + ":\n" + problems;
    }
  }
  EXPECT_GT(pairs, 0);
  EXPECT_TRUE(failures.empty()) << failures;
}

}  // namespace
}  // namespace fwlint::pf_testing
