// The nft text front end: `nft list ruleset` output and hand-written nftables.conf files, block
// form and flat command form alike, with defines, named sets and maps, and includes.
#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "linter/diagnostics.h"
#include "linter/input_limits.h"
#include "parsers/nftables/dialect.h"
#include "parsers/nftables/includes.h"
#include "parsers/nftables/items.h"
#include "parsers/nftables/nftables_parser.h"
#include "parsers/nftables/rule_reader.h"
#include "parsers/nftables/ruleset_builder.h"
#include "parsers/nftables/vocabulary.h"

namespace fwlint {

namespace nft {
namespace {

enum class Scope : uint8_t { kTop, kTable, kChain };

struct Block {
  Scope scope = Scope::kTop;
  size_t table = 0;
  size_t chain = 0;
};

struct Define {
  std::vector<Item> items;
  std::string_view written;  // the value as written
  SourceSpan span;
};

// A rule that names a set or map: read once the whole input is, since nft lets a rule use a set
// declared or filled (`add element`) further down.
struct PendingRule {
  RuleLocation location;
  std::vector<Item> items;
  const SourceFile* file = nullptr;
  std::string tables_key;  // "family table " for set lookups
};

struct Cursor {
  const SourceFile& file;
  Lexer lexer;
};

// Up to four header words of `table inet filter {`, `add chain inet filter input`, ….
struct Header {
  std::array<Token, 4> words;
  size_t count = 0;
  bool block = false;  // a `{` follows (consumed)
  Token brace;
};

std::optional<uint64_t> handle_comment(std::string_view comment) {
  comment.remove_prefix(1);  // '#'
  while (!comment.empty() && comment.front() == ' ') comment.remove_prefix(1);
  if (!comment.starts_with("handle ")) return std::nullopt;
  comment.remove_prefix(7);
  uint64_t value = 0;
  size_t digits = 0;
  while (digits < comment.size() && comment[digits] >= '0' && comment[digits] <= '9') {
    value = value * 10 + static_cast<uint64_t>(comment[digits] - '0');
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  return value;
}

class TextParser;

// The sets and maps of one table. While the input is still being read it finds nothing and
// remembers that it was asked, so that the rule is read again at the end.
class TableSets : public SetLookup {
 public:
  TableSets(const std::map<std::string, NamedSet, std::less<>>& sets, std::string key, bool defer)
      : sets_(sets), key_(std::move(key)), defer_(defer) {}

  const NamedSet* find(std::string_view name) const override {
    if (defer_) {
      asked_ = true;
      return nullptr;
    }
    auto it = sets_.find(key_ + std::string(name));
    return it == sets_.end() ? nullptr : &it->second;
  }
  bool asked() const { return asked_; }

 private:
  const std::map<std::string, NamedSet, std::less<>>& sets_;
  std::string key_;
  bool defer_;
  mutable bool asked_ = false;
};

class TextParser {
 public:
  TextParser(const SourceFile& file, const ParseContext& context)
      : file_(file), context_(context) {}

  // False when rules handed to the context's sink turned out not to be final.
  bool run(ParseResult& result);

 private:
  void read_file(const SourceFile& file, Block block);
  void read_block(Cursor& cursor, Block block, const Token* open);
  void statement(Cursor& cursor, Block block, const Token& first);
  void top_statement(Cursor& cursor, const Token& first);
  void table_statement(Cursor& cursor, Block block, const Token& first);
  void chain_statement(Cursor& cursor, Block block, const Token& first);

  void table_command(Cursor& cursor, const Token& keyword);
  void chain_command(Cursor& cursor, const Token& keyword);
  void set_command(Cursor& cursor, const Token& keyword, bool map);
  void rule_command(Cursor& cursor, const Token& command, bool insert);
  void element_command(Cursor& cursor, const Token& command);
  void define_statement(Cursor& cursor, const Token& keyword, bool undefine);
  void include_statement(Cursor& cursor, Block block, const Token& keyword);

  void set_block(Cursor& cursor, NamedSet& set, const Token& open);
  void set_key(NamedSet& set, std::span<const Item> items, bool typeof_form);
  void add_elements(NamedSet& set, std::span<const Item> items);
  NamedSet& named_set(size_t table, std::string_view name);
  std::string tables_key(size_t table) const;

  // Adds the rule written as `text` whose statements are `items`. Returns false when the rule
  // names a set and waits for the end of the input, keeping its references.
  bool add_rule(const SourceFile& file, size_t table, size_t chain, std::span<const Item> items,
                std::string_view text, uint64_t handle, bool insert);

  Header header(Cursor& cursor);
  // Reads the rest of a statement (after `first`, if given) into `items`, expanding `$names`.
  // Stops after a newline or `;` outside braces, or before a `}` that closes the enclosing
  // block. Returns the handle of a `# handle N` comment on the statement's last line, or 0.
  uint64_t collect(Cursor& cursor, const Token* first, std::vector<Item>& items);
  void skip_statement(Cursor& cursor) { collect(cursor, nullptr, scratch_); }
  void skip_block(Cursor& cursor);
  void push(Cursor& cursor, const Token& token, std::vector<Item>& items);
  void push_word(Cursor& cursor, std::string_view text, std::vector<Item>& items);
  void expand(Cursor& cursor, const Token& reference, std::vector<Item>& items);

  void error(const SourceFile& file, std::string_view at, std::string message) {
    diagnostics_.push_back(make_diagnostic(kInvalidSyntax, file.span(at), std::move(message)));
  }

  const SourceFile& file_;
  const ParseContext& context_;
  ParseResult* result_ = nullptr;
  RulesetBuilder builder_;
  std::vector<Finding> diagnostics_;
  RefArena refs_;
  std::map<std::string, Define, std::less<>> defines_;
  std::map<std::string, NamedSet, std::less<>> sets_;  // "family table name"
  std::vector<PendingRule> pending_;
  std::vector<std::string> reading_;  // identities of the files being read, outermost first
  std::vector<Item> items_;
  std::vector<Item> scratch_;
  std::vector<Finding> rule_diagnostics_;
};

bool TextParser::run(ParseResult& result) {
  result_ = &result;
  result.ruleset.format = Format::kNftables;
  result.ruleset.order = EvaluationOrder::kFirstMatch;
  result.ruleset.dialect = &text_dialect();
  reading_.push_back(file_identity(file_.path()));
  read_file(file_, Block{});
  for (PendingRule& pending : pending_) {
    Rule& rule = builder_.rule_at(pending.location);
    TableSets sets(sets_, pending.tables_key, false);
    read_rule(pending.items, *pending.file, {context_.registry, refs_, sets, diagnostics_}, rule);
  }
  const bool handed_over_rules_are_final = builder_.handed_over_rules_are_final();
  result.ruleset.tables = builder_.finish();
  // Rules that name sets are read last; report in file order all the same.
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Finding& a, const Finding& b) {
                     return std::tuple(a.span.file, a.span.line, a.span.column) <
                            std::tuple(b.span.file, b.span.line, b.span.column);
                   });
  // A define or set used by many rules would report the same problem once per use.
  std::set<std::tuple<std::string_view, uint32_t, uint32_t, uint32_t, std::string>> seen;
  for (Finding& finding : diagnostics_) {
    auto key = std::tuple(finding.check_id, finding.span.file, finding.span.line,
                          finding.span.column, finding.message);
    if (seen.insert(std::move(key)).second) result.diagnostics.push_back(std::move(finding));
  }
  return handed_over_rules_are_final;
}

void TextParser::read_file(const SourceFile& file, Block block) {
  Cursor cursor{file, Lexer(file.content())};
  read_block(cursor, block, nullptr);
}

void TextParser::read_block(Cursor& cursor, Block block, const Token* open) {
  for (;;) {
    Token token = cursor.lexer.next();
    switch (token.kind) {
      case TokenKind::kEnd:
        if (open != nullptr) {
          error(cursor.file, open->text,
                "this `{` is never closed: the block runs to the end of "
                "the file");
        }
        return;
      case TokenKind::kNewline:
      case TokenKind::kSemicolon:
      case TokenKind::kComment:
        break;
      case TokenKind::kCloseBrace:
        if (open != nullptr) return;
        error(cursor.file, token.text, "this `}` closes no block");
        break;
      case TokenKind::kUnterminatedString:
        error(cursor.file, token.text, "unterminated string: a `\"` has no closing quote");
        skip_statement(cursor);
        break;
      case TokenKind::kWord:
        statement(cursor, block, token);
        break;
      default:
        error(cursor.file, token.text,
              "unexpected `" + std::string(token.text) + "` where a statement should start");
        if (token.kind == TokenKind::kOpenBrace) {
          skip_block(cursor);
        } else {
          skip_statement(cursor);
        }
        break;
    }
  }
}

void TextParser::statement(Cursor& cursor, Block block, const Token& first) {
  if (first.is("define") || first.is("redefine") || first.is("undefine")) {
    define_statement(cursor, first, first.is("undefine"));
  } else if (first.is("include")) {
    include_statement(cursor, block, first);
  } else if (block.scope == Scope::kTop) {
    top_statement(cursor, first);
  } else if (block.scope == Scope::kTable) {
    table_statement(cursor, block, first);
  } else {
    chain_statement(cursor, block, first);
  }
}

void TextParser::top_statement(Cursor& cursor, const Token& first) {
  Token object = first;
  bool command = first.is("add") || first.is("create") || first.is("insert") || first.is("replace");
  if (command) {
    object = cursor.lexer.peek();
    if (object.kind != TokenKind::kWord) {
      error(cursor.file, first.text, "`" + std::string(first.text) + "` needs an object");
      skip_statement(cursor);
      return;
    }
    cursor.lexer.next();
  }
  std::string_view word = object.text;
  if ((first.is("insert") || first.is("replace")) && word != "rule") {
    error(cursor.file, object.text, "only rules can be inserted or replaced");
    skip_statement(cursor);
  } else if (word == "table") {
    table_command(cursor, object);
  } else if (word == "chain") {
    chain_command(cursor, object);
  } else if (word == "set" || word == "map") {
    set_command(cursor, object, word == "map");
  } else if (word == "rule" && command) {
    rule_command(cursor, first, first.is("insert"));
  } else if (word == "element" && command) {
    element_command(cursor, first);
  } else if (word == "flowtable" || word == "counter" || word == "quota" || word == "limit" ||
             word == "ct" || word == "secmark" || word == "synproxy" || word == "tunnel" ||
             (!command &&
              (word == "flush" || word == "delete" || word == "destroy" || word == "list" ||
               word == "reset" || word == "rename" || word == "export" || word == "import" ||
               word == "monitor" || word == "describe"))) {
    skip_statement(cursor);  // objects and commands without rules
  } else {
    error(cursor.file, object.text,
          "unknown statement `" + std::string(object.text) + "` outside a table");
    skip_statement(cursor);
  }
}

void TextParser::table_statement(Cursor& cursor, Block block, const Token& first) {
  std::string_view word = first.text;
  if (word == "chain") {
    Header head = header(cursor);
    if (head.count == 0) {
      error(cursor.file, first.text, "`chain` needs a name");
      if (head.block) skip_block(cursor);
      return;
    }
    size_t chain =
        builder_.chain(block.table, head.words[head.count - 1].text, cursor.file.span(first.text));
    if (head.block) read_block(cursor, {Scope::kChain, block.table, chain}, &head.brace);
  } else if (word == "set" || word == "map") {
    Header head = header(cursor);
    if (head.count == 0) {
      error(cursor.file, first.text, "`" + std::string(word) + "` needs a name");
      if (head.block) skip_block(cursor);
      return;
    }
    NamedSet& set = named_set(block.table, head.words[head.count - 1].text);
    if (head.block) set_block(cursor, set, head.brace);
  } else if (word == "flowtable" || word == "counter" || word == "quota" || word == "limit" ||
             word == "ct" || word == "secmark" || word == "synproxy" || word == "tunnel" ||
             word == "flags" || word == "comment") {
    skip_statement(cursor);
  } else {
    error(cursor.file, first.text,
          "unexpected `" + std::string(word) +
              "` in a table: a table holds chains, sets, maps "
              "and stateful objects");
    skip_statement(cursor);
  }
}

void TextParser::chain_statement(Cursor& cursor, Block block, const Token& first) {
  Chain& chain = builder_.chain_at(block.table, block.chain);
  if (first.is("type") || first.is("policy")) {
    collect(cursor, &first, items_);
    for (size_t i = 0; i + 1 < items_.size(); ++i) {
      if (items_[i].is("hook")) chain.direction = direction_of_hook(items_[i + 1].text);
      if (items_[i].is("policy")) chain.policy = std::string(unquoted(items_[i + 1].text));
    }
    return;
  }
  if (first.is("comment") || first.is("devices") || first.is("device")) {
    skip_statement(cursor);
    return;
  }
  size_t mark = refs_.mark();
  uint64_t handle = collect(cursor, &first, items_);
  if (add_rule(cursor.file, block.table, block.chain, items_, written_text(items_), handle,
               false)) {
    refs_.release(mark);
  }
}

void TextParser::table_command(Cursor& cursor, const Token& keyword) {
  Header head = header(cursor);
  if (head.count == 0) {
    error(cursor.file, keyword.text, "`table` needs a name");
    if (head.block) skip_block(cursor);
    return;
  }
  bool family = head.count >= 2 && is_family(head.words[0].text);
  std::string_view name = head.words[family ? 1 : 0].text;
  size_t table =
      builder_.table(family ? head.words[0].text : "ip", name, cursor.file.span(keyword.text));
  if (head.block) read_block(cursor, {Scope::kTable, table, 0}, &head.brace);
}

void TextParser::chain_command(Cursor& cursor, const Token& keyword) {
  Header head = header(cursor);
  SourceSpan span = cursor.file.span(keyword.text);
  if (head.count < 2) {
    if (head.count == 0 || !head.block) {
      error(cursor.file, keyword.text, "`chain` needs a table and a name");
      if (head.block) skip_block(cursor);
      return;
    }
    // A fragment meant to be included inside a table: its rules are still checked.
    error(cursor.file, keyword.text,
          "`chain " + std::string(head.words[0].text) +
              "` outside a table: write `chain FAMILY TABLE " + std::string(head.words[0].text) +
              "`, or include this file inside a table block");
    size_t table = builder_.table("", "", span);
    size_t chain = builder_.chain(table, head.words[0].text, span);
    read_block(cursor, {Scope::kChain, table, chain}, &head.brace);
    return;
  }
  bool family = head.count >= 3 && is_family(head.words[0].text);
  size_t first = family ? 1 : 0;
  size_t table = builder_.table(family ? head.words[0].text : "ip", head.words[first].text, span);
  size_t chain = builder_.chain(table, head.words[first + 1].text, span);
  if (head.block) read_block(cursor, {Scope::kChain, table, chain}, &head.brace);
}

void TextParser::set_command(Cursor& cursor, const Token& keyword, bool map) {
  Header head = header(cursor);
  std::string kind(map ? "map" : "set");
  if (head.count < 2) {
    if (head.count == 0 || !head.block) {
      error(cursor.file, keyword.text, "`" + kind + "` needs a table and a name");
      if (head.block) skip_block(cursor);
      return;
    }
    error(cursor.file, keyword.text,
          "`" + kind + " " + std::string(head.words[0].text) + "` outside a table: write `" + kind +
              " FAMILY TABLE " + std::string(head.words[0].text) +
              "`, or include this file inside a table block");
    size_t table = builder_.table("", "", cursor.file.span(keyword.text));
    set_block(cursor, named_set(table, head.words[0].text), head.brace);
    return;
  }
  bool family = head.count >= 3 && is_family(head.words[0].text);
  size_t first = family ? 1 : 0;
  size_t table = builder_.table(family ? head.words[0].text : "ip", head.words[first].text,
                                cursor.file.span(keyword.text));
  NamedSet& set = named_set(table, head.words[first + 1].text);
  if (head.block) set_block(cursor, set, head.brace);
}

// `add rule [family] table chain [position N | index N | handle N] statements`.
void TextParser::rule_command(Cursor& cursor, const Token& command, bool insert) {
  size_t mark = refs_.mark();
  uint64_t handle = collect(cursor, nullptr, items_);
  bool family = items_.size() >= 3 && is_family(items_[0].text);
  size_t at = family ? 1 : 0;
  if (items_.size() < at + 3 || !items_[at].word() || !items_[at + 1].word()) {
    error(cursor.file, command.text,
          "`" + std::string(command.text) + " rule` needs a table, a chain and statements");
    return;
  }
  SourceSpan span = cursor.file.span(command.text);
  size_t table = builder_.table(family ? items_[0].text : "ip", items_[at].text, span);
  size_t chain = builder_.chain(table, items_[at + 1].text, span);
  size_t begin = at + 2;
  while (begin + 1 < items_.size() && (items_[begin].is("position") || items_[begin].is("index") ||
                                       items_[begin].is("handle"))) {
    begin += 2;
  }
  std::string_view last = items_.back().written;
  std::string_view text(command.text.data(),
                        static_cast<size_t>(last.data() + last.size() - command.text.data()));
  std::span<const Item> statements = std::span<const Item>(items_).subspan(begin);
  if (add_rule(cursor.file, table, chain, statements, text, handle, insert)) refs_.release(mark);
}

// `add element [family] table set { elements }`.
void TextParser::element_command(Cursor& cursor, const Token& command) {
  collect(cursor, nullptr, items_);
  size_t open = 0;
  while (open < items_.size() && items_[open].kind != TokenKind::kOpenBrace) ++open;
  bool family = open >= 3 && is_family(items_[0].text);
  size_t at = family ? 1 : 0;
  if (open == items_.size() || open < at + 2) {
    error(cursor.file, command.text, "`add element` needs a table, a set and `{ elements }`");
    return;
  }
  size_t table = builder_.table(family ? items_[0].text : "ip", items_[at].text,
                                cursor.file.span(command.text));
  auto it = sets_.find(tables_key(table) + std::string(items_[at + 1].text));
  if (it == sets_.end()) {
    diagnostics_.push_back(make_diagnostic(
        kUnresolvedVariable, items_[at + 1].span(),
        "elements are added to set `" + std::string(items_[at + 1].text) +
            "`, which is not declared in this file or its includes before this line"));
    return;
  }
  add_elements(it->second, std::span<const Item>(items_).subspan(open));
}

void TextParser::define_statement(Cursor& cursor, const Token& keyword, bool undefine) {
  collect(cursor, nullptr, items_);
  if (undefine) {
    if (!items_.empty()) {
      auto it = defines_.find(items_[0].text);
      if (it != defines_.end()) defines_.erase(it);
    }
    return;
  }
  if (items_.size() < 3 || !items_[1].is("=")) {
    error(cursor.file, keyword.text, "`define` needs `NAME = value`");
    return;
  }
  std::span<const Item> value = std::span<const Item>(items_).subspan(2);
  std::string_view written = written_text(value);
  Define define{{value.begin(), value.end()}, written, cursor.file.span(written)};
  defines_.insert_or_assign(std::string(items_[0].text), std::move(define));
}

void TextParser::include_statement(Cursor& cursor, Block block, const Token& keyword) {
  Token name = cursor.lexer.next();
  if (name.kind != TokenKind::kString) {
    error(cursor.file, keyword.text, "`include` needs a quoted file name");
    if (name.kind != TokenKind::kNewline && name.kind != TokenKind::kSemicolon) {
      skip_statement(cursor);
    }
    return;
  }
  skip_statement(cursor);
  SourceSpan at = cursor.file.span(std::string_view(
      keyword.text.data(),
      static_cast<size_t>(name.text.data() + name.text.size() - keyword.text.data())));
  if (context_.sources == nullptr) {
    diagnostics_.push_back(make_diagnostic(
        kIncludeNotFound, at,
        "include " + std::string(name.text) + " was not read: this run reads no other files"));
    return;
  }
  IncludeFiles files = resolve_include(unquoted(name), cursor.file.path());
  if (!files.missing.empty()) {
    diagnostics_.push_back(make_diagnostic(kIncludeNotFound, at,
                                           "included file " + std::string(name.text) +
                                               " not found (looked for " + files.missing +
                                               "); its rules and definitions were not checked"));
  }
  for (const std::string& path : files.paths) {
    std::string identity = file_identity(path);
    auto cycle = std::find(reading_.begin(), reading_.end(), identity);
    if (cycle != reading_.end()) {
      diagnostics_.push_back(make_diagnostic(
          kIncludeCycle, at,
          "include of " + path + ", which is already being read: the includes form a cycle"));
      continue;
    }
    if (reading_.size() >= context_.limits.max_include_depth) {
      diagnostics_.push_back(make_diagnostic(
          kInputLimitExceeded, at,
          "include of " + path + ": includes are nested more than " +
              std::to_string(context_.limits.max_include_depth) + " deep (--max-include-depth)"));
      continue;
    }
    // Bounded, and only regular files: `include "/dev/zero"` must not read forever.
    FileContent content = read_regular_file(path, context_.limits);
    if (!content.content) {
      diagnostics_.push_back(
          make_diagnostic(content.too_large ? kInputLimitExceeded : kIncludeNotFound, at,
                          "included file " + path + " " + content.error));
      continue;
    }
    const SourceFile& included = context_.sources->add(path, std::move(*content.content));
    reading_.push_back(std::move(identity));
    read_file(included, block);
    reading_.pop_back();
  }
}

void TextParser::set_block(Cursor& cursor, NamedSet& set, const Token& open) {
  for (;;) {
    Token token = cursor.lexer.next();
    switch (token.kind) {
      case TokenKind::kEnd:
        error(cursor.file, open.text,
              "this `{` is never closed: the set runs to the end of the file");
        return;
      case TokenKind::kCloseBrace:
        return;
      case TokenKind::kNewline:
      case TokenKind::kSemicolon:
      case TokenKind::kComment:
        break;
      case TokenKind::kWord:
        if (token.is("type") || token.is("typeof")) {
          collect(cursor, nullptr, items_);
          set_key(set, items_, token.is("typeof"));
        } else if (token.is("elements")) {
          collect(cursor, nullptr, items_);
          auto brace = std::find_if(items_.begin(), items_.end(), [](const Item& item) {
            return item.kind == TokenKind::kOpenBrace;
          });
          add_elements(set, std::span<const Item>(brace, items_.end()));
        } else {
          skip_statement(cursor);  // flags, timeout, size, policy, auto-merge, comment, …
        }
        break;
      default:
        error(cursor.file, token.text, "unexpected `" + std::string(token.text) + "` in a set");
        if (token.kind == TokenKind::kOpenBrace) {
          skip_block(cursor);
        } else {
          skip_statement(cursor);
        }
        break;
    }
  }
}

// `type ipv4_addr . inet_service`, `typeof ip saddr . tcp dport`, `type inet_service : verdict`.
void TextParser::set_key(NamedSet& set, std::span<const Item> items, bool typeof_form) {
  set.key.clear();
  size_t colon = items.size();
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].is(":")) {
      colon = i;
      break;
    }
  }
  set.verdict_map = colon + 1 < items.size() && items[colon + 1].is("verdict");
  std::span<const Item> key = items.first(colon);
  for (size_t index = 0;; ++index) {
    std::span<const Item> component = key_component(key, index);
    if (component.empty()) break;
    KeyComponent part;
    if (typeof_form) {
      part.port = component.size() == 2 && (component[1].is("dport") || component[1].is("sport")) &&
                  (!selector_transports(component[0].text).empty() || component[0].is("udplite"));
      part.transports = selector_transports(component[0].text);
    } else {
      part.port = component[0].is("inet_service");
    }
    set.key.push_back(part);
  }
}

void TextParser::add_elements(NamedSet& set, std::span<const Item> items) {
  if (items.empty() || items[0].kind != TokenKind::kOpenBrace) return;
  if (std::none_of(set.key.begin(), set.key.end(), [](const KeyComponent& c) { return c.port; })) {
    return;  // a set of addresses or marks: nothing for the port checks
  }
  // Elements share few blocks (the set's braces, a define's): each block's span is found once.
  const Item* block_open = nullptr;
  std::string_view block;
  SourceSpan block_span;
  for_each_element(items, 0, [&](const SetElement& element) {
    MappedVerdict mapped = set.verdict_map ? mapped_verdict(element.value) : MappedVerdict{};
    if (element.open != block_open) {
      block_open = element.open;
      const Item* close = element.close != nullptr && element.close->file == element.open->file
                              ? element.close
                              : element.open;
      block = std::string_view(
          element.open->text.data(),
          static_cast<size_t>(close->text.data() + close->text.size() - element.open->text.data()));
      block_span = element.open->file->span(block);
    }
    for (size_t k = 0; k < set.key.size(); ++k) {
      if (!set.key[k].port) continue;
      std::span<const Item> value = key_component(element.key, k);
      if (value.empty()) continue;
      SetPort port;
      port.component = static_cast<uint8_t>(k);
      if (!make_port_token(value, set.key[k].transports, context_.registry, refs_, diagnostics_,
                           port.token)) {
        set.unresolved = true;
        continue;
      }
      port.block = block;
      port.block_span = block_span;
      port.verdict = mapped.verdict;
      port.target = mapped.target;
      set.ports.push_back(std::move(port));
    }
  });
}

NamedSet& TextParser::named_set(size_t table, std::string_view name) {
  return sets_[tables_key(table) + std::string(name)];
}

std::string TextParser::tables_key(size_t table) const {
  return builder_.family(table) + " " + builder_.table_name(table) + " ";
}

bool TextParser::add_rule(const SourceFile& file, size_t table, size_t chain,
                          std::span<const Item> items, std::string_view text, uint64_t handle,
                          bool insert) {
  if (items.empty()) {
    error(file, text, "a rule needs at least one statement");
    return true;
  }
  RuleLocation location = builder_.add_rule(table, chain, insert);
  Rule& rule = builder_.rule_at(location);
  rule.span = file.span(text);
  rule.text = text;
  rule.handle = handle;
  std::string key = tables_key(table);
  TableSets sets(sets_, key, true);
  rule_diagnostics_.clear();
  read_rule(items, file, {context_.registry, refs_, sets, rule_diagnostics_}, rule);
  if (sets.asked()) {
    builder_.clear_rule(location);
    pending_.push_back({location, {items.begin(), items.end()}, &file, std::move(key)});
    return false;
  }
  diagnostics_.insert(diagnostics_.end(), rule_diagnostics_.begin(), rule_diagnostics_.end());
  // Final unless an `insert rule` or a later hook changes the chain; run() tells.
  if (context_.sink != nullptr && !insert) {
    builder_.hand_over(location, *context_.sink, result_->ruleset);
  }
  return true;
}

Header TextParser::header(Cursor& cursor) {
  Header head;
  for (;;) {
    const Token& next = cursor.lexer.peek();
    if (next.kind == TokenKind::kOpenBrace) {
      head.block = true;
      head.brace = cursor.lexer.next();
      return head;
    }
    if (next.kind != TokenKind::kWord && next.kind != TokenKind::kString) return head;
    Token word = cursor.lexer.next();
    if (head.count < head.words.size()) head.words[head.count++] = word;
  }
}

uint64_t TextParser::collect(Cursor& cursor, const Token* first, std::vector<Item>& items) {
  items.clear();
  uint64_t handle = 0;
  int depth = 0;
  Token open;
  if (first != nullptr) push(cursor, *first, items);
  for (;;) {
    const Token& next = cursor.lexer.peek();
    if (next.kind == TokenKind::kEnd) {
      if (depth > 0) error(cursor.file, open.text, "this `{` is never closed");
      return handle;
    }
    if (next.kind == TokenKind::kCloseBrace && depth == 0) return handle;
    Token token = cursor.lexer.next();
    switch (token.kind) {
      case TokenKind::kNewline:
      case TokenKind::kSemicolon:
        if (depth == 0) return handle;
        push(cursor, token, items);
        break;
      case TokenKind::kComment:
        if (depth == 0) handle = handle_comment(token.text).value_or(handle);
        break;
      case TokenKind::kOpenBrace:
        if (depth++ == 0) open = token;
        push(cursor, token, items);
        break;
      case TokenKind::kCloseBrace:
        --depth;
        push(cursor, token, items);
        break;
      case TokenKind::kUnterminatedString:
        error(cursor.file, token.text, "unterminated string: a `\"` has no closing quote");
        break;
      default:
        push(cursor, token, items);
        break;
    }
  }
}

void TextParser::skip_block(Cursor& cursor) {
  int depth = 1;
  while (depth > 0) {
    Token token = cursor.lexer.next();
    if (token.kind == TokenKind::kEnd) return;
    if (token.kind == TokenKind::kOpenBrace) ++depth;
    if (token.kind == TokenKind::kCloseBrace) --depth;
  }
}

void TextParser::push(Cursor& cursor, const Token& token, std::vector<Item>& items) {
  if (token.kind != TokenKind::kWord) {
    items.push_back({token.kind, token.text, token.text, &cursor.file, 0});
    return;
  }
  // nft's scanner reads `$name` and `:` as tokens of their own, so a variable may stand inside
  // a word: `:$port`, `$addr:$port`.
  std::string_view rest = token.text;
  while (!rest.empty()) {
    size_t end = rest.front() == '$' ? rest.find(':') : rest.find('$');
    std::string_view part = rest.substr(0, end);
    rest.remove_prefix(part.size());
    if (part.size() > 1 && part.front() == '$') {
      expand(cursor, Token{TokenKind::kWord, part}, items);
    } else {
      push_word(cursor, part, items);
    }
  }
}

// Verdict-map elements may be written without blanks around their colon (`22: accept`,
// `22 :accept`, `22:accept`); the colons of addresses (`fe80::1`, `10.0.0.1:80`) stay.
void TextParser::push_word(Cursor& cursor, std::string_view text, std::vector<Item>& items) {
  auto add = [&](std::string_view part) {
    items.push_back({TokenKind::kWord, part, part, &cursor.file, 0});
  };
  size_t colon = text.find(':');
  bool single =
      colon != std::string_view::npos && text.find(':', colon + 1) == std::string_view::npos;
  if (single && text.size() > 1 && colon == text.size() - 1) {
    add(text.substr(0, colon));
    add(text.substr(colon, 1));
  } else if (single && verdict_of(text.substr(colon + 1)) &&
             verdict_of(text.substr(colon + 1)) != Verdict::kNat) {
    if (colon > 0) add(text.substr(0, colon));
    add(text.substr(colon, 1));
    add(text.substr(colon + 1));
  } else {
    add(text);
  }
}

void TextParser::expand(Cursor& cursor, const Token& reference, std::vector<Item>& items) {
  auto it = defines_.find(reference.text.substr(1));
  if (it == defines_.end()) {
    diagnostics_.push_back(make_diagnostic(
        kUnresolvedVariable, cursor.file.span(reference.text),
        "`" + std::string(reference.text) +
            "` is not defined in this file or its includes before this line, so what it stands "
            "for cannot be checked"));
    items.push_back({TokenKind::kWord, reference.text, reference.text, &cursor.file, 0});
    return;
  }
  const Define& define = it->second;
  // One reference node per distinct inner chain: the items of a define share few chains.
  std::vector<std::pair<uint32_t, uint32_t>> heads;
  SourceSpan span = cursor.file.span(reference.text);
  for (const Item& stored : define.items) {
    auto head = std::find_if(heads.begin(), heads.end(),
                             [&](const auto& pair) { return pair.first == stored.via; });
    if (head == heads.end()) {
      uint32_t node = refs_.add({reference.text, span, define.written, define.span, stored.via});
      head = heads.insert(heads.end(), {stored.via, node});
    }
    Item item = stored;
    item.written = reference.text;
    item.via = head->second;
    items.push_back(item);
  }
}

}  // namespace
}  // namespace nft

ParseResult parse_nftables(const SourceFile& file, const ParseContext& context) {
  ParseResult result;
  if (!nft::TextParser(file, context).run(result)) {
    context.sink->retract();
    ParseContext keeping_rules = context;
    keeping_rules.sink = nullptr;
    result = {};
    nft::TextParser(file, keeping_rules).run(result);
  }
  return result;
}

}  // namespace fwlint
