// Content detection for the two iptables formats.
#include <cctype>

#include "parsers/iptables/iptables_parser.h"
#include "parsers/iptables/lines.h"

namespace fwlint {

namespace {

// Detection looks at the start of the file only: enough to tell, and cheap on huge dumps.
constexpr size_t kSniffBytes = 64 * 1024;

std::string_view head(std::string_view content) {
  content = content.substr(0, std::min(content.size(), kSniffBytes));
  if (size_t nul = content.find('\0'); nul != std::string_view::npos)
    content = content.substr(0, nul);
  return content;
}

std::string_view first_word(std::string_view line) {
  size_t end = 0;
  while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
  return line.substr(0, end);
}

std::string_view after_first_word(std::string_view line) {
  return iptables::trim(line.substr(first_word(line).size()));
}

bool table_line(std::string_view line) {
  return line == "*filter" || line == "*nat" || line == "*mangle" || line == "*raw" ||
         line == "*security";
}

// `:INPUT ACCEPT [0:0]`, `:DOCKER - [0:0]`.
bool chain_line(std::string_view line) {
  if (line.size() < 2 || line[0] != ':') return false;
  std::string_view policy = first_word(after_first_word(line));
  return policy == "ACCEPT" || policy == "DROP" || policy == "-" || policy == "RETURN" ||
         policy == "QUEUE";
}

bool rule_line(std::string_view line) {
  std::string_view word = first_word(line);
  return word == "-A" || word == "--append" || word == "-I" || word == "--insert";
}

bool iptables_word(std::string_view word) {
  size_t slash = word.rfind('/');
  std::string_view name = slash == std::string_view::npos ? word : word.substr(slash + 1);
  return name == "iptables" || name == "ip6tables" || name.starts_with("iptables-legacy") ||
         name.starts_with("iptables-nft") || name.starts_with("ip6tables-legacy") ||
         name.starts_with("ip6tables-nft");
}

bool iptables_variable(std::string_view word, std::string_view rest) {
  if (word.size() < 2 || word[0] != '$' || rest.empty() || rest[0] != '-') return false;
  std::string upper;
  for (char c : word) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper.find("SAVE") != std::string::npos || upper.find("RESTORE") != std::string::npos) {
    return false;
  }
  std::string_view option = first_word(rest);
  return upper.find("IPT") != std::string::npos || upper.find("IP6T") != std::string::npos ||
         option == "-A" || option == "-I" || option == "-N" || option == "-P";
}

bool script_command(std::string_view command) {
  command = iptables::trim(command);
  for (std::string_view prefix : {"sudo", "do", "then", "else", "{"}) {
    if (first_word(command) == prefix) command = after_first_word(command);
  }
  std::string_view word = first_word(command);
  return iptables_word(word) || iptables_variable(word, after_first_word(command));
}

// Whether any command of the line (split at `;`, `&&`, `||`, `|`) runs iptables.
bool script_line(std::string_view line) {
  while (true) {
    size_t separator = line.find_first_of(";&|");
    if (script_command(line.substr(0, separator))) return true;
    if (separator == std::string_view::npos) return false;
    line.remove_prefix(separator + 1);
  }
}

bool ends_with(std::string_view path, std::string_view suffix) {
  return path.ends_with(suffix);
}

}  // namespace

int sniff_iptables_save(std::string_view content, std::string_view path) {
  int tables = 0;
  int chains = 0;
  int rules = 0;
  int commands = 0;
  iptables::for_each_line(head(content), [&](std::string_view line) {
    line = iptables::trim(line);
    if (table_line(line)) ++tables;
    if (chain_line(line)) ++chains;
    if (rule_line(line)) ++rules;
    if (script_line(line)) ++commands;
  });
  int hint = ends_with(path, ".v4") || ends_with(path, ".v6") || ends_with(path, ".rules") ||
                     ends_with(path, ".save")
                 ? 5
                 : 0;
  if (tables > 0 && chains + rules > 0) return 90 + hint;
  if (tables > 0) return 60 + hint;
  if (rules > 0 && commands == 0) return 40 + hint;
  return 0;
}

int sniff_iptables_script(std::string_view content, std::string_view path) {
  int commands = 0;
  iptables::for_each_line(head(content), [&](std::string_view line) {
    if (script_line(iptables::trim(line))) ++commands;
  });
  if (commands == 0) return 0;
  return 80 + (ends_with(path, ".sh") ? 5 : 0);
}

}  // namespace fwlint
