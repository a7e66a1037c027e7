// Shell scripts of iptables / ip6tables commands.
#include <algorithm>

#include "linter/diagnostics.h"
#include "parsers/iptables/command.h"
#include "parsers/iptables/dialect.h"
#include "parsers/iptables/iptables_parser.h"
#include "parsers/iptables/lines.h"
#include "parsers/iptables/options.h"
#include "parsers/iptables/rule_spec.h"
#include "parsers/iptables/ruleset_builder.h"
#include "parsers/iptables/script_commands.h"
#include "parsers/iptables/shell_expand.h"
#include "parsers/iptables/shell_lexer.h"

namespace fwlint {

namespace {

using namespace iptables;

// Bounds the statements nested literal loops run, so that a pathological script cannot make the
// model explode or the run take minutes: a loop's run costs as much as the statements in its body.
constexpr size_t kMaxLoopStatements = 1 << 16;

// A command, or a loop whose body runs once per value of its list.
struct Statement {
  const ShellCommand* command = nullptr;
  size_t first_word = 0;  // after keywords such as `do` or `then`
  bool loop = false;
  std::string_view variable;   // empty for while/until loops
  std::span<const Word> list;  // the words after `in`
  bool list_known = false;     // `for x in …` (not `for x;` or while)
  std::vector<Statement> body;
};

bool is_keyword(std::string_view word) {
  return word == "do" || word == "then" || word == "else" || word == "elif" || word == "if" ||
         word == "{" || word == "}" || word == "!" || word == "time";
}

std::string_view plain(const Word& word) {
  if (word.parts.size() != 1 || word.parts[0].kind != WordPart::Kind::kLiteral || word.quoted) {
    return {};
  }
  return word.parts[0].text;
}

// Groups the commands into loops.
std::vector<Statement> build_statements(const std::vector<ShellCommand>& commands) {
  std::vector<Statement> top;
  std::vector<Statement*> open;  // innermost last
  auto target = [&]() -> std::vector<Statement>& { return open.empty() ? top : open.back()->body; };
  for (const ShellCommand& command : commands) {
    size_t first = 0;
    while (first < command.words.size() && is_keyword(plain(command.words[first]))) ++first;
    if (first == command.words.size()) continue;
    std::string_view head = plain(command.words[first]);
    if (head == "done") {
      if (!open.empty()) open.pop_back();
      continue;
    }
    if (head == "for" || head == "select" || head == "while" || head == "until") {
      Statement loop;
      loop.command = &command;
      loop.first_word = first;
      loop.loop = true;
      if ((head == "for" || head == "select") && first + 1 < command.words.size()) {
        loop.variable = plain(command.words[first + 1]);
        if (first + 2 < command.words.size() && plain(command.words[first + 2]) == "in") {
          loop.list = std::span<const Word>(command.words).subspan(first + 3);
          loop.list_known = true;
        }
      }
      std::vector<Statement>& into = target();
      into.push_back(std::move(loop));
      open.push_back(&into.back());
      continue;
    }
    Statement statement;
    statement.command = &command;
    statement.first_word = first;
    target().push_back(std::move(statement));
  }
  return top;
}

class ScriptParser {
 public:
  ScriptParser(const SourceFile& file, const ParseContext& context, ParseResult& result)
      : file_(file), context_(context), result_(result), builder_(result.ruleset) {}

  void run() {
    std::vector<ShellCommand> commands = lex_shell(file_, result_.diagnostics);
    std::vector<Statement> statements = build_statements(commands);
    execute(statements);
    builder_.finish();
  }

 private:
  void execute(const std::vector<Statement>& statements);
  void run_loop(const Statement& loop);
  void run_command(const Statement& statement);
  void run_iptables(const ShellCommand& command, std::span<const Word> words,
                    const IptablesInvocation& invocation);

  const SourceFile& file_;
  const ParseContext& context_;
  ParseResult& result_;
  RulesetBuilder builder_;
  Environment environment_;
  ArgList args_;
  Command command_;
  size_t loop_statements_ = 0;
  bool loop_limit_reported_ = false;
};

void ScriptParser::execute(const std::vector<Statement>& statements) {
  for (const Statement& statement : statements) {
    if (statement.loop) {
      run_loop(statement);
    } else {
      run_command(statement);
    }
  }
}

void ScriptParser::run_loop(const Statement& loop) {
  std::vector<Field> values;
  bool known = loop.list_known;
  for (const Word& word : loop.list) {
    std::string_view unresolved;
    std::vector<Field> fields = expand(word.parts, environment_, true, &unresolved);
    if (!unresolved.empty()) known = false;
    for (Field& field : fields) values.push_back(std::move(field));
  }
  if (!known || loop.variable.empty()) {
    // The values come from outside the script: the body runs once, its variable unknown.
    if (!loop.variable.empty()) {
      Field unknown;
      unknown.resolved = false;
      environment_.assign(loop.variable, std::move(unknown));
    }
    execute(loop.body);
    return;
  }
  // The loop variable's definition: `for p in 22 658`.
  const char* header = loop.command->words[loop.first_word].raw.data();
  std::string_view definition(
      header, static_cast<size_t>(loop.command->text.data() + loop.command->text.size() - header));
  for (Field& value : values) {
    value.definition = definition;
    loop_statements_ += loop.body.size();
    if (loop_statements_ > kMaxLoopStatements) {
      if (!loop_limit_reported_) {
        result_.diagnostics.push_back(make_diagnostic(
            kInvalidSyntax, file_.span(loop.command->text),
            concat("nested loops expand to more than ", std::to_string(kMaxLoopStatements),
                   " commands; fwlint read the first ones only")));
        loop_limit_reported_ = true;
      }
      return;
    }
    environment_.assign(loop.variable, std::move(value));
    execute(loop.body);
  }
}

void ScriptParser::run_command(const Statement& statement) {
  const ShellCommand& command = *statement.command;
  std::span<const Word> words = std::span<const Word>(command.words).subspan(statement.first_word);
  size_t assignments = apply_assignments(words, environment_);
  if (assignments == words.size()) return;
  words = words.subspan(assignments);
  if (auto invocation = find_iptables(words, environment_)) {
    run_iptables(command, words, *invocation);
  }
}

void ScriptParser::run_iptables(const ShellCommand& command, std::span<const Word> words,
                                const IptablesInvocation& invocation) {
  args_.clear();
  for (const Field& extra : invocation.extra_args) {
    field_to_arg(extra, words[invocation.word], args_);
  }
  for (size_t i = invocation.word + 1; i < words.size(); ++i) {
    expand_to_args(words[i], environment_, args_);
  }
  read_command(args_.args, file_, command_, result_.diagnostics);
  if (command_.command == nullptr || command_.chain.empty()) return;
  std::string_view table = command_.table.empty() ? "filter" : command_.table;
  if (command_.table_option != nullptr && command_.table.empty()) return;
  const char* begin = words.front().raw.data();
  std::string_view text(begin,
                        static_cast<size_t>(command.text.data() + command.text.size() - begin));
  SourceSpan span = file_.span(text);
  size_t t = builder_.table(table, invocation.family, span);
  switch (command_.kind) {
    case OptionKind::kAppend:
    case OptionKind::kInsert: {
      size_t chain = builder_.chain(t, command_.chain, span);
      Rule& rule = builder_.append_rule(t, chain);
      rule.span = span;
      rule.text = text;
      SpecContext spec_context{file_, context_.registry, result_.diagnostics, true};
      read_rule_spec(args_, command_.spec, spec_context, rule);
      if (command_.kind == OptionKind::kInsert) {
        // A position beyond what this script added may be valid on the host (other scripts
        // fill the chain too): the rule then stays last.
        uint64_t position = command_.position.empty() ? 1 : rule_number(command_.position);
        builder_.move_last_rule(t, chain, position);
      }
      return;
    }
    case OptionKind::kNewChain:
      builder_.chain(t, command_.chain, span);
      return;
    case OptionKind::kPolicy:
      if (command_.policy != nullptr) {
        size_t chain = builder_.chain(t, command_.chain, span);
        builder_.chain_at(t, chain).policy = std::string(command_.policy->text);
      }
      return;
    default:
      // -D, -F, -X, -L … change rules fwlint cannot see (the running kernel's) or none.
      return;
  }
}

}  // namespace

ParseResult parse_iptables_script(const SourceFile& file, const ParseContext& context) {
  ParseResult result;
  result.ruleset.file = file.index();
  result.ruleset.format = Format::kIptablesScript;
  result.ruleset.order = EvaluationOrder::kFirstMatch;
  result.ruleset.dialect = &script_dialect();
  if (report_binary(file, result.diagnostics)) return result;
  ScriptParser(file, context, result).run();
  // A loop body reports its problems once, not once per value of the loop.
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), finding_less);
  auto same = [](const Finding& a, const Finding& b) {
    return a.span == b.span && a.check_id == b.check_id && a.message == b.message;
  };
  result.diagnostics.erase(std::unique(result.diagnostics.begin(), result.diagnostics.end(), same),
                           result.diagnostics.end());
  return result;
}

}  // namespace fwlint
