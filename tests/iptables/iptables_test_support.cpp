#include "iptables/iptables_test_support.h"

#include <stdexcept>

#include "parsers/iptables/iptables_parser.h"

namespace fwlint::iptables_testing {

Parsed::Parsed(Format format, std::string text, std::string path)
    : file_(&sources_.add(std::move(path), std::move(text))) {
  ParseContext context{Registry::builtin()};
  result_ = format == Format::kIptablesScript ? parse_iptables_script(*file_, context)
                                              : parse_iptables_save(*file_, context);
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

bool Parsed::has(std::string_view id) const {
  for (const Finding& finding : result_.diagnostics) {
    if (finding.check_id == id) return true;
  }
  return false;
}

std::string filter_dump(std::string_view rules) {
  return "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n" +
         std::string(rules) + "\nCOMMIT\n";
}

std::string intervals(const PortSet& ports) {
  std::string text;
  for (const PortToken& token : ports.tokens) {
    if (!text.empty()) text += ' ';
    text +=
        "[" + std::to_string(token.interval.low) + ", " + std::to_string(token.interval.high) + "]";
  }
  return text;
}

}  // namespace fwlint::iptables_testing
