#include "parsers/iptables/script_commands.h"

#include <cctype>

namespace fwlint::iptables {

namespace {

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// The length of NAME in a leading `NAME=` literal, or 0.
size_t assignment_name(const Word& word) {
  if (word.parts.empty() || word.parts[0].kind != WordPart::Kind::kLiteral ||
      word.parts[0].quoted) {
    return 0;
  }
  std::string_view text = word.parts[0].text;
  size_t equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0) return 0;
  if (std::isdigit(static_cast<unsigned char>(text[0]))) return 0;
  for (size_t i = 0; i < equals; ++i) {
    if (!name_char(text[i])) return 0;
  }
  return equals;
}

void assign(const Word& word, size_t name_length, Environment& environment) {
  std::string_view first = word.parts[0].text;
  std::vector<WordPart> value;
  if (first.size() > name_length + 1) {
    value.push_back({WordPart::Kind::kLiteral, first.substr(name_length + 1), {}, false});
  }
  value.insert(value.end(), word.parts.begin() + 1, word.parts.end());
  std::string_view unresolved;
  std::vector<Field> fields = expand(value, environment, false, &unresolved);
  Field field;
  if (!unresolved.empty()) {
    field.resolved = false;
  } else if (!fields.empty()) {
    field = std::move(fields.front());
  }
  field.definition = word.raw;
  environment.assign(first.substr(0, name_length), std::move(field));
}

std::string_view literal(const Word& word) {
  if (word.parts.size() != 1 || word.parts[0].kind != WordPart::Kind::kLiteral) return {};
  return word.parts[0].text;
}

std::optional<Family> iptables_family(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (std::string_view suffix : {"-legacy", "-nft"}) {
    if (name.ends_with(suffix)) name.remove_suffix(suffix.size());
  }
  if (name == "iptables") return Family::kIpv4;
  if (name == "ip6tables") return Family::kIpv6;
  return std::nullopt;
}

bool contains_upper(std::string_view name, std::string_view word) {
  std::string upper;
  for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper.find(word) != std::string::npos;
}

// IPT, IPTABLES, IP6TABLES, ipt6… but not IPTABLES_SAVE or IPTABLES_RESTORE.
bool iptables_variable_name(std::string_view name) {
  return contains_upper(name, "IPT") || contains_upper(name, "IP6T") ||
         contains_upper(name, "IPV6T");
}

bool other_tool_name(std::string_view name) {
  return contains_upper(name, "SAVE") || contains_upper(name, "RESTORE") ||
         contains_upper(name, "XML") || contains_upper(name, "TRANSLATE");
}

bool option_word(const Word& word) {
  std::string_view text = literal(word);
  return text.size() >= 2 && text[0] == '-';
}

}  // namespace

size_t apply_assignments(std::span<const Word> words, Environment& environment) {
  if (words.empty()) return 0;
  std::string_view head = literal(words[0]);
  if (head == "export" || head == "local" || head == "readonly" || head == "declare" ||
      head == "typeset") {
    for (const Word& word : words.subspan(1)) {
      if (size_t name = assignment_name(word)) assign(word, name, environment);
    }
    return words.size();
  }
  size_t count = 0;
  while (count < words.size() && assignment_name(words[count]) != 0) ++count;
  if (count == words.size()) {
    for (const Word& word : words) assign(word, assignment_name(word), environment);
  }
  return count;
}

std::optional<IptablesInvocation> find_iptables(std::span<const Word> words,
                                                const Environment& environment) {
  size_t i = 0;
  while (i < words.size()) {
    std::string_view head = literal(words[i]);
    if (head == "sudo" || head == "env" || head == "nice" || head == "nohup" || head == "command" ||
        head == "exec" || head == "eval") {
      ++i;
      while (i < words.size() && option_word(words[i])) ++i;
      continue;
    }
    break;
  }
  if (i >= words.size()) return std::nullopt;
  const Word& word = words[i];
  IptablesInvocation invocation;
  invocation.word = i;
  if (word.parts.size() == 1 && word.parts[0].kind == WordPart::Kind::kVariable) {
    std::string_view name = word.parts[0].name;
    const Field* value = environment.find(name);
    if (value != nullptr && value->resolved) {
      std::vector<Field> fields = expand(word.parts, environment, true, nullptr);
      if (fields.empty()) return std::nullopt;
      auto family = iptables_family(fields.front().text());
      if (!family) return std::nullopt;
      invocation.family = *family;
      invocation.extra_args.assign(std::make_move_iterator(fields.begin() + 1),
                                   std::make_move_iterator(fields.end()));
      return invocation;
    }
    if (!iptables_variable_name(name) || other_tool_name(name)) return std::nullopt;
    if (i + 1 >= words.size() || !option_word(words[i + 1])) return std::nullopt;
    bool six = name.find('6') != std::string_view::npos;
    invocation.family = six ? Family::kIpv6 : Family::kIpv4;
    return invocation;
  }
  auto family = iptables_family(literal(word));
  if (!family) return std::nullopt;
  invocation.family = *family;
  return invocation;
}

}  // namespace fwlint::iptables
