#include "parsers/pf/lexer.h"

#include "linter/diagnostics.h"

namespace fwlint::pf {

namespace {

bool blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

bool word_char(char c) {
  if (blank(c) || c == '\n') return false;
  switch (c) {
    case '!':
    case '"':
    case '#':
    case '$':
    case '\'':
    case '(':
    case ')':
    case ',':
    case '/':
    case ';':
    case '<':
    case '=':
    case '>':
    case '@':
    case '[':
    case '\\':
    case ']':
    case '{':
    case '|':
    case '}':
      return false;
    default:
      return true;
  }
}

Lexer::Lexer(const SourceFile& file, size_t begin, size_t end, bool value,
             std::vector<Finding>& diagnostics)
    : file_(file),
      data_(file.content()),
      begin_(begin),
      position_(begin),
      end_(end),
      value_(value),
      diagnostics_(diagnostics) {}

Token Lexer::make(TokenKind kind, size_t begin, size_t end, std::string_view text,
                  bool spaced) const {
  Token token;
  token.kind = kind;
  token.text = text;
  token.file = &file_;
  token.begin = static_cast<uint32_t>(begin);
  token.end = static_cast<uint32_t>(end);
  token.outer_begin = token.begin;
  token.outer_end = token.end;
  token.spaced = spaced;
  return token;
}

// pfctl joins a comment ending in `\` with the next line, so the comment runs on.
void Lexer::skip_comment() {
  size_t begin = position_;
  while (position_ < end_ && data_[position_] != '\n') {
    if (data_[position_] == '\\' && position_ + 1 < end_) {
      size_t next = position_ + 1;
      if (data_[next] == '\r' && next + 1 < end_ && data_[next + 1] == '\n') ++next;
      if (data_[next] == '\n') {
        position_ = next + 1;
        continue;
      }
    }
    ++position_;
  }
  std::string_view comment = data_.substr(begin, position_ - begin);
  while (!comment.empty() && blank(comment.back())) comment.remove_suffix(1);
  comment_ = comment;
}

Token Lexer::quoted(bool spaced) {
  size_t begin = position_;
  char quote = data_[position_++];
  while (position_ < end_) {
    char c = data_[position_];
    if (c == quote) {
      ++position_;
      return make(TokenKind::kString, begin, position_,
                  data_.substr(begin + 1, position_ - begin - 2), spaced);
    }
    // A backslash escapes the next byte; before a newline it joins the lines.
    position_ += c == '\\' && position_ + 1 < end_ ? 2 : 1;
  }
  // pfctl runs on to the end of the file; resuming after the quote's line keeps the rest.
  size_t line_end = data_.find('\n', begin);
  position_ = line_end == std::string_view::npos || line_end > end_ ? end_ : line_end;
  diagnostics_.push_back(
      make_diagnostic(kInvalidSyntax, file_.span(begin, begin + 1), "missing closing quote"));
  return make(TokenKind::kString, begin, position_, data_.substr(begin + 1, position_ - begin - 1),
              spaced);
}

Token Lexer::next() {
  bool spaced = position_ == begin_ || blank(data_[position_ - 1]) || data_[position_ - 1] == '\n';
  while (position_ < end_) {
    char c = data_[position_];
    if (blank(c)) {
      ++position_;
      spaced = true;
      continue;
    }
    if (c == '\\') {
      size_t next = position_ + 1;
      if (next < end_ && data_[next] == '\r' && next + 1 < end_ && data_[next + 1] == '\n') ++next;
      // A backslash before a newline joins the lines; before anything else pfctl drops it.
      position_ = next < end_ && data_[next] == '\n' ? next + 1 : position_ + 1;
      spaced = true;
      continue;
    }
    if (c == '#') {
      skip_comment();
      continue;
    }
    if (c == '\n') {
      if (value_) {
        ++position_;
        spaced = true;
        continue;
      }
      Token token = make(TokenKind::kNewline, position_, position_ + 1, comment_, spaced);
      comment_ = {};
      ++position_;
      return token;
    }
    size_t begin = position_;
    if (c == '"' || c == '\'') return quoted(spaced);
    if (c == '$') {
      size_t name_end = begin + 1;
      while (name_end < end_ && name_char(data_[name_end])) ++name_end;
      position_ = name_end > begin + 1 ? name_end : begin + 1;
      if (name_end == begin + 1) return make(TokenKind::kPunct, begin, begin + 1, "$", spaced);
      return make(TokenKind::kMacro, begin, name_end, data_.substr(begin + 1, name_end - begin - 1),
                  spaced);
    }
    char next = position_ + 1 < end_ ? data_[position_ + 1] : '\0';
    auto two = [&](std::string_view op) {
      position_ += 2;
      return make(TokenKind::kPunct, begin, begin + 2, op, spaced);
    };
    if (c == '!' && next == '=') return two("!=");
    if (c == '<' && next == '>') return two("<>");
    if (c == '<' && next == '=') return two("<=");
    if (c == '>' && next == '<') return two("><");
    if (c == '>' && next == '=') return two(">=");
    if (c == '-' && next == '>') return two("->");
    if (c == '-' && !(next >= '0' && next <= '9')) {
      ++position_;
      return make(TokenKind::kPunct, begin, begin + 1, "-", spaced);
    }
    if (!word_char(c)) {
      ++position_;
      return make(TokenKind::kPunct, begin, begin + 1, data_.substr(begin, 1), spaced);
    }
    while (position_ < end_ && word_char(data_[position_])) ++position_;
    return make(TokenKind::kWord, begin, position_, data_.substr(begin, position_ - begin), spaced);
  }
  Token token = make(TokenKind::kEnd, end_, end_, comment_, spaced);
  comment_ = {};
  return token;
}

}  // namespace fwlint::pf
