// Finding things inside a rule's own text (Rule::text), for the Dialect's edits and commands.
#pragma once

#include <optional>
#include <string_view>

#include "linter/model.h"

namespace fwlint::iptables {

// The byte offset in rule.text where `position` (a line and column inside the rule) falls.
std::optional<size_t> offset_in_rule(const Rule& rule, uint32_t line, uint32_t column);
// The part of rule.text that `span` covers, or nullopt when it lies outside the rule.
std::optional<std::string_view> text_in_rule(const Rule& rule, const SourceSpan& span);

// The blank-separated words of a statement; quotes group, a backslash-newline is a blank.
class WordScanner {
 public:
  explicit WordScanner(std::string_view text) : text_(text) {}
  // The next word, or an empty view at the end.
  std::string_view next();
  size_t offset() const { return position_; }

 private:
  std::string_view text_;
  size_t position_ = 0;
};

// Where the rule specification starts in rule.text: just after the chain of the command that
// added the rule (`-A INPUT`, `--insert INPUT 3`).
std::optional<size_t> rule_spec_offset(const Rule& rule);

}  // namespace fwlint::iptables
