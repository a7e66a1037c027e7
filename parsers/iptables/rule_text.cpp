#include "parsers/iptables/rule_text.h"

#include <cctype>

namespace fwlint::iptables {

std::optional<size_t> offset_in_rule(const Rule& rule, uint32_t line, uint32_t column) {
  uint32_t current_line = rule.span.line;
  uint32_t current_column = rule.span.column;
  for (size_t i = 0; i <= rule.text.size(); ++i) {
    if (current_line == line && current_column == column) return i;
    if (i == rule.text.size()) break;
    if (rule.text[i] == '\n') {
      ++current_line;
      current_column = 1;
    } else {
      ++current_column;
    }
  }
  return std::nullopt;
}

std::optional<std::string_view> text_in_rule(const Rule& rule, const SourceSpan& span) {
  if (!span.valid()) return std::nullopt;
  auto begin = offset_in_rule(rule, span.line, span.column);
  auto end = offset_in_rule(rule, span.end_line, span.end_column);
  if (!begin || !end || *end < *begin) return std::nullopt;
  return rule.text.substr(*begin, *end - *begin);
}

std::string_view WordScanner::next() {
  auto blank = [this](size_t i) {
    char c = text_[i];
    if (c == '\\' && i + 1 < text_.size() && (text_[i + 1] == '\n' || text_[i + 1] == '\r')) {
      return true;
    }
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  };
  while (position_ < text_.size() && blank(position_)) ++position_;
  size_t begin = position_;
  char quote = 0;
  while (position_ < text_.size()) {
    char c = text_[position_];
    if (quote != 0) {
      if (c == '\\' && quote == '"') ++position_;
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (blank(position_)) {
      break;
    }
    ++position_;
  }
  if (position_ > text_.size()) position_ = text_.size();
  return text_.substr(begin, position_ - begin);
}

std::optional<size_t> rule_spec_offset(const Rule& rule) {
  WordScanner words(rule.text);
  for (std::string_view word = words.next(); !word.empty(); word = words.next()) {
    bool insert = word == "-I" || word == "--insert";
    if (word != "-A" && word != "--append" && !insert) continue;
    if (words.next().empty()) return std::nullopt;
    size_t after_chain = words.offset();
    if (insert) {
      std::string_view position = words.next();
      bool number = !position.empty();
      for (char c : position) number = number && std::isdigit(static_cast<unsigned char>(c));
      if (number) after_chain = words.offset();
    }
    return after_chain;
  }
  return std::nullopt;
}

}  // namespace fwlint::iptables
