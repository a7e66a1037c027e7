// Splitting nft text into tokens the way nft's scanner groups characters, over views into the
// file: no allocation per token.
#pragma once

#include <cstdint>
#include <string_view>

namespace fwlint::nft {

enum class TokenKind : uint8_t {
  kWord,        // keywords, names, numbers, addresses, ranges, `@set`, `$var`, operators
  kString,      // "…", quotes included in the text
  kOpenBrace,   // {
  kCloseBrace,  // }
  kSemicolon,
  kComma,
  kNewline,
  kComment,             // from `#` to the end of the line, `#` included
  kUnterminatedString,  // a `"` with no closing quote on its line; the text runs to the line end
  kEnd,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string_view text;  // a view into the lexed content

  bool is(std::string_view word) const { return kind == TokenKind::kWord && text == word; }
};

// Words end at blanks and at `{ } ; , " #`; the operators `== != <= >= << >> < > ! = & | ^ ( )`
// are words of their own. A backslash before a line break joins the lines. Colons, dots, dashes
// and slashes stay inside words (`fe80::1`, `10.0.0.1:658`, `600-700`, `10/second`), so callers
// split those where the grammar says so.
class Lexer {
 public:
  explicit Lexer(std::string_view content) : content_(content) {}

  Token next();
  const Token& peek();
  // The bytes not read yet (after any peeked token).
  size_t offset() const { return pos_; }

 private:
  Token scan();
  // The length of a backslash-newline at `pos`, or 0.
  size_t continuation_at(size_t pos) const;

  std::string_view content_;
  size_t pos_ = 0;
  Token peeked_;
  bool has_peeked_ = false;
};

// The text of a string token without its quotes; other tokens unchanged.
std::string_view unquoted(const Token& token);
std::string_view unquoted(std::string_view text);

}  // namespace fwlint::nft
