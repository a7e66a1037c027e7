#include "parsers/nftables/ruleset_builder.h"

#include <algorithm>

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
    rules_.emplace_back();
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
    rules_[table].emplace_back();
  }
  return it->second;
}

size_t RulesetBuilder::Rules::add() {
  if (chunks_.empty() || chunks_.back().size() == kChunk) {
    chunks_.emplace_back();
    if (chunks_.size() > 1) chunks_.back().reserve(kChunk);
  }
  chunks_.back().emplace_back();
  return size_++;
}

Rule& RulesetBuilder::Rules::at(size_t index) {
  return chunks_[index / kChunk][index % kChunk];
}

void RulesetBuilder::Rules::pop_back() {
  chunks_.back().pop_back();
  --size_;
  if (chunks_.back().empty()) chunks_.pop_back();
}

void RulesetBuilder::Rules::move_into(std::vector<Rule>& out, bool newest_first) {
  if (out.empty() && chunks_.size() == 1 && !newest_first) {
    out = std::move(chunks_.front());  // the usual chain: its vector as it is, nothing moved
  } else {
    out.reserve(out.size() + size_);
    if (newest_first) {
      for (size_t i = size_; i-- > 0;) out.push_back(std::move(at(i)));
    } else {
      for (std::vector<Rule>& chunk : chunks_) {
        for (Rule& rule : chunk) out.push_back(std::move(rule));
        std::vector<Rule>().swap(chunk);
      }
    }
  }
  chunks_.clear();
  size_ = 0;
}

RuleLocation RulesetBuilder::add_rule(size_t table, size_t chain, bool insert) {
  Pending& pending = rules_[table][chain];
  RuleLocation location{table, chain, insert, (insert ? pending.inserted : pending.appended).add()};
  Rule& rule = rule_at(location);
  const Table& owner = tables_[table];
  rule.family = owner.family;
  rule.table = owner.name;
  rule.chain = owner.chains[chain].name;
  if (!insert) rule.position = static_cast<uint32_t>(pending.handed_over + pending.appended.size());
  return location;
}

Rule& RulesetBuilder::rule_at(const RuleLocation& location) {
  Pending& pending = rules_[location.table][location.chain];
  return (location.inserted ? pending.inserted : pending.appended).at(location.index);
}

void RulesetBuilder::clear_rule(const RuleLocation& location) {
  Rule& rule = rule_at(location);
  Rule fresh;
  fresh.span = rule.span;
  fresh.text = rule.text;
  fresh.handle = rule.handle;
  fresh.position = rule.position;
  fresh.family = rule.family;
  fresh.table = std::move(rule.table);
  fresh.chain = std::move(rule.chain);
  rule = std::move(fresh);
}

void RulesetBuilder::hand_over(const RuleLocation& location, RuleSink& sink, Ruleset& ruleset) {
  Pending& pending = rules_[location.table][location.chain];
  Rule& rule = rule_at(location);
  rule.direction = tables_[location.table].chains[location.chain].direction;
  if (pending.handed_over > 0 && rule.direction != pending.handed_over_direction) {
    pending.handed_over_directions_differ = true;
  }
  pending.handed_over_direction = rule.direction;
  sink.take(rule, ruleset);
  pending.appended.pop_back();
  ++pending.handed_over;
  ++ruleset.handed_over;
}

bool RulesetBuilder::handed_over_rules_are_final() const {
  for (size_t t = 0; t < tables_.size(); ++t) {
    for (size_t c = 0; c < tables_[t].chains.size(); ++c) {
      const Pending& pending = rules_[t][c];
      if (pending.handed_over > 0 &&
          (pending.inserted.size() > 0 || pending.handed_over_directions_differ ||
           pending.handed_over_direction != tables_[t].chains[c].direction)) {
        return false;
      }
    }
  }
  return true;
}

std::vector<Table> RulesetBuilder::finish() {
  for (size_t t = 0; t < tables_.size(); ++t) {
    for (size_t c = 0; c < tables_[t].chains.size(); ++c) {
      Chain& chain = tables_[t].chains[c];
      Pending& pending = rules_[t][c];
      // Each `insert rule` goes before everything already there: the newest comes first.
      const uint32_t inserted = static_cast<uint32_t>(pending.inserted.size());
      pending.inserted.move_into(chain.rules, true);
      pending.appended.move_into(chain.rules, false);
      for (uint32_t i = 0; i < chain.rules.size(); ++i) {
        Rule& rule = chain.rules[i];
        rule.position = i < inserted ? i + 1 : inserted + rule.position;
        rule.direction = chain.direction;
      }
    }
  }
  return std::move(tables_);
}

}  // namespace fwlint::nft
