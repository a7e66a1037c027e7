#include "nftables/nftables_test_support.h"

#include <stdexcept>

#include "parsers/nftables/nftables_parser.h"

namespace fwlint::nftables_testing {

Parsed::Parsed(std::string text, Format format, std::string path) {
  const SourceFile& file = sources_.add(std::move(path), std::move(text));
  ParseContext context{Registry::builtin(), &sources_};
  result_ = format == Format::kNftablesJson ? parse_nftables_json(file, context)
                                            : parse_nftables(file, context);
  result_.ruleset.file = file.index();
}

std::vector<const Rule*> Parsed::rules() const {
  std::vector<const Rule*> rules;
  for (const Table& table : result_.ruleset.tables) {
    for (const Chain& chain : table.chains) {
      for (const Rule& rule : chain.rules) rules.push_back(&rule);
    }
  }
  return rules;
}

const Rule& Parsed::rule(size_t index) const {
  std::vector<const Rule*> all = rules();
  if (index >= all.size()) throw std::out_of_range("no rule " + std::to_string(index));
  return *all[index];
}

std::vector<std::string> Parsed::diagnostics() const {
  std::vector<std::string> lines;
  for (const Finding& finding : result_.diagnostics) {
    lines.push_back(std::to_string(finding.span.line) + ":" + std::to_string(finding.span.column) +
                    " " + std::string(finding.check_id));
  }
  return lines;
}

std::string Parsed::describe() const {
  std::string text;
  for (const Finding& finding : result_.diagnostics) {
    text += std::to_string(finding.span.line) + ":" + std::to_string(finding.span.column) + " " +
            std::string(finding.check_id) + " " + finding.message + "\n";
  }
  return text;
}

std::string Parsed::text(const SourceSpan& span) const {
  return std::string(sources_.file(span.file).text(span));
}

std::string tokens(const PortSet& ports) {
  std::string text;
  for (const PortToken& token : ports.tokens) text += (text.empty() ? "" : " ") + token.text;
  return text;
}

std::string intervals(const PortSet& ports) {
  std::string text;
  for (const PortToken& token : ports.tokens) {
    text += (text.empty() ? "[" : " [") + std::to_string(token.interval.low) + "," +
            std::to_string(token.interval.high) + "]";
  }
  return text;
}

std::string transports(TransportSet set) {
  std::string text;
  for (Transport t : kAllTransports) {
    if (set.contains(t)) text += (text.empty() ? "" : " ") + std::string(transport_name(t));
  }
  return text;
}

}  // namespace fwlint::nftables_testing
