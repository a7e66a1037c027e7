#include "parsers/pf/macros.h"

#include "linter/diagnostics.h"

namespace fwlint::pf {

namespace {

// Deeper nesting than this can only be a macro that refers to itself.
constexpr int kMaxDepth = 32;

}  // namespace

const Macro* Macros::find(std::string_view name) const {
  auto it = macros_.find(name);
  return it == macros_.end() ? nullptr : &it->second;
}

std::vector<Token> Macros::take_undefined_uses() {
  std::vector<Token> uses;
  uses.swap(undefined_);
  return uses;
}

bool Macros::expand(const Token& ref, std::vector<Token>& out) {
  return expand(ref, out, 0);
}

bool Macros::expand(const Token& ref, std::vector<Token>& out, int depth) {
  const Macro* macro = find(ref.text);
  if (macro == nullptr || depth > kMaxDepth) {
    if (macro != nullptr) {
      diagnostics_.push_back(make_diagnostic(
          kInvalidSyntax, ref.span(), "macro $" + std::string(ref.text) + " expands into itself"));
    } else {
      undefined_.push_back(ref);
    }
    Token word = ref;
    word.kind = TokenKind::kWord;
    word.text = ref.file->content().substr(ref.begin, ref.end - ref.begin);
    word.undefined = macro == nullptr;
    out.push_back(std::move(word));
    return true;
  }
  std::vector<Reference> chain = ref.via;
  chain.push_back(
      {ref.span(), "$" + std::string(ref.text), macro->definition_span, macro->definition});
  const std::vector<Token>& tokens = macro->tokens;
  for (size_t i = 0; i < tokens.size(); ++i) {
    Token token = tokens[i];
    token.via.insert(token.via.begin(), chain.begin(), chain.end());
    token.outer_begin = ref.outer_begin;
    token.outer_end = ref.outer_end;
    if (i == 0) token.spaced = ref.spaced;
    if (token.kind != TokenKind::kMacro) {
      out.push_back(std::move(token));
      continue;
    }
    size_t before = out.size();
    bool glues = expand(token, out, depth + 1);
    if (glues && out.size() > before && i + 1 < tokens.size() && !tokens[i + 1].spaced &&
        tokens[i + 1].kind == TokenKind::kWord) {
      Token next = tokens[i + 1];
      next.via = token.via;
      glue(out.back(), token, next);
      ++i;
    }
  }
  return macro->glues_right;
}

void Macros::glue(Token& last, const Token& ref, const Token& next) {
  if (last.kind != TokenKind::kWord) return;
  const std::string& text = glued_.emplace_back(std::string(last.text) + std::string(next.text));
  Token word = ref;
  word.kind = TokenKind::kWord;
  word.text = text;
  word.end = next.end;
  word.outer_end = next.outer_end;
  word.undefined = last.undefined;
  last = std::move(word);
}

SourceSpan span_between(const Token& first, const Token& last) {
  bool same_place = first.file == last.file && first.via.size() == last.via.size() &&
                    (first.via.empty() || first.via.back().span == last.via.back().span) &&
                    first.begin <= last.end;
  return same_place ? first.file->span(first.begin, last.end) : first.span();
}

TokenStream::TokenStream(const SourceFile& file, Macros& macros, std::vector<Finding>& diagnostics)
    : file_(file), lexer_(file, diagnostics), macros_(macros) {}

const Token& TokenStream::raw_peek() {
  if (!raw_ahead_) raw_ahead_ = lexer_.next();
  return *raw_ahead_;
}

Token TokenStream::raw_next() {
  raw_peek();
  Token token = std::move(*raw_ahead_);
  raw_ahead_.reset();
  return token;
}

void TokenStream::pull() {
  while (true) {
    Token raw = raw_next();
    if (raw.kind != TokenKind::kMacro) {
      pending_.push_back(std::move(raw));
      return;
    }
    std::vector<Token> out;
    bool glues = macros_.expand(raw, out);
    const Token& after = raw_peek();
    if (glues && !out.empty() && !after.spaced && after.kind == TokenKind::kWord) {
      macros_.glue(out.back(), raw, after);
      raw_next();
    }
    if (out.empty()) {
      empty_macro_ = file_.content().substr(raw.begin, raw.end - raw.begin);
      empty_macro_end_ = raw.end;
      continue;
    }
    for (Token& token : out) pending_.push_back(std::move(token));
    return;
  }
}

const Token& TokenStream::peek(size_t ahead) {
  while (pending_.size() <= ahead) pull();
  return pending_[ahead];
}

Token TokenStream::next() {
  peek();
  Token token = std::move(pending_.front());
  pending_.pop_front();
  if (!token.ends_line()) statement_end_ = token.outer_end;
  return token;
}

std::optional<std::string_view> TokenStream::empty_macro_before(const Token& token) const {
  if (empty_macro_.empty() || empty_macro_end_ > token.outer_begin) return std::nullopt;
  std::string_view between =
      file_.content().substr(empty_macro_end_, token.outer_begin - empty_macro_end_);
  if (between.find_first_not_of(" \t\r\n\\") != std::string_view::npos) return std::nullopt;
  return empty_macro_;
}

void TokenStream::begin_statement() {
  statement_begin_ = peek().outer_begin;
  statement_end_ = statement_begin_;
}

}  // namespace fwlint::pf
