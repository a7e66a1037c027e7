// The statements of pf.conf: macros, rules (through RuleReader), inline anchor blocks, tables,
// options, `include` and `load anchor`. Rules land in tables by ruleset type (filter, nat, rdr,
// binat, scrub, ether, dummynet) and in chains by anchor path ("main" for the main ruleset).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "linter/check.h"
#include "parsers/parser.h"
#include "parsers/pf/macros.h"
#include "parsers/pf/rule_reader.h"

namespace fwlint::pf {

inline constexpr std::string_view kMainRuleset = "main";

// The path with `.` and `..` and symbolic links resolved as far as it exists, for cycle checks.
std::string canonical_path(const std::string& path);

class Parser {
 public:
  Parser(const SourceFile& file, const ParseContext& context, ParseResult& result);
  void run();

 private:
  struct Load {
    std::string anchor;
    std::string path;
    const SourceFile* from;
    SourceSpan span;
  };

  void parse_file(const SourceFile& file, const std::string& anchor);
  // Statements until the end of the file, or (depth > 0) the `}` closing an anchor block.
  // False when the file ends before that `}`.
  bool statements(TokenStream& stream, const std::string& anchor, int depth);
  void statement(TokenStream& stream, const std::string& anchor, int depth);
  void macro_definition(TokenStream& stream, int depth);
  void rule_statement(TokenStream& stream, const std::string& anchor, RuleKind kind,
                      std::string_view table, int depth);
  void set_statement(TokenStream& stream, int depth);
  void table_statement(TokenStream& stream, int depth);
  void include_statement(TokenStream& stream, const std::string& anchor, int depth);
  void load_statement(TokenStream& stream, const std::string& anchor, int depth);
  // Ends a statement: its comment, or nothing after reporting and skipping leftover tokens.
  std::string_view finish(TokenStream& stream, int depth);
  void skip(TokenStream& stream, int depth);
  void report(const CheckInfo& kind, SourceSpan span, std::string message);
  void report_undefined_macros();

  Chain& chain(std::string_view table, const std::string& anchor);
  void add_rule(Rule rule, const std::string& anchor);
  std::string child_anchor(const std::string& parent, std::string_view name);
  // Reads a file named by `include` or `load anchor`, relative to the including file's directory
  // first; reports (and returns null) when it is missing, unreadable or already being read.
  const SourceFile* open(std::string_view written, const SourceFile& from, SourceSpan at);

  const SourceFile& root_;
  const ParseContext& context_;
  ParseResult& result_;
  Macros macros_;
  bool block_returns_ = false;
  int anonymous_anchors_ = 0;
  std::vector<std::string> open_files_;      // files being read, outermost first (cycle check)
  std::optional<size_t> failed_include_;     // index in diagnostics of the first unreadable include
  std::vector<std::string> assumed_macros_;  // undefined, so taken to come from that include
  std::map<std::pair<std::string, std::string>, std::pair<size_t, size_t>, std::less<>> chains_;
  struct AnchorInfo {
    SourceSpan span;
    Direction direction = Direction::kOther;
  };
  std::map<std::string, AnchorInfo, std::less<>> anchors_;
  std::vector<Load> loads_;
  std::vector<std::string> loaded_files_;  // files read by `load anchor`, each read once
};

}  // namespace fwlint::pf
