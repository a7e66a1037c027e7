#include "parsers/nftables/lexer.h"

namespace fwlint::nft {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool is_operator(char c) {
  return c == '=' || c == '!' || c == '<' || c == '>' || c == '&' || c == '|' || c == '^' ||
         c == '(' || c == ')';
}

bool ends_word(char c) {
  return is_blank(c) || c == '\n' || c == '{' || c == '}' || c == ';' || c == ',' || c == '"' ||
         c == '#' || is_operator(c);
}

}  // namespace

size_t Lexer::continuation_at(size_t pos) const {
  if (pos >= content_.size() || content_[pos] != '\\') return 0;
  std::string_view rest = content_.substr(pos + 1);
  if (rest.starts_with('\n')) return 2;
  if (rest.starts_with("\r\n")) return 3;
  return 0;
}

std::string_view unquoted(std::string_view text) {
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    return text.substr(1, text.size() - 2);
  }
  if (!text.empty() && text.front() == '"') return text.substr(1);
  return text;
}

std::string_view unquoted(const Token& token) {
  if (token.kind == TokenKind::kString || token.kind == TokenKind::kUnterminatedString) {
    return unquoted(token.text);
  }
  return token.text;
}

const Token& Lexer::peek() {
  if (!has_peeked_) {
    peeked_ = scan();
    has_peeked_ = true;
  }
  return peeked_;
}

Token Lexer::next() {
  if (has_peeked_) {
    has_peeked_ = false;
    return peeked_;
  }
  return scan();
}

Token Lexer::scan() {
  const size_t size = content_.size();
  while (pos_ < size) {
    char c = content_[pos_];
    if (is_blank(c)) {
      ++pos_;
    } else if (size_t joined = continuation_at(pos_)) {
      pos_ += joined;
    } else {
      break;
    }
  }
  if (pos_ >= size) return {TokenKind::kEnd, content_.substr(size, 0)};
  const size_t begin = pos_;
  auto single = [&](TokenKind kind) {
    ++pos_;
    return Token{kind, content_.substr(begin, 1)};
  };
  switch (content_[pos_]) {
    case '\n':
      return single(TokenKind::kNewline);
    case '{':
      return single(TokenKind::kOpenBrace);
    case '}':
      return single(TokenKind::kCloseBrace);
    case ';':
      return single(TokenKind::kSemicolon);
    case ',':
      return single(TokenKind::kComma);
    case '#': {
      size_t end = content_.find('\n', pos_);
      if (end == std::string_view::npos) end = size;
      if (end > begin && content_[end - 1] == '\r') --end;
      pos_ = end;
      return {TokenKind::kComment, content_.substr(begin, end - begin)};
    }
    case '"': {
      size_t end = pos_ + 1;
      while (end < size && content_[end] != '"' && content_[end] != '\n') ++end;
      if (end < size && content_[end] == '"') {
        pos_ = end + 1;
        return {TokenKind::kString, content_.substr(begin, pos_ - begin)};
      }
      size_t stop = end;
      if (stop > begin + 1 && content_[stop - 1] == '\r') --stop;
      pos_ = end;
      return {TokenKind::kUnterminatedString, content_.substr(begin, stop - begin)};
    }
    default:
      break;
  }
  char c = content_[pos_];
  if (is_operator(c)) {
    char following = pos_ + 1 < size ? content_[pos_ + 1] : '\0';
    bool pair = (following == '=' && (c == '=' || c == '!' || c == '<' || c == '>')) ||
                (c == '<' && following == '<') || (c == '>' && following == '>');
    pos_ += pair ? 2 : 1;
    return {TokenKind::kWord, content_.substr(begin, pos_ - begin)};
  }
  while (pos_ < size && !ends_word(content_[pos_]) && continuation_at(pos_) == 0) ++pos_;
  return {TokenKind::kWord, content_.substr(begin, pos_ - begin)};
}

}  // namespace fwlint::nft
