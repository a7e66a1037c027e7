// Recognising pf.conf: its statements at the start of lines, and never iptables or nftables.
#include <algorithm>
#include <string_view>

#include "parsers/pf/pf_parser.h"

namespace fwlint {

namespace {

constexpr int kLinesLooked = 400;

std::string_view trim_left(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  return line;
}

std::string_view first_word(std::string_view line) {
  size_t end = line.find_first_of(" \t\r=\"{");
  return line.substr(0, end);
}

std::string_view second_word(std::string_view line) {
  std::string_view first = first_word(line);
  return first_word(trim_left(line.substr(first.size())));
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (w == word) return true;
  }
  return false;
}

// How strongly one line says "pf": 0 for neutral lines, negative for other formats.
int line_score(std::string_view line) {
  std::string_view word = first_word(line);
  std::string_view next = second_word(line);
  if (line.starts_with("*filter") || line.starts_with("*nat") || line.starts_with(":INPUT") ||
      line.starts_with("-A ") || line == "COMMIT") {
    return -1000;
  }
  if (one_of(word, {"iptables", "ip6tables", "nft", "flush", "chain", "define"}) ||
      (word == "table" && !next.starts_with("<"))) {
    return -1000;
  }
  if (one_of(word, {"pass", "block", "match"}) &&
      (next.empty() ||
       one_of(next, {"in", "out", "quick", "log", "on", "inet", "inet6", "proto", "from", "to",
                     "all", "drop", "return", "return-rst", "return-icmp", "return-icmp6"}))) {
    return 30;
  }
  if (one_of(word, {"antispoof", "scrub", "nat-anchor", "rdr-anchor", "binat-anchor",
                    "scrub-anchor", "dummynet-anchor", "altq"})) {
    return 20;
  }
  if ((word == "set" && one_of(next, {"skip", "block-policy", "loginterface", "optimization",
                                      "ruleset-optimization", "state-policy", "limit", "timeout",
                                      "require-order", "fingerprints", "reassemble"})) ||
      (word == "table" && next.starts_with("<")) || (word == "anchor") ||
      (word == "load" && next == "anchor") ||
      (word == "ether" && one_of(next, {"pass", "block"})) ||
      (one_of(word, {"nat", "rdr", "binat"}) && one_of(next, {"on", "pass", "log", "inet"}))) {
    return 20;
  }
  // name = "value": pf macros, but shell scripts assign that way too.
  size_t equals = line.find('=');
  if (equals != std::string_view::npos && equals > 0 && !word.empty() &&
      word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") ==
          std::string_view::npos) {
    return 2;
  }
  return 0;
}

bool pf_path(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return name == "pf.conf" || name.ends_with(".pf") || name.ends_with(".pf.conf") ||
         path.find("pf.anchors") != std::string_view::npos;
}

}  // namespace

int sniff_pf(std::string_view content, std::string_view path) {
  int score = 0;
  for (int count = 0; count < kLinesLooked && !content.empty(); ++count) {
    size_t newline = content.find('\n');
    std::string_view line = trim_left(content.substr(0, newline));
    content.remove_prefix(newline == std::string_view::npos ? content.size() : newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (count == 0 && line.starts_with("#!")) return 0;  // a script, not a configuration
    if (line.empty() || line.front() == '#') continue;
    int points = line_score(line);
    if (points < 0) return 0;
    score += points;
    if (score >= 90) break;
  }
  if (score > 0 && pf_path(path)) score += 10;
  return std::min(score, 95);
}

}  // namespace fwlint
