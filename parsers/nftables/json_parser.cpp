// The `nft -j` front end: the `nftables` array of metainfo, table, chain, set, map, element and
// rule objects (and the `{"add": {…}}` command form), read into the same model as the text.
// Each rule's location is its object in the JSON text.
#include <algorithm>
#include <map>

#include "linter/diagnostics.h"
#include "parsers/nftables/dialect.h"
#include "parsers/nftables/items.h"
#include "parsers/nftables/json_tree.h"
#include "parsers/nftables/nftables_parser.h"
#include "parsers/nftables/port_values.h"
#include "parsers/nftables/rule_reader.h"
#include "parsers/nftables/ruleset_builder.h"
#include "parsers/nftables/vocabulary.h"

namespace fwlint {

namespace nft {
namespace {

struct JsonSet {
  std::vector<KeyComponent> key;
  bool verdict_map = false;
  std::vector<SetPort> ports;
  bool unresolved = false;
};

// A rule that names a set: read at the end, since `nft -j` may list it before the set.
struct PendingRule {
  RuleLocation location;
  size_t offset;
  std::string tables_key;
};

class JsonParser {
 public:
  JsonParser(const SourceFile& file, const ParseContext& context)
      : file_(file), context_(context), text_(file.content()) {}

  ParseResult run();

 private:
  bool read_array(size_t& offset);
  void object(const JsonTree& tree, size_t offset);
  void table(const JsonTree& tree, const JsonNode& body, const JsonNode& whole);
  void chain(const JsonTree& tree, const JsonNode& body, const JsonNode& whole);
  void set(const JsonTree& tree, const JsonNode& body, bool map);
  void elements(const JsonTree& tree, const JsonNode& list, JsonSet& set);
  // Reads the rule; false when it names a set that is only known at the end.
  bool rule(const JsonTree& tree, const JsonNode& body, const JsonNode& whole, bool defer,
            const RuleLocation* location, bool insert);

  std::string_view str(const JsonTree& tree, const JsonNode& object, std::string_view name) const {
    const JsonNode* member = tree.member(object, name);
    return member != nullptr ? tree.string(*member) : std::string_view();
  }
  size_t table_index(const JsonTree& tree, const JsonNode& body, const JsonNode& whole,
                     std::string_view name_key);
  void error(size_t offset, std::string message) {
    diagnostics_.push_back(
        make_diagnostic(kInvalidSyntax, file_.span(offset, offset + 1), std::move(message)));
  }

  friend class JsonRuleReader;

  const SourceFile& file_;
  const ParseContext& context_;
  std::string_view text_;
  RulesetBuilder builder_;
  std::vector<Finding> diagnostics_;
  std::map<std::string, JsonSet, std::less<>> sets_;  // "family table name"
  std::vector<PendingRule> pending_;
};

// Reads the `expr` array of one rule.
class JsonRuleReader {
 public:
  JsonRuleReader(const JsonParser& parser, const JsonTree& tree, std::string tables_key, bool defer,
                 std::vector<Finding>& diagnostics, Rule& rule)
      : parser_(parser),
        tree_(tree),
        tables_key_(std::move(tables_key)),
        defer_(defer),
        diagnostics_(diagnostics),
        rule_(rule) {}

  void read(const JsonNode& expressions);
  bool asked_for_set() const { return asked_; }

 private:
  enum class Kind : uint8_t { kOther, kPort, kL4proto, kAddress, kInterface };
  struct Selector {
    Kind kind = Kind::kOther;
    bool source = false;
    TransportSet transports;
    std::string_view protocol;
  };

  SourceSpan span(const JsonNode& node) const { return parser_.file_.span(node.begin, node.end); }
  std::string_view text(const JsonNode& node) const { return tree_.text(node); }
  Selector selector(const JsonNode& left) const;
  void match(const JsonNode& expression, const JsonNode& body, const JsonNode* next,
             const JsonNode* previous);
  void verdict_map(const JsonNode& expression, const JsonNode& body);
  void nat(const JsonNode& expression, std::string_view keyword, const JsonNode& body);
  // `removable` is what deleting the match deletes (with a separator), `match` the match alone.
  PortSet* port_side(const Selector& selector, bool negated, const JsonNode& value,
                     SourceSpan removable, SourceSpan match);
  template <typename Visit>
  void for_each_value(const JsonNode& value, size_t component, Visit&& visit) const;
  void add_token(PortSet& set, const JsonNode& value, TransportSet transports,
                 std::string_view comparison);
  const JsonSet* find_set(std::string_view name);
  void named_ports(PortSet& set, const JsonNode& reference, size_t component,
                   std::vector<MappedVerdict>* verdicts);
  void set_action(Verdict verdict, std::string_view target, const JsonNode& node);
  void other(const JsonNode& node) { rule_.other_matches.push_back(text(node)); }

  const JsonParser& parser_;
  const JsonTree& tree_;
  std::string tables_key_;
  bool defer_;
  bool asked_ = false;
  std::vector<Finding>& diagnostics_;
  Rule& rule_;
  TransportSet l4_ = TransportSet::all();
  bool side_seen_[2] = {false, false};
  bool has_verdict_ = false;
  const JsonNode* log_ = nullptr;
  std::string_view first_port_protocol_;
  SourceSpan first_port_protocol_span_;
  PortSet nat_ports_;
};

// The JSON text from a value to the next one (or from the previous one), so that deleting it
// leaves a valid array.
SourceSpan removable(const SourceFile& file, const JsonNode& node, const JsonNode* next,
                     const JsonNode* previous) {
  if (next != nullptr) return file.span(node.begin, next->begin);
  if (previous != nullptr) return file.span(previous->end, node.end);
  return file.span(node.begin, node.end);
}

// {"elem": {"val": X, "timeout": …}} is an element with options.
const JsonNode& element_value(const JsonTree& tree, const JsonNode& node) {
  if (const JsonNode* elem = tree.member(node, "elem")) {
    if (const JsonNode* value = tree.member(*elem, "val")) return *value;
  }
  return node;
}

// The key of a set element and, in maps, what it maps to.
std::pair<const JsonNode*, const JsonNode*> element_parts(const JsonTree& tree,
                                                          const JsonNode& element, bool map) {
  const JsonNode& value = element_value(tree, element);
  if (map && value.kind == JsonKind::kArray) {
    const JsonNode* key = tree.first(value);
    return {key, key != nullptr ? tree.next(*key) : nullptr};
  }
  return {&value, nullptr};
}

const JsonNode* key_part(const JsonTree& tree, const JsonNode& key, size_t component) {
  const JsonNode& value = element_value(tree, key);
  const JsonNode* concat = tree.member(value, "concat");
  if (concat == nullptr) return component == 0 ? &value : nullptr;
  const JsonNode* part = tree.first(*concat);
  for (size_t i = 0; part != nullptr && i < component; ++i) part = tree.next(*part);
  return part;
}

// An address as nft writes it: `10.0.0.0/8` for {"prefix": …}, `a-b` for {"range": […]}.
std::string address_text(const JsonTree& tree, const JsonNode& value) {
  auto scalar = [&](const JsonNode* node) -> std::string {
    if (node == nullptr) return {};
    return std::string(node->kind == JsonKind::kString ? tree.string(*node) : tree.text(*node));
  };
  if (const JsonNode* prefix = tree.member(value, "prefix")) {
    return scalar(tree.member(*prefix, "addr")) + "/" + scalar(tree.member(*prefix, "len"));
  }
  if (const JsonNode* range = tree.member(value, "range")) {
    const JsonNode* low = tree.first(*range);
    return scalar(low) + "-" + scalar(low != nullptr ? tree.next(*low) : nullptr);
  }
  return scalar(&value);
}

MappedVerdict json_verdict(const JsonTree& tree, const JsonNode* node) {
  const JsonNode* verdict = node != nullptr ? tree.only_member(*node) : nullptr;
  if (verdict == nullptr) return {};
  std::optional<Verdict> kind = verdict_of(tree.key(*verdict));
  if (!kind || *kind == Verdict::kNat) return {};
  MappedVerdict mapped{*kind, {}};
  if (const JsonNode* target = tree.member(*verdict, "target"))
    mapped.target = tree.string(*target);
  return mapped;
}

// A port, range or service name at `node`, as the text front end would have read it.
bool json_port_token(const JsonTree& tree, const SourceFile& file, const JsonNode& node,
                     TransportSet transports, const Registry& registry,
                     std::vector<Finding>& diagnostics, PortToken& token) {
  PortValue port;
  std::string text;
  if (const JsonNode* range = tree.member(node, "range")) {
    const JsonNode* low = tree.first(*range);
    const JsonNode* high = low != nullptr ? tree.next(*low) : nullptr;
    if (high == nullptr) return false;
    std::string_view low_text =
        low->kind == JsonKind::kString ? tree.string(*low) : tree.text(*low);
    std::string_view high_text =
        high->kind == JsonKind::kString ? tree.string(*high) : tree.text(*high);
    port = port_range(low_text, high_text, transports, registry);
    text = std::string(low_text) + "-" + std::string(high_text);
  } else if (node.kind == JsonKind::kNumber || node.kind == JsonKind::kString) {
    std::string_view written = node.kind == JsonKind::kString ? tree.string(node) : tree.text(node);
    port = port_value(written, transports, registry);
    text = std::string(written);
  } else {
    return false;
  }
  token.span = file.span(node.begin, node.end);
  if (!port.ok()) {
    diagnostics.push_back(make_diagnostic(*port.problem, token.span, std::move(port.message)));
    return false;
  }
  token.text = std::move(text);
  token.interval = port.interval;
  return true;
}

ParseResult JsonParser::run() {
  size_t offset = 0;
  JsonTree::skip_blanks(text_, offset);
  if (offset >= text_.size() || text_[offset] != '{') {
    error(offset, "`nft -j` output starts with `{\"nftables\": [`");
  } else {
    ++offset;
    for (;;) {
      JsonTree::skip_blanks(text_, offset);
      if (offset < text_.size() && text_[offset] == '}') break;
      JsonTree key(text_);
      size_t key_offset = offset;
      if (!key.parse(offset) || key.root().kind != JsonKind::kString) {
        error(key_offset, "a member name was expected");
        break;
      }
      JsonTree::skip_blanks(text_, offset);
      if (offset >= text_.size() || text_[offset] != ':') {
        error(offset, "`:` was expected after the member name");
        break;
      }
      ++offset;
      if (key.string(key.root()) == "nftables") {
        if (!read_array(offset)) break;
      } else {
        JsonTree ignored(text_);
        if (!ignored.parse(offset)) {
          error(ignored.error_offset(), ignored.error());
          break;
        }
      }
      JsonTree::skip_blanks(text_, offset);
      if (offset < text_.size() && text_[offset] == ',') {
        ++offset;
        continue;
      }
      if (offset >= text_.size() || text_[offset] != '}') error(offset, "`,` or `}` was expected");
      break;
    }
    if (diagnostics_.empty() && offset < text_.size() && text_[offset] == '}') {
      ++offset;
      JsonTree::skip_blanks(text_, offset);
      if (offset < text_.size()) error(offset, "text follows the end of the JSON document");
    }
  }
  for (const PendingRule& pending : pending_) {
    size_t offset = pending.offset;
    JsonTree tree(text_);
    tree.parse(offset);
    const JsonNode* command = tree.only_member(tree.root());
    const JsonNode* body = command != nullptr ? tree.member(*command, "rule") : nullptr;
    rule(tree, body != nullptr ? *body : *command, tree.root(), false, &pending.location, false);
  }
  ParseResult result;
  result.ruleset.format = Format::kNftablesJson;
  result.ruleset.order = EvaluationOrder::kFirstMatch;
  result.ruleset.dialect = &json_dialect();
  result.ruleset.tables = builder_.finish();
  result.diagnostics = std::move(diagnostics_);
  return result;
}

bool JsonParser::read_array(size_t& offset) {
  JsonTree::skip_blanks(text_, offset);
  if (offset >= text_.size() || text_[offset] != '[') {
    error(offset, "`nftables` holds an array");
    return false;
  }
  ++offset;
  JsonTree tree(text_);
  for (;;) {
    JsonTree::skip_blanks(text_, offset);
    if (offset < text_.size() && text_[offset] == ']') {
      ++offset;
      return true;
    }
    size_t begin = offset;
    if (!tree.parse(offset)) {
      error(tree.error_offset(), tree.error());
      return false;
    }
    object(tree, begin);
    JsonTree::skip_blanks(text_, offset);
    if (offset < text_.size() && text_[offset] == ',') {
      ++offset;
    } else if (offset >= text_.size() || text_[offset] != ']') {
      error(offset, "`,` or `]` was expected");
      return false;
    }
  }
}

void JsonParser::object(const JsonTree& tree, size_t offset) {
  const JsonNode* member = tree.only_member(tree.root());
  if (member == nullptr) return;
  std::string_view kind = tree.key(*member);
  bool insert = kind == "insert";
  if (kind == "add" || kind == "create" || kind == "insert") {
    member = tree.only_member(*member);  // {"add": {"rule": {…}}}
    if (member == nullptr) return;
    kind = tree.key(*member);
  }
  if (kind == "table") {
    table(tree, *member, tree.root());
  } else if (kind == "chain") {
    chain(tree, *member, tree.root());
  } else if (kind == "set" || kind == "map") {
    set(tree, *member, kind == "map");
  } else if (kind == "element") {
    std::string key = std::string(str(tree, *member, "family")) + " " +
                      std::string(str(tree, *member, "table")) + " " +
                      std::string(str(tree, *member, "name"));
    auto it = sets_.find(key);
    const JsonNode* list = tree.member(*member, "elem");
    if (it != sets_.end() && list != nullptr) elements(tree, *list, it->second);
  } else if (kind == "rule") {
    if (!rule(tree, *member, tree.root(), true, nullptr, insert)) {
      pending_.back().offset = offset;
    }
  }
}

size_t JsonParser::table_index(const JsonTree& tree, const JsonNode& body, const JsonNode& whole,
                               std::string_view name_key) {
  return builder_.table(str(tree, body, "family"), str(tree, body, name_key),
                        file_.span(whole.begin, whole.end));
}

void JsonParser::table(const JsonTree& tree, const JsonNode& body, const JsonNode& whole) {
  table_index(tree, body, whole, "name");
}

void JsonParser::chain(const JsonTree& tree, const JsonNode& body, const JsonNode& whole) {
  size_t table = table_index(tree, body, whole, "table");
  size_t index = builder_.chain(table, str(tree, body, "name"), file_.span(whole.begin, whole.end));
  Chain& chain = builder_.chain_at(table, index);
  if (tree.member(body, "hook") != nullptr) {
    chain.direction = direction_of_hook(str(tree, body, "hook"));
  }
  if (tree.member(body, "policy") != nullptr) chain.policy = std::string(str(tree, body, "policy"));
}

void JsonParser::set(const JsonTree& tree, const JsonNode& body, bool map) {
  std::string key = std::string(str(tree, body, "family")) + " " +
                    std::string(str(tree, body, "table")) + " " +
                    std::string(str(tree, body, "name"));
  JsonSet& set = sets_[key];
  set.key.clear();
  if (const JsonNode* type = tree.member(body, "type")) {
    if (type->kind == JsonKind::kArray) {
      for (const JsonNode* part = tree.first(*type); part != nullptr; part = tree.next(*part)) {
        set.key.push_back({tree.string(*part) == "inet_service", {}});
      }
    } else {
      set.key.push_back({tree.string(*type) == "inet_service", {}});
    }
  }
  set.verdict_map = map && str(tree, body, "map") == "verdict";
  if (const JsonNode* list = tree.member(body, "elem")) elements(tree, *list, set);
}

void JsonParser::elements(const JsonTree& tree, const JsonNode& list, JsonSet& set) {
  if (std::none_of(set.key.begin(), set.key.end(), [](const KeyComponent& c) { return c.port; })) {
    return;
  }
  std::string_view block = tree.text(list);
  SourceSpan block_span = file_.span(list.begin, list.end);
  for (const JsonNode* element = tree.first(list); element != nullptr;
       element = tree.next(*element)) {
    auto [key, value] = element_parts(tree, *element, set.verdict_map);
    if (key == nullptr) continue;
    MappedVerdict mapped = set.verdict_map ? json_verdict(tree, value) : MappedVerdict{};
    for (size_t k = 0; k < set.key.size(); ++k) {
      if (!set.key[k].port) continue;
      const JsonNode* part = key_part(tree, *key, k);
      SetPort port;
      if (part == nullptr || !json_port_token(tree, file_, *part, set.key[k].transports,
                                              context_.registry, diagnostics_, port.token)) {
        set.unresolved = true;
        continue;
      }
      port.component = static_cast<uint8_t>(k);
      port.block = block;
      port.block_span = block_span;
      port.verdict = mapped.verdict;
      port.target = mapped.target;
      set.ports.push_back(std::move(port));
    }
  }
}

bool JsonParser::rule(const JsonTree& tree, const JsonNode& body, const JsonNode& whole, bool defer,
                      const RuleLocation* location, bool insert) {
  std::string family(str(tree, body, "family"));
  std::string tables_key = family + " " + std::string(str(tree, body, "table")) + " ";
  RuleLocation placed;
  if (location != nullptr) {
    placed = *location;
  } else {
    size_t table = table_index(tree, body, whole, "table");
    size_t chain =
        builder_.chain(table, str(tree, body, "chain"), file_.span(whole.begin, whole.end));
    placed = builder_.add_rule(table, chain, insert);
  }
  Rule& rule = builder_.rule_at(placed);
  rule.span = file_.span(whole.begin, whole.end);
  rule.text = tree.text(whole);
  if (const JsonNode* handle = tree.member(body, "handle")) {
    rule.handle = static_cast<uint64_t>(std::max<int64_t>(0, tree.integer(*handle).value_or(0)));
  }
  if (const JsonNode* comment = tree.member(body, "comment")) {
    rule.comment = std::string(tree.string(*comment));
  }
  std::vector<Finding> found;
  JsonRuleReader reader(*this, tree, tables_key, defer, found, rule);
  if (const JsonNode* expressions = tree.member(body, "expr")) reader.read(*expressions);
  if (reader.asked_for_set()) {
    builder_.clear_rule(placed);
    pending_.push_back({placed, 0, tables_key});
    return false;
  }
  diagnostics_.insert(diagnostics_.end(), found.begin(), found.end());
  return true;
}

void JsonRuleReader::read(const JsonNode& expressions) {
  const JsonNode* previous = nullptr;
  for (const JsonNode* e = tree_.first(expressions); e != nullptr; e = tree_.next(*e)) {
    const JsonNode* body = tree_.only_member(*e);
    if (body == nullptr) {
      other(*e);
      previous = e;
      continue;
    }
    std::string_view key = tree_.key(*body);
    if (key == "match") {
      match(*e, *body, tree_.next(*e), previous);
    } else if (key == "vmap") {
      verdict_map(*e, *body);
    } else if (key == "counter") {
    } else if (key == "log") {
      if (log_ == nullptr) log_ = e;
    } else if (std::optional<Verdict> verdict = verdict_of(key)) {
      if (*verdict == Verdict::kNat) {
        nat(*e, key, *body);
      } else {
        std::string_view target = key;
        if (const JsonNode* name = tree_.member(*body, "target")) target = tree_.string(*name);
        set_action(*verdict, target, *e);
      }
    } else {
      other(*e);
    }
    previous = e;
  }
  rule_.transports = l4_;
  if (!nat_ports_.any() && !side_seen_[1]) rule_.destination_ports = std::move(nat_ports_);
  if (!has_verdict_ && log_ != nullptr) set_action(Verdict::kLog, "log", *log_);
  if (rule_.protocol.empty() && !first_port_protocol_.empty() && first_port_protocol_ != "th") {
    rule_.protocol = std::string(first_port_protocol_);
    rule_.protocol_span = first_port_protocol_span_;
  }
}

JsonRuleReader::Selector JsonRuleReader::selector(const JsonNode& left) const {
  Selector selector;
  if (const JsonNode* payload = tree_.member(left, "payload")) {
    std::string_view protocol = parser_.str(tree_, *payload, "protocol");
    std::string_view field = parser_.str(tree_, *payload, "field");
    if ((field == "dport" || field == "sport") &&
        (protocol == "udplite" || !selector_transports(protocol).empty())) {
      selector.kind = Kind::kPort;
      selector.source = field == "sport";
      selector.transports = selector_transports(protocol);
      selector.protocol = protocol;
    } else if ((protocol == "ip" || protocol == "ip6") && (field == "saddr" || field == "daddr")) {
      selector.kind = Kind::kAddress;
      selector.source = field == "saddr";
    } else if ((protocol == "ip" && field == "protocol") ||
               (protocol == "ip6" && field == "nexthdr")) {
      selector.kind = Kind::kL4proto;
    }
  } else if (const JsonNode* meta = tree_.member(left, "meta")) {
    std::string_view key = parser_.str(tree_, *meta, "key");
    if (key == "l4proto") selector.kind = Kind::kL4proto;
    if (key == "iifname" || key == "oifname" || key == "iif" || key == "oif") {
      selector.kind = Kind::kInterface;
      selector.source = key.starts_with('i');
    }
  }
  return selector;
}

template <typename Visit>
void JsonRuleReader::for_each_value(const JsonNode& value, size_t component, Visit&& visit) const {
  const JsonNode* list = tree_.member(value, "set");
  if (list == nullptr && value.kind == JsonKind::kArray) list = &value;
  if (list == nullptr) {
    if (const JsonNode* part = key_part(tree_, value, component)) visit(*part);
    return;
  }
  for (const JsonNode* element = tree_.first(*list); element != nullptr;
       element = tree_.next(*element)) {
    if (const JsonNode* part = key_part(tree_, *element, component)) visit(*part);
  }
}

PortSet* JsonRuleReader::port_side(const Selector& selector, bool negated, const JsonNode& value,
                                   SourceSpan removable, SourceSpan match) {
  bool& seen = side_seen_[selector.source ? 0 : 1];
  PortSet& set = selector.source ? rule_.source_ports : rule_.destination_ports;
  if (seen && set.negated != negated) return nullptr;
  for (Transport t : kAllTransports) {
    if (!selector.transports.contains(t)) l4_.remove(t);
  }
  if (first_port_protocol_.empty()) first_port_protocol_ = selector.protocol;
  if (!seen) {
    seen = true;
    set.negated = negated;
    set.value_span = span(value);
    set.removal_keeps = l4proto_match_json(selector.protocol);
    // A match that leaves another in its place keeps its separator.
    set.option_span = set.removal_keeps.empty() ? removable : match;
  }
  return &set;
}

void JsonRuleReader::add_token(PortSet& set, const JsonNode& value, TransportSet transports,
                               std::string_view comparison) {
  if (value.kind == JsonKind::kString && tree_.string(value).starts_with('@')) {
    set.unresolved = true;
    return;
  }
  PortToken token;
  if (!json_port_token(tree_, parser_.file_, value, transports, parser_.context_.registry,
                       diagnostics_, token)) {
    set.unresolved = true;
    return;
  }
  if (!comparison.empty()) {
    std::optional<PortInterval> interval = compared(comparison, token.interval.low);
    if (!interval) return;
    token.interval = *interval;
    token.text = std::string(comparison) + " " + token.text;
  }
  set.tokens.push_back(std::move(token));
}

const JsonSet* JsonRuleReader::find_set(std::string_view name) {
  if (defer_) {
    asked_ = true;
    return nullptr;
  }
  auto it = parser_.sets_.find(tables_key_ + std::string(name));
  return it == parser_.sets_.end() ? nullptr : &it->second;
}

void JsonRuleReader::named_ports(PortSet& set, const JsonNode& reference, size_t component,
                                 std::vector<MappedVerdict>* verdicts) {
  std::string_view written = tree_.string(reference);
  const JsonSet* named = find_set(written.substr(1));
  if (named == nullptr) {
    if (!defer_) {
      diagnostics_.push_back(make_diagnostic(kUnresolvedVariable, span(reference),
                                             "set `" + std::string(written) +
                                                 "` is not declared in table " + rule_.table +
                                                 ", so its ports cannot be checked"));
    }
    set.unresolved = true;
    return;
  }
  if (component >= named->key.size() || !named->key[component].port) {
    set.unresolved = true;
    return;
  }
  set.unresolved = set.unresolved || named->unresolved;
  SourceSpan at = span(reference);
  for (const SetPort& element : named->ports) {
    if (verdicts != nullptr) verdicts->push_back({element.verdict, element.target});
    if (element.component != component) continue;
    set.tokens.push_back(port_through_set(element, {}, at, written));
  }
}

void JsonRuleReader::match(const JsonNode& expression, const JsonNode& body, const JsonNode* next,
                           const JsonNode* previous) {
  const JsonNode* left = tree_.member(body, "left");
  const JsonNode* right = tree_.member(body, "right");
  std::string_view op = parser_.str(tree_, body, "op");
  if (left == nullptr || right == nullptr) {
    other(expression);
    return;
  }
  std::vector<Selector> selectors;
  if (const JsonNode* concat = tree_.member(*left, "concat")) {
    for (const JsonNode* part = tree_.first(*concat); part != nullptr; part = tree_.next(*part)) {
      selectors.push_back(selector(*part));
    }
  } else {
    selectors.push_back(selector(*left));
  }
  bool interpreted = selectors.size() == 1 && selectors.front().kind != Kind::kOther;
  SourceSpan option = removable(parser_.file_, expression, next, previous);
  bool named = right->kind == JsonKind::kString && tree_.string(*right).starts_with('@');
  for (size_t k = 0; k < selectors.size(); ++k) {
    const Selector& s = selectors[k];
    if (s.kind == Kind::kPort) {
      PortSet* set = port_side(s, negating_operator(op), *right, option, span(expression));
      if (set == nullptr) {
        interpreted = false;
        continue;
      }
      TransportSet transports = s.transports;
      TransportSet known;
      for (Transport t : kAllTransports) {
        if (transports.contains(t) && l4_.contains(t)) known.add(t);
      }
      if (!known.empty()) transports = known;
      if (named) {
        set->is_list = true;
        named_ports(*set, *right, k, nullptr);
        continue;
      }
      size_t values = 0;
      for_each_value(*right, k, [&](const JsonNode& value) {
        ++values;
        add_token(*set, value, transports, comparison_operator(op) ? op : std::string_view());
      });
      if (values > 1 || tree_.member(*right, "set") != nullptr) set->is_list = true;
    } else if (s.kind == Kind::kL4proto) {
      TransportSet matched;
      bool known = !named;
      for_each_value(*right, k, [&](const JsonNode& value) {
        std::string_view name = value.kind == JsonKind::kString ? tree_.string(value) : text(value);
        if (auto transport = transport_of_protocol(name)) matched.add(*transport);
      });
      if (rule_.protocol.empty() && selectors.size() == 1) {
        rule_.protocol =
            std::string(right->kind == JsonKind::kString ? tree_.string(*right) : text(*right));
        rule_.protocol_span = span(*right);
        rule_.protocol_negated = negating_operator(op);
      }
      if (known) {
        for (Transport t : kAllTransports) {
          if (matched.contains(t) == negating_operator(op)) l4_.remove(t);
        }
      }
    } else if (s.kind == Kind::kAddress && selectors.size() == 1) {
      auto& list = s.source ? rule_.sources : rule_.destinations;
      for_each_value(*right, 0, [&](const JsonNode& value) {
        list.push_back({span(value), address_text(tree_, value), negating_operator(op)});
      });
    } else if (s.kind == Kind::kInterface && selectors.size() == 1) {
      auto& list = s.source ? rule_.in_interfaces : rule_.out_interfaces;
      for_each_value(*right, 0, [&](const JsonNode& value) {
        list.push_back({span(value), std::string(tree_.string(value)), negating_operator(op)});
      });
    }
  }
  if (!interpreted) other(expression);
}

void JsonRuleReader::verdict_map(const JsonNode& expression, const JsonNode& body) {
  const JsonNode* key = tree_.member(body, "key");
  const JsonNode* data = tree_.member(body, "data");
  if (key == nullptr || data == nullptr) {
    other(expression);
    return;
  }
  std::vector<Selector> selectors;
  if (const JsonNode* concat = tree_.member(*key, "concat")) {
    for (const JsonNode* part = tree_.first(*concat); part != nullptr; part = tree_.next(*part)) {
      selectors.push_back(selector(*part));
    }
  } else {
    selectors.push_back(selector(*key));
  }
  bool named = data->kind == JsonKind::kString && tree_.string(*data).starts_with('@');
  const JsonNode* list = tree_.member(*data, "set");
  std::vector<MappedVerdict> verdicts;
  bool only_ports = true;
  for (size_t k = 0; k < selectors.size(); ++k) {
    if (selectors[k].kind != Kind::kPort) {
      only_ports = false;
      continue;
    }
    PortSet* set = port_side(selectors[k], false, *data, span(expression), span(expression));
    if (set == nullptr) continue;
    set->is_list = true;
    if (named) {
      named_ports(*set, *data, k, verdicts.empty() ? &verdicts : nullptr);
    } else if (list != nullptr) {
      for (const JsonNode* element = tree_.first(*list); element != nullptr;
           element = tree_.next(*element)) {
        auto [element_key, value] = element_parts(tree_, *element, true);
        if (element_key == nullptr) continue;
        if (const JsonNode* part = key_part(tree_, *element_key, k)) {
          add_token(*set, *part, selectors[k].transports, {});
        }
      }
    }
  }
  if (list != nullptr) {
    for (const JsonNode* element = tree_.first(*list); element != nullptr;
         element = tree_.next(*element)) {
      verdicts.push_back(json_verdict(tree_, element_parts(tree_, *element, true).second));
    }
  } else if (named && verdicts.empty()) {
    if (const JsonSet* map = find_set(tree_.string(*data).substr(1))) {
      for (const SetPort& element : map->ports)
        verdicts.push_back({element.verdict, element.target});
    }
  }
  MappedVerdict verdict = common_verdict(verdicts);
  set_action(verdict.verdict, verdict.target, expression);
  if (!only_ports) other(expression);
}

void JsonRuleReader::nat(const JsonNode& expression, std::string_view keyword,
                         const JsonNode& body) {
  if (const JsonNode* port = tree_.member(body, "port")) {
    PortToken token;
    if (json_port_token(tree_, parser_.file_, *port, l4_, parser_.context_.registry, diagnostics_,
                        token)) {
      nat_ports_.tokens.push_back(std::move(token));
      nat_ports_.value_span = span(*port);
      nat_ports_.option_span = span(expression);
    } else {
      nat_ports_.unresolved = true;
    }
  }
  set_action(Verdict::kNat, keyword, expression);
  if (keyword == "tproxy") has_verdict_ = false;  // not terminal: a verdict may follow
}

void JsonRuleReader::set_action(Verdict verdict, std::string_view target, const JsonNode& node) {
  if (has_verdict_) return;
  has_verdict_ = verdict != Verdict::kLog;
  rule_.action.verdict = verdict;
  rule_.action.target = std::string(target);
  rule_.action.span = span(node);
}

}  // namespace
}  // namespace nft

ParseResult parse_nftables_json(const SourceFile& file, const ParseContext& context) {
  return nft::JsonParser(file, context).run();
}

}  // namespace fwlint
