// Parsing small inputs in the iptables tests, and reading back what the parser made.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "linter/model.h"
#include "parsers/parser.h"

namespace fwlint::iptables_testing {

class Parsed {
 public:
  Parsed(Format format, std::string text, std::string path = "input");

  const ParseResult& result() const { return result_; }
  const Ruleset& ruleset() const { return result_.ruleset; }
  const SourceFile& file() const { return *file_; }
  const SourceManager& sources() const { return sources_; }

  // Every rule, table by table, chain by chain, in evaluation order.
  std::vector<const Rule*> rules() const;
  const Rule& rule(size_t index) const;
  // "LINE:COLUMN FWnnnn" for each diagnostic, in the order reported.
  std::vector<std::string> diagnostics() const;
  // Every diagnostic with its message, one per line: for failure output.
  std::string describe() const;
  // Whether any diagnostic has this id.
  bool has(std::string_view id) const;
  // The file text a span covers.
  std::string text(const SourceSpan& span) const { return std::string(file_->text(span)); }

 private:
  SourceManager sources_;
  const SourceFile* file_;
  ParseResult result_;
};

// `*filter` + the default chains + `rules` + COMMIT.
std::string filter_dump(std::string_view rules);

// "[low, high] [low, high]" of a port set's tokens, in written order.
std::string intervals(const PortSet& ports);

}  // namespace fwlint::iptables_testing
