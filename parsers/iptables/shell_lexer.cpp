#include "parsers/iptables/shell_lexer.h"

#include <cctype>
#include <string>

#include "linter/diagnostics.h"

namespace fwlint::iptables {

namespace {

bool name_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

bool is_name(std::string_view text) {
  if (text.empty() || !name_start(text[0])) return false;
  for (char c : text) {
    if (!name_char(c)) return false;
  }
  return true;
}

class ShellLexer {
 public:
  ShellLexer(const SourceFile& file, std::vector<Finding>& diagnostics)
      : file_(file), text_(file.content()), diagnostics_(diagnostics) {}

  std::vector<ShellCommand> run();

 private:
  char peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool at_continuation() const {
    return peek() == '\\' && (peek(1) == '\n' || (peek(1) == '\r' && peek(2) == '\n'));
  }
  void skip_continuation() { pos_ += peek(1) == '\r' ? 3 : 2; }
  bool word_end(char c) const {
    return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' ||
           c == ')' || c == '<' || c == '>' || (c == '\r' && peek(1) == '\n');
  }
  size_t line_end(size_t from) const {
    size_t end = text_.find('\n', from);
    return end == std::string_view::npos ? text_.size() : end;
  }

  void end_command();
  void skip_here_documents();
  void read_word(Word& word);
  void read_single_quoted(Word& word);
  void read_double_quoted(Word& word);
  void read_dollar(Word& word, bool quoted);
  void read_backquote(Word& word, bool quoted);
  void read_redirection();
  // The index of the `close` that balances the `open` at `from`, or npos.
  size_t find_closing(size_t from, char open, char close) const;
  // The index of the quote closing the one at `from`, or npos.
  size_t find_quote_end(size_t from) const;
  void unterminated(size_t open, Word& word, bool quoted);

  const SourceFile& file_;
  std::string_view text_;
  std::vector<Finding>& diagnostics_;
  size_t pos_ = 0;
  std::vector<ShellCommand> commands_;
  ShellCommand current_;
  struct HereDocument {
    std::string delimiter;
    bool strip_tabs;
  };
  std::vector<HereDocument> here_documents_;
};

std::vector<ShellCommand> ShellLexer::run() {
  while (pos_ < text_.size()) {
    char c = peek();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++pos_;
    } else if (at_continuation()) {
      skip_continuation();
    } else if (c == '\n') {
      end_command();
      ++pos_;
      skip_here_documents();
    } else if (c == '#') {
      pos_ = line_end(pos_);
    } else if (c == '<' || c == '>' || (c == '&' && peek(1) == '>')) {
      read_redirection();
    } else if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
      end_command();
      ++pos_;
    } else {
      Word word;
      read_word(word);
      bool io_number = !word.quoted && !word.raw.empty() && (peek() == '<' || peek() == '>');
      for (char d : word.raw) io_number = io_number && std::isdigit(static_cast<unsigned char>(d));
      if (!io_number) current_.words.push_back(std::move(word));
    }
  }
  end_command();
  return std::move(commands_);
}

void ShellLexer::end_command() {
  if (current_.words.empty()) return;
  const char* begin = current_.words.front().raw.data();
  std::string_view last = current_.words.back().raw;
  current_.text = std::string_view(begin, static_cast<size_t>(last.data() + last.size() - begin));
  commands_.push_back(std::move(current_));
  current_ = ShellCommand();
}

void ShellLexer::skip_here_documents() {
  for (const HereDocument& document : here_documents_) {
    while (pos_ < text_.size()) {
      size_t end = line_end(pos_);
      std::string_view line = text_.substr(pos_, end - pos_);
      pos_ = end + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (document.strip_tabs) {
        while (!line.empty() && line.front() == '\t') line.remove_prefix(1);
      }
      if (line == document.delimiter) break;
    }
  }
  here_documents_.clear();
  if (pos_ > text_.size()) pos_ = text_.size();
}

void ShellLexer::read_redirection() {
  bool here_document = false;
  bool strip_tabs = false;
  if (peek() == '&') ++pos_;
  char op = peek();
  ++pos_;
  if (op == '<' && peek() == '<' && peek(1) == '<') {
    pos_ += 2;  // a here-string: its word is read and dropped below
  } else if (op == '<' && peek() == '<') {
    ++pos_;
    here_document = true;
    if (peek() == '-') {
      ++pos_;
      strip_tabs = true;
    }
  } else if (peek() == '>' || peek() == '&' || peek() == '|' || (op == '<' && peek() == '>')) {
    ++pos_;
  }
  while (peek() == ' ' || peek() == '\t' || at_continuation()) {
    if (at_continuation()) {
      skip_continuation();
    } else {
      ++pos_;
    }
  }
  if (pos_ >= text_.size() || word_end(peek())) return;
  Word target;
  read_word(target);
  if (!here_document) return;
  std::string delimiter;
  for (const WordPart& part : target.parts) delimiter += part.text;
  here_documents_.push_back({std::move(delimiter), strip_tabs});
}

void ShellLexer::read_word(Word& word) {
  size_t start = pos_;
  size_t literal = pos_;
  auto flush = [&](size_t end) {
    if (end > literal) {
      word.parts.push_back(
          {WordPart::Kind::kLiteral, text_.substr(literal, end - literal), {}, false});
    }
  };
  while (pos_ < text_.size() && !word_end(peek())) {
    char c = peek();
    if (at_continuation()) {
      flush(pos_);
      skip_continuation();
      literal = pos_;
    } else if (c == '\\') {
      flush(pos_);
      literal = ++pos_;  // the escaped character starts the next literal run
      if (pos_ < text_.size()) ++pos_;
    } else if (c == '\'' || c == '"' || c == '$' || c == '`') {
      flush(pos_);
      if (c == '\'') {
        read_single_quoted(word);
      } else if (c == '"') {
        read_double_quoted(word);
      } else if (c == '$') {
        read_dollar(word, false);
      } else {
        read_backquote(word, false);
      }
      literal = pos_;
    } else {
      ++pos_;
    }
  }
  flush(pos_);
  word.raw = text_.substr(start, pos_ - start);
}

void ShellLexer::unterminated(size_t open, Word& word, bool quoted) {
  diagnostics_.push_back(
      make_diagnostic(kInvalidSyntax, file_.span(open, open + 1), "unterminated quoted string"));
  size_t end = line_end(open);
  if (end > open && text_[end - 1] == '\r') --end;
  if (end > open + 1) {
    word.parts.push_back(
        {WordPart::Kind::kLiteral, text_.substr(open + 1, end - open - 1), {}, quoted});
  }
  pos_ = end;
}

size_t ShellLexer::find_quote_end(size_t from) const {
  char quote = text_[from];
  for (size_t i = from + 1; i < text_.size(); ++i) {
    if (quote == '"' && text_[i] == '\\') {
      ++i;
    } else if (text_[i] == quote) {
      return i;
    }
  }
  return std::string_view::npos;
}

void ShellLexer::read_single_quoted(Word& word) {
  size_t open = pos_;
  word.quoted = true;
  size_t close = find_quote_end(open);
  if (close == std::string_view::npos) {
    unterminated(open, word, true);
    return;
  }
  word.parts.push_back(
      {WordPart::Kind::kLiteral, text_.substr(open + 1, close - open - 1), {}, true});
  pos_ = close + 1;
}

void ShellLexer::read_double_quoted(Word& word) {
  size_t open = pos_;
  size_t parts_before = word.parts.size();
  word.quoted = true;
  size_t literal = ++pos_;
  auto flush = [&](size_t end) {
    if (end > literal) {
      word.parts.push_back(
          {WordPart::Kind::kLiteral, text_.substr(literal, end - literal), {}, true});
    }
  };
  while (pos_ < text_.size() && peek() != '"') {
    char c = peek();
    char escaped = peek(1);
    if (c == '\\' && (escaped == '$' || escaped == '`' || escaped == '"' || escaped == '\\' ||
                      escaped == '\n')) {
      flush(pos_);
      pos_ += escaped == '\n' ? 2 : 1;  // an escaped newline disappears
      literal = pos_;
      if (escaped != '\n') ++pos_;
    } else if (c == '$') {
      flush(pos_);
      read_dollar(word, true);
      literal = pos_;
    } else if (c == '`') {
      flush(pos_);
      read_backquote(word, true);
      literal = pos_;
    } else {
      ++pos_;
    }
  }
  if (pos_ >= text_.size()) {
    word.parts.resize(parts_before);
    unterminated(open, word, true);
    return;
  }
  flush(pos_);
  ++pos_;
}

size_t ShellLexer::find_closing(size_t from, char open, char close) const {
  int depth = 0;
  for (size_t i = from; i < text_.size(); ++i) {
    char c = text_[i];
    if (c == '\\') {
      ++i;
    } else if ((c == '\'' || c == '"') && open != c) {
      size_t end = find_quote_end(i);
      if (end == std::string_view::npos) return end;
      i = end;
    } else if (c == open) {
      ++depth;
    } else if (c == close && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

void ShellLexer::read_dollar(Word& word, bool quoted) {
  size_t start = pos_;
  char next = peek(1);
  auto opaque_until = [&](size_t end) {
    pos_ = end;
    word.parts.push_back({WordPart::Kind::kOpaque, text_.substr(start, end - start), {}, quoted});
  };
  if (next == '{' || next == '(') {
    size_t close = find_closing(pos_ + 1, next, next == '{' ? '}' : ')');
    if (close == std::string_view::npos) {
      opaque_until(line_end(pos_));
      return;
    }
    std::string_view inside = text_.substr(pos_ + 2, close - pos_ - 2);
    if (next == '{' && is_name(inside)) {
      pos_ = close + 1;
      word.parts.push_back(
          {WordPart::Kind::kVariable, text_.substr(start, pos_ - start), inside, quoted});
      return;
    }
    opaque_until(close + 1);
    return;
  }
  if (name_start(next)) {
    size_t end = pos_ + 1;
    while (end < text_.size() && name_char(text_[end])) ++end;
    pos_ = end;
    word.parts.push_back({WordPart::Kind::kVariable, text_.substr(start, end - start),
                          text_.substr(start + 1, end - start - 1), quoted});
    return;
  }
  if (std::isdigit(static_cast<unsigned char>(next)) || next == '@' || next == '*' || next == '#' ||
      next == '?' || next == '$' || next == '!' || next == '-') {
    opaque_until(pos_ + 2);
    return;
  }
  ++pos_;
  word.parts.push_back({WordPart::Kind::kLiteral, text_.substr(start, 1), {}, quoted});
}

void ShellLexer::read_backquote(Word& word, bool quoted) {
  size_t start = pos_;
  size_t end = start + 1;
  while (end < text_.size() && text_[end] != '`') end += text_[end] == '\\' ? 2 : 1;
  pos_ = end < text_.size() ? end + 1 : line_end(start);
  word.parts.push_back({WordPart::Kind::kOpaque, text_.substr(start, pos_ - start), {}, quoted});
}

}  // namespace

std::vector<ShellCommand> lex_shell(const SourceFile& file, std::vector<Finding>& diagnostics) {
  return ShellLexer(file, diagnostics).run();
}

}  // namespace fwlint::iptables
