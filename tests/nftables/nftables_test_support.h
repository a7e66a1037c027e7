// Parsing small nft inputs in the nftables tests, and reading back what the parser made.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linter/model.h"
#include "parsers/parser.h"

namespace fwlint::nftables_testing {

class Parsed {
 public:
  // Parses `text` as nft text (or `nft -j` JSON); includes are read from disk relative to `path`.
  Parsed(std::string text, Format format = Format::kNftables, std::string path = "input.nft");

  const ParseResult& result() const { return result_; }
  const Ruleset& ruleset() const { return result_.ruleset; }
  const SourceManager& sources() const { return sources_; }

  // Every rule, table by table, chain by chain, in evaluation order.
  std::vector<const Rule*> rules() const;
  const Rule& rule(size_t index) const;
  // "LINE:COLUMN FWnnnn" for each diagnostic, in the order reported.
  std::vector<std::string> diagnostics() const;
  // Every diagnostic with its message, one per line: for failure output.
  std::string describe() const;
  // The text a span covers, in whichever file it points into.
  std::string text(const SourceSpan& span) const;

 private:
  SourceManager sources_;
  ParseResult result_;
};

// "22 600-700 ssh": the written text of each token, in order.
std::string tokens(const PortSet& ports);
// "[22,22] [600,700]": the intervals of each token, in order.
std::string intervals(const PortSet& ports);
// "tcp udp": the transports of a set.
std::string transports(TransportSet set);

}  // namespace fwlint::nftables_testing
