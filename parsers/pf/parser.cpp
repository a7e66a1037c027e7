#include "parsers/pf/parser.h"

#include <algorithm>

#include "linter/diagnostics.h"
#include "linter/words.h"
#include "parsers/pf/dialect.h"
#include "parsers/pf/pf_parser.h"

namespace fwlint {

namespace pf {

namespace {

std::string quoted(std::string_view text) {
  return "`" + std::string(text) + "`";
}

std::string comment_text(std::string_view comment) {
  while (!comment.empty() &&
         (comment.front() == '#' || comment.front() == ' ' || comment.front() == '\t')) {
    comment.remove_prefix(1);
  }
  return std::string(comment);
}

// The contents of a quoted string token, without its quotes.
std::pair<size_t, size_t> string_contents(const Token& token) {
  std::string_view content = token.file->content();
  bool closed = token.end - token.begin >= 2 && content[token.end - 1] == content[token.begin];
  return {token.begin + 1, closed ? token.end - 1 : token.end};
}

// Deeper blocks are reported rather than parsed, so that recursion and anchor paths stay bounded.
constexpr int kMaxAnchorDepth = 64;

// Consumes tokens through the `}` that closes an open block.
void skip_block(TokenStream& stream) {
  int open_blocks = 1;
  for (Token token = stream.next(); token.kind != TokenKind::kEnd; token = stream.next()) {
    if (token.is_punct("{")) ++open_blocks;
    if (token.is_punct("}") && --open_blocks == 0) return;
  }
}

}  // namespace

Parser::Parser(const SourceFile& file, const ParseContext& context, ParseResult& result)
    : root_(file), context_(context), result_(result), macros_(result.diagnostics) {}

void Parser::run() {
  Ruleset& ruleset = result_.ruleset;
  ruleset.file = root_.index();
  ruleset.format = Format::kPf;
  ruleset.order = EvaluationOrder::kLastMatchUnlessQuick;
  ruleset.dialect = &dialect();
  parse_file(root_, std::string(kMainRuleset));
  // pfctl reads `load anchor` files once the main ruleset is parsed.
  for (size_t i = 0; i < loads_.size(); ++i) {
    Load load = loads_[i];
    const SourceFile* file = open(load.path, *load.from, load.span);
    if (file == nullptr) continue;
    std::string canonical = canonical_path(file->path());
    if (std::find(loaded_files_.begin(), loaded_files_.end(), canonical) != loaded_files_.end()) {
      report(kIncludeCycle, load.span, quoted(load.path) + " is already loaded as an anchor");
      continue;
    }
    loaded_files_.push_back(canonical);
    parse_file(*file, load.anchor);
  }
  if (failed_include_ && !assumed_macros_.empty()) {
    result_.diagnostics[*failed_include_].message +=
        "; " + join_words(assumed_macros_) + (assumed_macros_.size() == 1 ? " is" : " are") +
        " defined nowhere else, so fwlint takes the file to define them and checks the rules "
        "that use them without their values";
  }
}

void Parser::parse_file(const SourceFile& file, const std::string& anchor) {
  open_files_.push_back(canonical_path(file.path()));
  TokenStream stream(file, macros_, result_.diagnostics);
  statements(stream, anchor, 0);
  open_files_.pop_back();
}

bool Parser::statements(TokenStream& stream, const std::string& anchor, int depth) {
  while (true) {
    const Token& t = stream.peek();
    if (t.kind == TokenKind::kEnd) return depth == 0;
    if (t.kind == TokenKind::kNewline) {
      stream.next();
      continue;
    }
    if (depth > 0 && t.is_punct("}")) {
      stream.next();
      return true;
    }
    statement(stream, anchor, depth);
    report_undefined_macros();
  }
}

void Parser::statement(TokenStream& stream, const std::string& anchor, int depth) {
  stream.begin_statement();
  const Token& first = stream.peek();
  if (first.kind != TokenKind::kWord) {
    report(kInvalidSyntax, first.span(),
           "unexpected " + quoted(first.text) + " at the start of a statement");
    skip(stream, depth);
    return;
  }
  std::string_view word = first.text;
  if (stream.peek(1).is_punct("=") && !reserved_word(word)) return macro_definition(stream, depth);
  if (word == "pass" || word == "block" || word == "match") {
    return rule_statement(stream, anchor, RuleKind::kFilter, "filter", depth);
  }
  if (word == "anchor") return rule_statement(stream, anchor, RuleKind::kAnchor, "filter", depth);
  if (word == "nat" || word == "rdr" || word == "binat") {
    return rule_statement(stream, anchor, RuleKind::kTranslation, word, depth);
  }
  const Token& second = stream.peek(1);
  if (word == "no" && (second.is_word("nat") || second.is_word("rdr") || second.is_word("binat"))) {
    return rule_statement(stream, anchor, RuleKind::kTranslation, second.text, depth);
  }
  if (word.ends_with("-anchor") &&
      (word == "nat-anchor" || word == "rdr-anchor" || word == "binat-anchor" ||
       word == "scrub-anchor" || word == "dummynet-anchor")) {
    std::string_view table = word.substr(0, word.size() - std::string_view("-anchor").size());
    return rule_statement(stream, anchor, RuleKind::kTranslationAnchor, table, depth);
  }
  if (word == "scrub") return rule_statement(stream, anchor, RuleKind::kScrub, "scrub", depth);
  if (word == "antispoof") {
    return rule_statement(stream, anchor, RuleKind::kAntispoof, "filter", depth);
  }
  if (word == "ether") return rule_statement(stream, anchor, RuleKind::kEther, "ether", depth);
  if (word == "dummynet") {
    return rule_statement(stream, anchor, RuleKind::kDummynet, "dummynet", depth);
  }
  if (word == "set") return set_statement(stream, depth);
  if (word == "table") return table_statement(stream, depth);
  if (word == "include") return include_statement(stream, anchor, depth);
  if (word == "load") return load_statement(stream, anchor, depth);
  if (word == "altq" || word == "queue") return skip(stream, depth);
  report(kInvalidSyntax, first.span(), "unknown statement " + quoted(word));
  skip(stream, depth);
}

void Parser::macro_definition(TokenStream& stream, int depth) {
  Token name = stream.next();
  Token equals = stream.next();
  Macro macro;
  bool any_piece = false;
  while (true) {
    const Token& t = stream.peek();
    if (t.ends_line() || (depth > 0 && t.is_punct("}"))) break;
    any_piece = true;
    Token piece = stream.next();
    if (piece.kind != TokenKind::kString) {
      // pfctl joins the words of an unquoted value with blanks; `$x` in it was expanded above.
      piece.spaced = true;
      macro.glues_right = piece.kind == TokenKind::kWord;
      macro.tokens.push_back(std::move(piece));
      continue;
    }
    auto [begin, end] = string_contents(piece);
    Lexer lexer(*piece.file, begin, end, true, result_.diagnostics);
    for (Token value = lexer.next(); value.kind != TokenKind::kEnd; value = lexer.next()) {
      value.via = piece.via;
      macro.tokens.push_back(std::move(value));
    }
    macro.glues_right = end > begin && word_char(piece.file->content()[end - 1]);
  }
  if (!any_piece) {
    report(kInvalidSyntax, equals.span(), "macro " + quoted(name.text) + " has no value");
  }
  const SourceFile& file = stream.file();
  macro.definition_span = file.span(stream.statement_begin(), stream.statement_end());
  macro.definition = file.content().substr(stream.statement_begin(),
                                           stream.statement_end() - stream.statement_begin());
  macros_.define(std::string(name.text), std::move(macro));
  finish(stream, depth);
}

void Parser::rule_statement(TokenStream& stream, const std::string& anchor, RuleKind kind,
                            std::string_view table, int depth) {
  Rule rule;
  rule.table = std::string(table);
  rule.chain = anchor;
  ReaderContext reader_context{context_.registry, result_.diagnostics, depth > 0, block_returns_};
  RuleReader reader(stream, reader_context, rule);
  bool ok = reader.read(kind);
  const SourceFile& file = stream.file();
  uint32_t begin = stream.statement_begin();
  uint32_t end = stream.statement_end();
  rule.span = file.span(begin, end);
  rule.text = file.content().substr(begin, end - begin);
  if (kind == RuleKind::kAnchor || kind == RuleKind::kTranslationAnchor) {
    bool block = ok && kind == RuleKind::kAnchor && stream.peek().is_punct("{");
    const std::string& name = reader.anchor_name();
    if (name.empty() && !block) {
      report(kInvalidSyntax, rule.action.span, "an anchor without a block needs a name");
    }
    std::string path = name.empty() && block
                           ? child_anchor(anchor, "_" + std::to_string(++anonymous_anchors_))
                           : child_anchor(anchor, name);
    rule.action.target = path;
    if (block) {
      anchors_[path] = {rule.span, rule.direction};
      add_rule(std::move(rule), anchor);
      Token open = stream.next();
      if (!stream.peek().ends_line()) {
        report(kInvalidSyntax, open.span(), "an anchor block starts a new line after `{`");
      }
      if (depth + 1 > kMaxAnchorDepth) {
        report(kInputLimitExceeded, open.span(),
               "anchor blocks are nested more than " + std::to_string(kMaxAnchorDepth) +
                   " deep (pfctl limits an anchor path to 1024 bytes): the rules of this block "
                   "were not read");
        skip_block(stream);
        finish(stream, depth);
        return;
      }
      if (!statements(stream, path, depth + 1)) {
        report(kInvalidSyntax, open.span(), "missing `}` to close this anchor block");
        return;
      }
      finish(stream, depth);
      return;
    }
  }
  if (ok) {
    rule.comment = comment_text(finish(stream, depth));
  } else {
    // The ports may stand in the part that could not be read: neither side is "any port".
    for (PortSet* ports : {&rule.source_ports, &rule.destination_ports}) {
      if (!ports->option_span.valid()) ports->unresolved = true;
    }
    skip(stream, depth);
  }
  add_rule(std::move(rule), anchor);
}

void Parser::set_statement(TokenStream& stream, int depth) {
  stream.next();
  if (stream.peek().is_word("block-policy")) {
    stream.next();
    const Token& policy = stream.peek();
    if (policy.is_word("return")) block_returns_ = true;
    if (policy.is_word("drop")) block_returns_ = false;
  }
  skip(stream, depth);
}

void Parser::table_statement(TokenStream& stream, int depth) {
  stream.next();
  const Token& open = stream.peek();
  if (!open.is_punct("<") || stream.peek(1).kind != TokenKind::kWord ||
      !stream.peek(2).is_punct(">")) {
    report(kInvalidSyntax, open.span(), "expected a table name in angle brackets: `table <name>`");
  }
  // Tables hold addresses only, never ports: their contents and files are not read.
  skip(stream, depth);
}

void Parser::include_statement(TokenStream& stream, const std::string& anchor, int depth) {
  Token keyword = stream.next();
  const Token& path = stream.peek();
  if (path.kind != TokenKind::kString && path.kind != TokenKind::kWord) {
    report(kInvalidSyntax, keyword.span(), "`include` needs a file name");
    skip(stream, depth);
    return;
  }
  Token file_name = stream.next();
  finish(stream, depth);
  if (const SourceFile* file = open(file_name.text, stream.file(), file_name.span())) {
    parse_file(*file, anchor);
  } else if (!failed_include_) {
    failed_include_ = result_.diagnostics.size() - 1;
  }
}

void Parser::load_statement(TokenStream& stream, const std::string& anchor, int depth) {
  Token keyword = stream.next();
  const Token& anchor_word = stream.peek();
  const Token& name = stream.peek(1);
  const Token& from = stream.peek(2);
  const Token& path = stream.peek(3);
  auto named = [](const Token& t) {
    return t.kind == TokenKind::kString || t.kind == TokenKind::kWord;
  };
  if (!anchor_word.is_word("anchor") || !named(name) || !from.is_word("from") || !named(path)) {
    report(kInvalidSyntax, keyword.span(), "expected `load anchor NAME from \"FILE\"`");
    skip(stream, depth);
    return;
  }
  Load load{child_anchor(anchor, name.text), std::string(path.text), &stream.file(), path.span()};
  for (int i = 0; i < 4; ++i) stream.next();
  anchors_[load.anchor] = {stream.file().span(stream.statement_begin(), stream.statement_end()),
                           Direction::kOther};
  loads_.push_back(std::move(load));
  finish(stream, depth);
}

std::string_view Parser::finish(TokenStream& stream, int depth) {
  const Token& t = stream.peek();
  if (t.kind == TokenKind::kNewline) {
    std::string_view comment = t.text;
    stream.next();
    return comment;
  }
  if (t.kind == TokenKind::kEnd) return t.text;
  if (depth > 0 && t.is_punct("}")) return {};
  report(kInvalidSyntax, stream.file().span(t.outer_begin, t.outer_end),
         "unexpected " + quoted(t.text) + ": the statement should end here");
  skip(stream, depth);
  return {};
}

void Parser::skip(TokenStream& stream, int depth) {
  int braces = 0;
  while (true) {
    const Token& t = stream.peek();
    if (t.kind == TokenKind::kEnd) return;
    if (t.kind == TokenKind::kNewline && braces <= 0) {
      stream.next();
      return;
    }
    if (t.is_punct("{")) ++braces;
    if (t.is_punct("}")) {
      if (braces == 0 && depth > 0) return;
      --braces;
    }
    stream.next();
  }
}

void Parser::report(const CheckInfo& kind, SourceSpan span, std::string message) {
  result_.diagnostics.push_back(make_diagnostic(kind, span, std::move(message)));
}

void Parser::report_undefined_macros() {
  for (const Token& use : macros_.take_undefined_uses()) {
    std::string name = "$" + std::string(use.text);
    if (failed_include_) {
      if (std::find(assumed_macros_.begin(), assumed_macros_.end(), name) ==
          assumed_macros_.end()) {
        assumed_macros_.push_back(name);
      }
      continue;
    }
    report(kUnresolvedVariable, use.span(),
           "macro " + name +
               " is not defined before this use, and pfctl rejects the file; "
               "fwlint keeps the word " +
               quoted(name) + " and cannot check what it stands for");
  }
}

Chain& Parser::chain(std::string_view table, const std::string& anchor) {
  std::vector<Table>& tables = result_.ruleset.tables;
  auto key = std::pair{std::string(table), anchor};
  if (auto it = chains_.find(key); it != chains_.end()) {
    return tables[it->second.first].chains[it->second.second];
  }
  auto table_it =
      std::find_if(tables.begin(), tables.end(), [&](const Table& t) { return t.name == table; });
  if (table_it == tables.end()) {
    Table created;
    created.name = std::string(table);
    tables.push_back(std::move(created));
    table_it = tables.end() - 1;
  }
  Chain created;
  created.name = anchor;
  if (auto info = anchors_.find(anchor); info != anchors_.end()) {
    created.span = info->second.span;
    created.direction = info->second.direction;
  }
  table_it->chains.push_back(std::move(created));
  size_t table_index = static_cast<size_t>(table_it - tables.begin());
  chains_[key] = {table_index, table_it->chains.size() - 1};
  return table_it->chains.back();
}

void Parser::add_rule(Rule rule, const std::string& anchor) {
  Chain& target = chain(rule.table, anchor);
  rule.position = static_cast<uint32_t>(target.rules.size() + 1);
  target.rules.push_back(std::move(rule));
}

std::string Parser::child_anchor(const std::string& parent, std::string_view name) {
  if (name.starts_with("/")) return std::string(name.substr(1));
  if (parent == kMainRuleset) return std::string(name);
  return parent + "/" + std::string(name);
}

}  // namespace pf

ParseResult parse_pf(const SourceFile& file, const ParseContext& context) {
  ParseResult result;
  pf::Parser(file, context, result).run();
  return result;
}

}  // namespace fwlint
