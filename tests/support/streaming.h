// Checking rules as a parser hands them over (Linter::parse_and_check) must give the findings of
// parsing the whole model and checking it afterwards; these helpers compare the two.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linter/engine.h"
#include "parsers/parser.h"

namespace fwlint::testing {

// "LINE:COL-LINE:COL FWnnnn message | suggestion | related … | edit …", sorted as reported.
std::vector<std::string> describe_findings(std::vector<Finding> findings);
// "table chain #position direction: text": what a check may read of where a rule sits.
std::string describe_placement(const Rule& rule);

// Lints `text` (read as `path` by the front end named `front_end`) both ways and expects the
// same rule count and the same findings.
void expect_streaming_matches_whole_model(const std::string& text, std::string_view front_end,
                                          std::string_view path);

// Records what a parser hands over and counts what it takes back.
class RecordingSink : public RuleSink {
 public:
  void take(const Rule& rule, const Ruleset& ruleset) override;
  void retract() override;
  std::vector<std::string> placements;  // describe_placement of each rule taken
  size_t retracted = 0;
};

// `text` parsed with a RecordingSink as the parser's sink.
struct Streamed {
  Streamed(const std::string& text, std::string_view front_end, std::string_view path);
  SourceManager sources;  // what the rules' texts point into
  RecordingSink sink;
  ParseResult result;
};

// Rules kept in the ruleset's tables (not handed over).
size_t kept_rules(const Ruleset& ruleset);
// describe_placement of every kept rule.
std::vector<std::string> kept_placements(const Ruleset& ruleset);

}  // namespace fwlint::testing
