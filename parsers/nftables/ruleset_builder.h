// Tables, chains and rules in the order nft evaluates them, shared by the text and JSON front
// ends. Tables are told apart by family and name, chains by name within their table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "linter/model.h"

namespace fwlint::nft {

// Where a rule stays until finish(): its chain, and its place among the appended or the
// inserted (`insert rule`) rules.
struct RuleLocation {
  size_t table = 0;
  size_t chain = 0;
  bool inserted = false;
  size_t index = 0;
};

class RulesetBuilder {
 public:
  // The table `family name`, created at its first mention (whose span it keeps).
  size_t table(std::string_view family, std::string_view name, SourceSpan span);
  size_t chain(size_t table, std::string_view name, SourceSpan span);
  Chain& chain_at(size_t table, size_t chain) { return tables_[table].chains[chain]; }
  const std::string& family(size_t table) const { return families_[table]; }
  const std::string& table_name(size_t table) const { return tables_[table].name; }

  // Appends the rule to its chain, or puts it before the chain's rules (`insert rule`). Sets
  // the rule's family, table and chain.
  RuleLocation add_rule(size_t table, size_t chain, Rule rule, bool insert);
  Rule& rule_at(const RuleLocation& location);

  // The tables with each chain's rules in evaluation order, positions and directions set.
  std::vector<Table> finish();

 private:
  std::vector<Table> tables_;
  std::vector<std::string> families_;
  std::unordered_map<std::string, size_t> table_index_;  // "family name"
  std::vector<std::unordered_map<std::string, size_t>> chain_index_;
  std::vector<std::vector<std::vector<Rule>>> inserted_;  // per table, per chain; newest last
};

}  // namespace fwlint::nft
