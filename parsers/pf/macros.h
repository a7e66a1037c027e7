// pf macros (`name = "value"`) and the textual expansion of `$name` that pfctl performs while
// lexing. Every token that comes out of an expansion keeps where it is written (the macro
// definition) and the chain of references that brought it into the statement.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/pf/lexer.h"

namespace fwlint::pf {

struct Macro {
  std::vector<Token> tokens;    // the value, lexed; `$x` inside quotes is expanded on use
  SourceSpan definition_span;   // the whole definition, `name = "value"`
  std::string_view definition;  // its text
  bool glues_right = false;     // the value ends inside a word, which `$if:network` continues
};

class Macros {
 public:
  explicit Macros(std::vector<Finding>& diagnostics) : diagnostics_(diagnostics) {}

  void define(std::string name, Macro macro) { macros_[std::move(name)] = std::move(macro); }
  const Macro* find(std::string_view name) const;

  // Appends what the reference `ref` stands for to `out`; an undefined macro stays the word
  // `$name` (marked undefined) and is remembered in undefined_uses(). Returns whether a word
  // written right after the reference continues the last token.
  bool expand(const Token& ref, std::vector<Token>& out);
  // The word `ref` + `next` (`$if` `:network`) in place of `last`, the end of ref's expansion.
  void glue(Token& last, const Token& ref, const Token& next);

  // References to undefined macros met since the last call.
  std::vector<Token> take_undefined_uses();

 private:
  bool expand(const Token& ref, std::vector<Token>& out, int depth);

  std::map<std::string, Macro, std::less<>> macros_;
  std::vector<Token> undefined_;
  std::deque<std::string> glued_;  // texts of glued words; a deque keeps views stable
  std::vector<Finding>& diagnostics_;
  // Bounds the expansion of one reference (see kMaxExpandedTokens).
  size_t expansion_limit_ = 0;
  bool too_many_tokens_ = false;
  size_t expanded_in_all_ = 0;
};

// The span from `first` to `last` where they are written, when both are written in one place
// (the same file, brought in by the same references); else the span of `first`.
SourceSpan span_between(const Token& first, const Token& last);

// The tokens of one file, macros expanded, with lookahead; tracks the extent of the statement
// being read.
class TokenStream {
 public:
  TokenStream(const SourceFile& file, Macros& macros, std::vector<Finding>& diagnostics);

  const SourceFile& file() const { return file_; }
  const Token& peek(size_t ahead = 0);
  Token next();

  // Starts a statement at the next token; statement_end() follows the tokens taken since.
  void begin_statement();
  uint32_t statement_begin() const { return statement_begin_; }
  uint32_t statement_end() const { return statement_end_; }
  // The macro that expanded to nothing just before `token`, if any (`port $empty`).
  std::optional<std::string_view> empty_macro_before(const Token& token) const;

 private:
  const Token& raw_peek();
  Token raw_next();
  void pull();

  const SourceFile& file_;
  Lexer lexer_;
  Macros& macros_;
  std::optional<Token> raw_ahead_;
  std::deque<Token> pending_;
  uint32_t statement_begin_ = 0;
  uint32_t statement_end_ = 0;
  uint32_t empty_macro_end_ = 0;
  std::string_view empty_macro_;
};

}  // namespace fwlint::pf
