// Recognising nft text and `nft -j` JSON from their first statements.
#include <algorithm>
#include <array>

#include "parsers/nftables/nftables_parser.h"
#include "parsers/nftables/vocabulary.h"

namespace fwlint {

namespace {

constexpr int kLinesLooked = 400;

std::string_view trim(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  return line;
}

// The blank-separated words of a line, up to `count`.
std::array<std::string_view, 4> words(std::string_view line) {
  std::array<std::string_view, 4> result;
  for (std::string_view& word : result) {
    line = trim(line);
    size_t end = line.find_first_of(" \t{;");
    word = line.substr(0, end);
    line.remove_prefix(word.size());
  }
  return result;
}

bool nft_path(std::string_view path) {
  return path.ends_with(".nft") || path.ends_with("nftables.conf") ||
         path.find("nftables") != std::string_view::npos;
}

// 2 for a line only nft writes, 1 for a line nft shares with other formats, 0 otherwise.
int line_points(std::string_view line) {
  auto [first, second, third, fourth] = words(line);
  if (first == "flush" && second == "ruleset") return 2;
  if (first == "table" && !second.empty() && !second.starts_with('<')) return 2;
  if ((first == "add" || first == "insert" || first == "create") &&
      (second == "table" || second == "chain" || second == "rule" || second == "set" ||
       second == "map" || second == "element")) {
    return 2;
  }
  if (first == "chain" && line.find('{') != std::string_view::npos) return 2;
  if (first == "type" && third == "hook") return 2;
  if (first == "define" && third == "=") return 1;
  if (first == "include" && second.starts_with('"')) return 1;
  return 0;
}

}  // namespace

int sniff_nftables(std::string_view content, std::string_view path) {
  std::string_view rest = content.substr(0, std::min<size_t>(content.size(), 64 * 1024));
  int strong = 0;
  int weak = 0;
  for (int count = 0; count < kLinesLooked && !rest.empty(); ++count) {
    size_t newline = rest.find('\n');
    std::string_view line = trim(rest.substr(0, newline));
    rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
    if (count == 0 && line.starts_with("#!") && line.find("nft") != std::string_view::npos) {
      return 95;
    }
    if (line.empty() || line.front() == '#') continue;
    int points = line_points(line);
    if (points == 2) ++strong;
    if (points == 1) ++weak;
    if (strong >= 2) break;
  }
  int hint = nft_path(path) ? 5 : 0;
  if (strong > 0) return 90 + hint;
  if (weak > 0) return 50 + hint;
  return 0;
}

int sniff_nftables_json(std::string_view content, std::string_view) {
  size_t start = content.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || content[start] != '{') return 0;
  std::string_view head = content.substr(start, 256);
  size_t key = head.find("\"nftables\"");
  if (key == std::string_view::npos) return 0;
  return head.find_first_not_of(" \t\r\n", 1) == key ? 95 : 0;
}

}  // namespace fwlint
