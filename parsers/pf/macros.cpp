#include "parsers/pf/macros.h"

#include <algorithm>

#include "linter/diagnostics.h"

namespace fwlint::pf {

namespace {

// Macros nested deeper than this, or one reference expanding into more words than this, are
// a macro bomb (each macro using the one before it twice doubles the words), not a rule set.
constexpr int kMaxDepth = 32;
constexpr size_t kMaxExpandedTokens = 20000;
// And all references of a file together: a bomb just under the limit used in every rule.
constexpr size_t kMaxExpandedTokensInAll = 2000000;

bool refers_to_itself(const Token& ref) {
  for (const Reference& outer : ref.via) {
    if (outer.name.size() == ref.text.size() + 1 && outer.name.substr(1) == ref.text) return true;
  }
  return false;
}

// What a reference that cannot be expanded stands for: its own text, `$name`.
Token literal_reference(const Token& ref, bool undefined) {
  Token word = ref;
  word.kind = TokenKind::kWord;
  word.text = ref.file->content().substr(ref.begin, ref.end - ref.begin);
  word.undefined = undefined;
  return word;
}

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
  size_t start = out.size();
  size_t budget = std::min(kMaxExpandedTokens, kMaxExpandedTokensInAll - expanded_in_all_);
  expansion_limit_ = start + budget;
  too_many_tokens_ = false;
  bool glues = expand(ref, out, 0);
  if (!too_many_tokens_) {
    expanded_in_all_ += out.size() - start;
    return glues;
  }
  out.resize(start);
  std::string message = "macro $" + std::string(ref.text) + " expands into more than " +
                        std::to_string(kMaxExpandedTokens) + " words";
  if (budget < kMaxExpandedTokens) {
    message = "the macros of this file expand into more than " +
              std::to_string(kMaxExpandedTokensInAll) + " words in all; $" + std::string(ref.text) +
              " is not expanded";
  }
  diagnostics_.push_back(make_diagnostic(kInvalidSyntax, ref.span(), std::move(message)));
  out.push_back(literal_reference(ref, false));
  return false;
}

bool Macros::expand(const Token& ref, std::vector<Token>& out, int depth) {
  const Macro* macro = find(ref.text);
  if (macro == nullptr) {
    undefined_.push_back(ref);
    out.push_back(literal_reference(ref, true));
    return true;
  }
  if (refers_to_itself(ref) || depth > kMaxDepth) {
    diagnostics_.push_back(make_diagnostic(
        kInvalidSyntax, ref.span(),
        "macro $" + std::string(ref.text) +
            (depth > kMaxDepth ? " nests more than " + std::to_string(kMaxDepth) + " macros deep"
                               : std::string(" expands into itself"))));
    out.push_back(literal_reference(ref, false));
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
    if (out.size() >= expansion_limit_) {
      too_many_tokens_ = true;
      return false;
    }
    if (token.kind != TokenKind::kMacro) {
      out.push_back(std::move(token));
      continue;
    }
    size_t before = out.size();
    bool glues = expand(token, out, depth + 1);
    if (too_many_tokens_) return false;
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
