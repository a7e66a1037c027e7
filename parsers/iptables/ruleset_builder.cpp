#include "parsers/iptables/ruleset_builder.h"

#include <algorithm>

#include "parsers/iptables/options.h"

namespace fwlint::iptables {

void RulesetBuilder::clear_table(size_t table) {
  ruleset_.tables[table].chains.clear();
  chains_[table].clear();
  handed_[table].clear();
}

size_t RulesetBuilder::table(std::string_view name, Family family, SourceSpan span) {
  for (size_t i = 0; i < ruleset_.tables.size(); ++i) {
    const Table& table = ruleset_.tables[i];
    if (table.name == name && table.family == family) return i;
  }
  Table& table = ruleset_.tables.emplace_back();
  table.name = std::string(name);
  table.family = family;
  table.span = span;
  chains_.emplace_back();
  handed_.emplace_back();
  return ruleset_.tables.size() - 1;
}

int64_t RulesetBuilder::find_chain(size_t table, std::string_view name) const {
  const ChainIndex& index = chains_[table];
  auto it = index.find(name);
  return it == index.end() ? -1 : static_cast<int64_t>(it->second);
}

size_t RulesetBuilder::chain(size_t table, std::string_view name, SourceSpan span) {
  ChainIndex& index = chains_[table];
  if (auto it = index.find(name); it != index.end()) return it->second;
  std::vector<Chain>& chains = ruleset_.tables[table].chains;
  Chain& chain = chains.emplace_back();
  chain.name = std::string(name);
  chain.span = span;
  chain.direction = chain_direction(name);
  if (auto it = expected_.find(ruleset_.tables[table].name + "/" + chain.name);
      it != expected_.end()) {
    chain.rules.reserve(it->second);
  }
  index.emplace(chain.name, chains.size() - 1);
  handed_[table].push_back(0);
  return chains.size() - 1;
}

Rule& RulesetBuilder::append_rule(size_t table, size_t chain) {
  Table& t = ruleset_.tables[table];
  Chain& c = t.chains[chain];
  Rule& rule = c.rules.emplace_back();
  rule.family = t.family;
  rule.table = t.name;
  rule.chain = c.name;
  rule.direction = c.direction;
  return rule;
}

bool RulesetBuilder::move_last_rule(size_t table, size_t chain, uint64_t position) {
  std::vector<Rule>& rules = ruleset_.tables[table].chains[chain].rules;
  if (position == 0 || position > rules.size()) return false;
  std::rotate(rules.begin() + static_cast<std::ptrdiff_t>(position - 1), rules.end() - 1,
              rules.end());
  return true;
}

void RulesetBuilder::hand_over_last_rule(size_t table, size_t chain, RuleSink& sink) {
  std::vector<Rule>& rules = ruleset_.tables[table].chains[chain].rules;
  Rule& rule = rules.back();
  rule.position = ++handed_[table][chain];
  sink.take(rule, ruleset_);
  rules.pop_back();
  ++ruleset_.handed_over;
}

void RulesetBuilder::finish() {
  for (size_t t = 0; t < ruleset_.tables.size(); ++t) {
    std::vector<Chain>& chains = ruleset_.tables[t].chains;
    for (size_t c = 0; c < chains.size(); ++c) {
      uint32_t position = handed_[t][c];
      for (Rule& rule : chains[c].rules) rule.position = ++position;
    }
  }
}

}  // namespace fwlint::iptables
