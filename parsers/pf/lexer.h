// The lexemes of pf.conf, cut as pfctl's lexer cuts them: words (numbers, names, addresses and
// `a:b` ranges are all words), quoted strings, `$macro` references, operators and punctuation,
// and the newlines that end statements. `\` before a newline joins lines; `#` starts a comment.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "linter/finding.h"
#include "linter/model.h"
#include "linter/source.h"

namespace fwlint::pf {

enum class TokenKind : uint8_t { kWord, kString, kMacro, kPunct, kNewline, kEnd };

struct Token {
  TokenKind kind = TokenKind::kEnd;
  // A word; a string's contents without the quotes; a macro's name without `$`; an operator
  // ("{", "!=", "->"); for a newline or the end, the comment on the line it ends.
  std::string_view text;
  const SourceFile* file = nullptr;  // where the lexeme is written
  uint32_t begin = 0;  // byte offsets of the lexeme in `file`, quotes and `$` included
  uint32_t end = 0;
  bool spaced = true;          // a blank or a line start precedes it, so no word glues onto it
  bool undefined = false;      // a `$macro` without definition, kept as the word `$name`
  std::vector<Reference> via;  // the macro references that brought it in, outermost first
  // Where it stands in the statement being read: itself, or the `$macro` that brought it.
  uint32_t outer_begin = 0;
  uint32_t outer_end = 0;

  bool is(TokenKind k, std::string_view t) const { return kind == k && text == t; }
  bool is_word(std::string_view t) const { return is(TokenKind::kWord, t); }
  bool is_punct(std::string_view t) const { return is(TokenKind::kPunct, t); }
  bool ends_line() const { return kind == TokenKind::kNewline || kind == TokenKind::kEnd; }
  SourceSpan span() const { return file->span(begin, end); }
};

// Whether pfctl keeps `c` inside a word (it ends words at blanks and at `!"#$'(),/;<=>@[\]{|}`).
bool word_char(char c);

class Lexer {
 public:
  // Lexes bytes [begin, end) of `file`. A macro value (`value`) is one line: newlines are blanks.
  Lexer(const SourceFile& file, size_t begin, size_t end, bool value,
        std::vector<Finding>& diagnostics);
  explicit Lexer(const SourceFile& file, std::vector<Finding>& diagnostics)
      : Lexer(file, 0, file.content().size(), false, diagnostics) {}

  Token next();

 private:
  Token make(TokenKind kind, size_t begin, size_t end, std::string_view text, bool spaced) const;
  void skip_comment();
  Token quoted(bool spaced);

  const SourceFile& file_;
  std::string_view data_;  // the whole file
  size_t begin_;
  size_t position_;
  size_t end_;
  bool value_;
  std::string_view comment_;
  std::vector<Finding>& diagnostics_;
};

}  // namespace fwlint::pf
