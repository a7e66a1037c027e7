// Shell variables with literal values, and expanding words into iptables arguments while keeping
// where every character was written: `$PORTS` in a rule yields the characters of the assignment
// `PORTS="22,658"`, reached through the reference `$PORTS`.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parsers/iptables/arg.h"
#include "parsers/iptables/shell_lexer.h"

namespace fwlint::iptables {

// Characters written contiguously in the file, and the references that brought them here.
struct Segment {
  std::string_view source;
  std::vector<RefView> via;  // outermost first
};

// One field of an expansion (a word after splitting), or a variable's value.
struct Field {
  std::vector<Segment> segments;
  bool resolved = true;  // false: the script computes the value, or never assigns it literally
  std::string_view definition;  // a variable's value: its assignment or loop header as written

  std::string text() const;
};

class Environment {
 public:
  // Undefined names and values the script computes give unresolved fields.
  const Field* find(std::string_view name) const;
  void assign(std::string_view name, Field value);

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, Field, Hash, std::equal_to<>> variables_;
};

// The fields of `parts` (all of a word, or the value part of an assignment). Unquoted
// expansions are split at blanks when `split`; an unresolved part makes a single unresolved
// field, whose `unresolved` is set to that part as written.
std::vector<Field> expand(std::span<const WordPart> parts, const Environment& environment,
                          bool split, std::string_view* unresolved);

// Appends the fields of `word` to `out` as arguments.
void expand_to_args(const Word& word, const Environment& environment, ArgList& out);
// Appends one resolved field, written as `word` in the command, to `out`.
void field_to_arg(const Field& field, const Word& word, ArgList& out);

}  // namespace fwlint::iptables
