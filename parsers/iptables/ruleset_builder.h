// Tables and chains of a Ruleset as iptables commands create and fill them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "linter/model.h"
#include "parsers/parser.h"

namespace fwlint::iptables {

class RulesetBuilder {
 public:
  explicit RulesetBuilder(Ruleset& ruleset) : ruleset_(ruleset) {}

  // The table's index, created on first use.
  size_t table(std::string_view name, Family family, SourceSpan span);
  // Removes every chain of the table.
  void clear_table(size_t table);
  // The chain's index in its table, or -1 when it does not exist.
  int64_t find_chain(size_t table, std::string_view name) const;
  // The chain's index, created on first use.
  size_t chain(size_t table, std::string_view name, SourceSpan span);

  Table& table_at(size_t table) { return ruleset_.tables[table]; }
  Chain& chain_at(size_t table, size_t chain) { return ruleset_.tables[table].chains[chain]; }

  // A new rule at the end of the chain, with table, chain and direction filled in. Rule
  // positions are assigned by finish().
  Rule& append_rule(size_t table, size_t chain);
  // Moves the chain's last rule to 1-based `position` (iptables -I); false if out of range, in
  // which case the rule stays last.
  bool move_last_rule(size_t table, size_t chain, uint64_t position);

  // How many rules each chain will get ("table/chain" → count), so that chains reserve their
  // room once instead of growing: a dump can hold a million rules.
  void expect_rules(std::unordered_map<std::string, uint32_t> counts) {
    expected_ = std::move(counts);
  }

  // Gives the chain's last rule its position and hands it to `sink` instead of keeping it.
  void hand_over_last_rule(size_t table, size_t chain, RuleSink& sink);

  // Numbers the rules of every chain (after those handed over).
  void finish();

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  using ChainIndex = std::unordered_map<std::string, size_t, StringHash, std::equal_to<>>;

  Ruleset& ruleset_;
  std::vector<ChainIndex> chains_;             // per table
  std::vector<std::vector<uint32_t>> handed_;  // per table and chain: rules handed over
  std::unordered_map<std::string, uint32_t> expected_;
};

}  // namespace fwlint::iptables
