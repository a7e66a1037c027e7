#include "parsers/nftables/ruleset_builder.h"

#include "parsers/nftables/vocabulary.h"

namespace fwlint::nft {

size_t RulesetBuilder::table(std::string_view family, std::string_view name, SourceSpan span) {
  std::string key = std::string(family) + " " + std::string(name);
  auto [it, inserted] = table_index_.try_emplace(std::move(key), tables_.size());
  if (inserted) {
    Table table;
    table.span = span;
    table.family = family_of(family);
    table.name = std::string(name);
    tables_.push_back(std::move(table));
    families_.emplace_back(family);
    chain_index_.emplace_back();
    inserted_.emplace_back();
  }
  return it->second;
}

size_t RulesetBuilder::chain(size_t table, std::string_view name, SourceSpan span) {
  auto& index = chain_index_[table];
  auto [it, inserted] = index.try_emplace(std::string(name), tables_[table].chains.size());
  if (inserted) {
    Chain chain;
    chain.span = span;
    chain.name = std::string(name);
    tables_[table].chains.push_back(std::move(chain));
    inserted_[table].emplace_back();
  }
  return it->second;
}

RuleLocation RulesetBuilder::add_rule(size_t table, size_t chain, Rule rule, bool insert) {
  const Table& owner = tables_[table];
  rule.family = owner.family;
  rule.table = owner.name;
  rule.chain = owner.chains[chain].name;
  std::vector<Rule>& rules = insert ? inserted_[table][chain] : chain_at(table, chain).rules;
  rules.push_back(std::move(rule));
  return {table, chain, insert, rules.size() - 1};
}

Rule& RulesetBuilder::rule_at(const RuleLocation& location) {
  if (location.inserted) return inserted_[location.table][location.chain][location.index];
  return chain_at(location.table, location.chain).rules[location.index];
}

std::vector<Table> RulesetBuilder::finish() {
  for (size_t t = 0; t < tables_.size(); ++t) {
    for (size_t c = 0; c < tables_[t].chains.size(); ++c) {
      Chain& chain = tables_[t].chains[c];
      std::vector<Rule>& inserted = inserted_[t][c];
      if (!inserted.empty()) {
        // Each `insert rule` goes before everything already there: the newest comes first.
        std::vector<Rule> ordered(std::make_move_iterator(inserted.rbegin()),
                                  std::make_move_iterator(inserted.rend()));
        ordered.insert(ordered.end(), std::make_move_iterator(chain.rules.begin()),
                       std::make_move_iterator(chain.rules.end()));
        chain.rules = std::move(ordered);
        inserted.clear();
      }
      uint32_t position = 0;
      for (Rule& rule : chain.rules) {
        rule.position = ++position;
        rule.direction = chain.direction;
      }
    }
  }
  return std::move(tables_);
}

}  // namespace fwlint::nft
