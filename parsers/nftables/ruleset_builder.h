// Tables, chains and rules in the order nft evaluates them, shared by the text and JSON front
// ends. Tables are told apart by family and name, chains by name within their table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "linter/model.h"
#include "parsers/parser.h"

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

  // A new rule at the end of its chain, or before the chain's rules (`insert rule`), with its
  // family, table and chain set, for the caller to fill in place.
  RuleLocation add_rule(size_t table, size_t chain, bool insert);
  Rule& rule_at(const RuleLocation& location);
  // Drops what was read into a rule, keeping where and what it is (span, text, handle, family,
  // table, chain), so that it can be read again.
  void clear_rule(const RuleLocation& location);
  // Gives the rule just appended (`location` is the newest of its chain) to `sink` with the
  // position and direction it has so far, and forgets it.
  void hand_over(const RuleLocation& location, RuleSink& sink, Ruleset& ruleset);
  // False when a rule handed over has since moved (an `insert rule` went before it) or its
  // chain's hook changed, so that it was checked with the wrong position or direction.
  bool handed_over_rules_are_final() const;

  // The tables with each chain's rules in evaluation order, positions and directions set.
  std::vector<Table> finish();

 private:
  std::vector<Table> tables_;
  std::vector<std::string> families_;
  std::unordered_map<std::string, size_t> table_index_;  // "family name"
  std::vector<std::unordered_map<std::string, size_t>> chain_index_;
  // The rules of one chain until finish(). The first chunk grows like any vector and becomes
  // the chain's rules as it is; a chain longer than kChunk rules continues in chunks reserved
  // once, so that 700k rules are never relocated while being read, and each such chunk (over
  // 32 MiB, which malloc maps apart) is really given back once finish() has moved it out.
  class Rules {
   public:
    size_t add();
    Rule& at(size_t index);
    void pop_back();
    size_t size() const { return size_; }
    // The rules in order (or newest first), the storage released as it goes.
    void move_into(std::vector<Rule>& out, bool newest_first);

   private:
    static constexpr size_t kChunk = 65536;
    std::vector<std::vector<Rule>> chunks_;
    size_t size_ = 0;
  };
  struct Pending {
    Rules appended;          // each with its place among all appended rules as its position
    Rules inserted;          // `insert rule`, in the order read
    size_t handed_over = 0;  // appended rules given to a sink instead of kept
    Direction handed_over_direction = Direction::kOther;
    bool handed_over_directions_differ = false;
  };
  std::vector<std::vector<Pending>> rules_;
};

}  // namespace fwlint::nft
