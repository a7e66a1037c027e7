#include "parsers/nftables/rule_reader.h"

#include <algorithm>
#include <array>

#include "linter/diagnostics.h"
#include "parsers/nftables/port_values.h"
#include "parsers/nftables/vocabulary.h"

namespace fwlint::nft {

TransportSet selector_transports(std::string_view protocol) {
  if (protocol == "th") return TransportSet::all();
  if (auto transport = transport_of_protocol(protocol)) return TransportSet::of(*transport);
  return {};
}

bool make_port_token(std::span<const Item> value, TransportSet transports, const Registry& registry,
                     const RefArena& refs, std::vector<Finding>& diagnostics, PortToken& token) {
  if (value.empty()) return false;
  const Item& first = value.front();
  std::span<const Item> written = value.first(1);
  PortValue port;
  if (value.size() >= 3 && value[1].is("-")) {
    written = value.first(3);
    port = port_range(unquoted(first.text), unquoted(value[2].text), transports, registry);
  } else {
    port = port_value(unquoted(first.text), transports, registry);
  }
  std::string_view text = source_text(written);
  token.span = first.file->span(text);
  if (!port.ok()) {
    diagnostics.push_back(make_diagnostic(*port.problem, token.span, std::move(port.message)));
    return false;
  }
  token.text = std::string(text);
  token.interval = port.interval;
  token.via.clear();
  refs.append_chain(first.via, token.via);
  return true;
}

MappedVerdict mapped_verdict(std::span<const Item> value) {
  if (value.empty() || !value.front().word()) return {};
  std::optional<Verdict> verdict = verdict_of(value.front().text);
  if (!verdict) return {};
  MappedVerdict mapped{*verdict, {}};
  if ((*verdict == Verdict::kJump || *verdict == Verdict::kGoto) && value.size() > 1) {
    mapped.target = unquoted(value[1].text);
  }
  return mapped;
}

MappedVerdict common_verdict(std::span<const MappedVerdict> verdicts) {
  bool shared = !verdicts.empty() && std::all_of(verdicts.begin(), verdicts.end(), [&](auto& v) {
    return v.verdict == verdicts.front().verdict && v.target == verdicts.front().target;
  });
  if (!shared) return {Verdict::kOther, "vmap"};
  return {verdicts.front().verdict,
          verdicts.front().target.empty() ? std::string_view("vmap") : verdicts.front().target};
}

namespace {

struct L4protoMatch {
  std::string_view protocol;
  std::string_view text;
  std::string_view json;
};

constexpr L4protoMatch kL4protoMatches[] = {
    {"tcp", "meta l4proto tcp",
     R"({"match": {"op": "==", "left": {"meta": {"key": "l4proto"}}, "right": "tcp"}})"},
    {"udp", "meta l4proto udp",
     R"({"match": {"op": "==", "left": {"meta": {"key": "l4proto"}}, "right": "udp"}})"},
    {"sctp", "meta l4proto sctp",
     R"({"match": {"op": "==", "left": {"meta": {"key": "l4proto"}}, "right": "sctp"}})"},
    {"dccp", "meta l4proto dccp",
     R"({"match": {"op": "==", "left": {"meta": {"key": "l4proto"}}, "right": "dccp"}})"},
    {"udplite", "meta l4proto udplite",
     R"({"match": {"op": "==", "left": {"meta": {"key": "l4proto"}}, "right": "udplite"}})"},
};

const L4protoMatch* l4proto_match(std::string_view protocol) {
  for (const L4protoMatch& match : kL4protoMatches) {
    if (match.protocol == protocol) return &match;
  }
  return nullptr;
}

}  // namespace

std::string_view l4proto_match_text(std::string_view protocol) {
  const L4protoMatch* match = l4proto_match(protocol);
  return match != nullptr ? match->text : std::string_view();
}

std::string_view l4proto_match_json(std::string_view protocol) {
  const L4protoMatch* match = l4proto_match(protocol);
  return match != nullptr ? match->json : std::string_view();
}

bool negating_operator(std::string_view op) {
  return op == "!=" || op == "ne" || op == "!";
}

bool comparison_operator(std::string_view op) {
  return op == "<" || op == ">" || op == "<=" || op == ">=" || op == "lt" || op == "gt" ||
         op == "le" || op == "ge";
}

std::optional<PortInterval> compared(std::string_view op, uint16_t value) {
  if (op == "<" || op == "lt") {
    if (value == 0) return std::nullopt;
    return PortInterval{0, static_cast<uint16_t>(value - 1)};
  }
  if (op == ">" || op == "gt") {
    if (value == 65535) return std::nullopt;
    return PortInterval{static_cast<uint16_t>(value + 1), 65535};
  }
  if (op == "<=" || op == "le") return PortInterval{0, value};
  return PortInterval{value, 65535};
}

namespace {

constexpr size_t kMaxConcatenation = 8;

enum class Kind : uint8_t { kUnknown, kOther, kPort, kL4proto, kAddress, kInterface };

struct Selector {
  Kind kind = Kind::kUnknown;
  bool source = false;  // saddr, sport, iifname
  TransportSet transports;
  size_t begin = 0;
};

class RuleReader {
 public:
  RuleReader(std::span<const Item> items, const SourceFile& file, const RuleEnvironment& env,
             Rule& rule)
      : items_(items), n_(items.size()), file_(file), env_(env), rule_(rule) {}

  void read();

 private:
  bool word_at(size_t i, std::string_view word) const { return i < n_ && items_[i].is(word); }
  std::string_view text_at(size_t i) const { return i < n_ ? items_[i].text : std::string_view(); }
  std::span<const Item> range(size_t begin, size_t end) const {
    end = std::min(end, n_);
    return begin < end ? items_.subspan(begin, end - begin) : std::span<const Item>();
  }

  size_t selector(size_t i, Selector& out) const;
  size_t value_end(size_t i) const;
  size_t value_expression_end(size_t i) const;
  size_t arguments_end(size_t i) const;

  size_t expression(size_t begin);
  size_t verdict(size_t i, Verdict verdict);
  size_t verdict_map(std::span<const Selector> selectors, size_t begin, size_t vmap);
  size_t nat(size_t i);
  void relation(std::span<const Selector> selectors, size_t begin, std::string_view op,
                size_t value_begin, size_t value_end);

  // The side's port set for a match written over items [begin, value_end), its spans set by the
  // first match on that side; nullptr when the side already holds a match of the other sense.
  PortSet* port_side(const Selector& selector, std::string_view op, size_t begin,
                     std::span<const Item> value, size_t value_end);
  void ports(const Selector& selector, size_t component, std::string_view op, size_t begin,
             size_t value_begin, size_t value_end);
  void add_token(PortSet& set, std::span<const Item> value, TransportSet transports,
                 std::string_view comparison);
  void named_set_ports(PortSet& set, const Item& reference, size_t component,
                       std::vector<MappedVerdict>* verdicts);
  void l4proto(std::string_view op, size_t value_begin, size_t value_end, size_t component);
  void addresses(const Selector& selector, std::string_view op, size_t value_begin,
                 size_t value_end);
  void interfaces(const Selector& selector, std::string_view op, size_t value_begin,
                  size_t value_end);
  void other(size_t begin, size_t end);
  void set_action(Verdict verdict, std::string_view target, size_t begin, size_t end);
  void finish();

  // Calls visit(component items) for each value of a simple, set or list value.
  template <typename Visit>
  void for_each_value(size_t value_begin, size_t value_end, size_t component, Visit&& visit);

  TransportSet port_transports(const Selector& selector) const {
    TransportSet known;
    for (Transport t : kAllTransports) {
      if (selector.transports.contains(t) && l4_.contains(t)) known.add(t);
    }
    return known.empty() ? selector.transports : known;
  }

  std::span<const Item> items_;
  size_t n_;
  const SourceFile& file_;
  const RuleEnvironment& env_;
  Rule& rule_;

  TransportSet l4_ = TransportSet::all();
  PortSet nat_ports_;
  const Item* first_port_protocol_ = nullptr;
  bool side_seen_[2] = {false, false};  // source, destination
  bool has_verdict_ = false;
  size_t log_begin_ = 0;
  size_t log_end_ = 0;
  size_t last_other_end_ = static_cast<size_t>(-1);
};

void RuleReader::read() {
  size_t i = 0;
  while (i < n_) {
    const Item& item = items_[i];
    if (item.kind == TokenKind::kNewline) {
      ++i;
      continue;
    }
    if (item.kind == TokenKind::kOpenBrace) {
      size_t end = std::min(n_, closing_brace(items_, i) + 1);
      other(i, end);
      i = end;
      continue;
    }
    if (!item.word()) {
      other(i, i + 1);
      ++i;
      continue;
    }
    std::string_view word = item.text;
    if (auto v = verdict_of(word)) {
      i = *v == Verdict::kNat ? nat(i) : verdict(i, *v);
    } else if (word == "comment") {
      if (i + 1 < n_) rule_.comment = std::string(unquoted(items_[i + 1].text));
      i += 2;
    } else if (word == "counter" || word == "log") {
      size_t end = arguments_end(i + 1);
      if (word == "log" && log_end_ == 0) {
        log_begin_ = i;
        log_end_ = end;
      }
      i = end;
    } else if (word == "limit" || word == "quota" || word == "meter" || word == "synproxy" ||
               word == "notrack" || word == "dup" || word == "fwd" || word == "flow" ||
               word == "xt") {
      size_t end = arguments_end(i + 1);
      other(i, end);
      i = end;
    } else if ((word == "add" || word == "update" || word == "delete") && i + 1 < n_ &&
               items_[i + 1].text.starts_with('@')) {
      size_t end = i + 2;
      if (end < n_ && items_[end].kind == TokenKind::kOpenBrace) {
        end = std::min(n_, closing_brace(items_, end) + 1);
      }
      other(i, end);
      i = end;
    } else {
      i = expression(i);
    }
  }
  finish();
}

size_t RuleReader::selector(size_t i, Selector& out) const {
  out = Selector{};
  out.begin = i;
  if (i >= n_ || !items_[i].word()) return i + 1;
  std::string_view word = items_[i].text;
  std::string_view next = text_at(i + 1);
  auto other = [&](size_t end) {
    out.kind = Kind::kOther;
    return std::min(end, n_);
  };
  if (word.starts_with('@') && i + 1 < n_ && items_[i + 1].kind == TokenKind::kComma) {
    return other(i + 5);  // raw payload `@th,16,16`
  }
  if (is_tunnel(word)) {
    return other(is_header(next) ? i + 3 : i + 2);  // `vxlan udp sport`: the inner header
  }
  if (is_header(word)) {
    if (i + 1 >= n_) return other(i + 1);
    if ((next == "dport" || next == "sport") &&
        (word == "tcp" || word == "udp" || word == "sctp" || word == "dccp" || word == "th" ||
         word == "udplite")) {
      out.kind = Kind::kPort;
      out.source = next == "sport";
      out.transports = selector_transports(word);
      return i + 2;
    }
    if ((word == "ip" || word == "ip6") && (next == "saddr" || next == "daddr")) {
      out.kind = Kind::kAddress;
      out.source = next == "saddr";
      return i + 2;
    }
    if ((word == "ip" && next == "protocol") || (word == "ip6" && next == "nexthdr")) {
      out.kind = Kind::kL4proto;
      return i + 2;
    }
    if (next == "option" || next == "chunk") {
      std::string_view field = text_at(i + 3);
      bool has_field = i + 4 < n_ && items_[i + 3].word() && !field.empty() &&
                       std::isalpha(static_cast<unsigned char>(field[0])) && field != "exists" &&
                       field != "missing" && field != "set" && !is_relational_operator(field);
      return other(has_field ? i + 4 : i + 3);
    }
    return other(i + 2);
  }
  if (word == "meta") {
    if (next == "l4proto") {
      out.kind = Kind::kL4proto;
      return std::min(i + 2, n_);
    }
    if (next == "iifname" || next == "oifname" || next == "iif" || next == "oif") {
      out.kind = Kind::kInterface;
      out.source = next.starts_with('i');
      return i + 2;
    }
    return other(i + 2);
  }
  if (is_bare_meta_key(word)) {
    if (word == "iifname" || word == "oifname" || word == "iif" || word == "oif") {
      out.kind = Kind::kInterface;
      out.source = word.starts_with('i');
      return i + 1;
    }
    return other(i + 1);
  }
  size_t j = i + 1;
  if (word == "ct") {
    if (next == "original" || next == "reply") ++j;
    if (word_at(j, "ip") || word_at(j, "ip6")) ++j;
    return other(j + 1);
  }
  if (word == "rt") {
    if (next == "ip" || next == "ip6") ++j;
    return other(j + 1);
  }
  if (word == "fib") {
    ++j;
    while (word_at(j, ".")) j += 2;
    return other(j + 1);
  }
  if (word == "socket") return other(next == "cgroupv2" ? i + 4 : i + 2);
  if (word == "osf") return other(next == "ttl" ? i + 4 : i + 2);
  if (word == "exthdr" || word == "tunnel") return other(i + 2);
  if (word == "ipsec") {
    j = i + 2;
    if (word_at(j, "spnum")) j += 2;
    if (word_at(j, "ip") || word_at(j, "ip6")) ++j;
    return other(j + 1);
  }
  if (word == "numgen" || word == "symhash" || word == "jhash") {
    if (word == "numgen") {
      j = i + 2;
    } else if (word == "jhash") {
      j = value_expression_end(i + 1);
    }
    while (word_at(j, "mod") || word_at(j, "seed") || word_at(j, "offset")) j += 2;
    return other(j);
  }
  return i + 1;  // unknown: one word, never a selector of ports
}

size_t RuleReader::value_end(size_t i) const {
  if (i >= n_) return n_;
  if (items_[i].kind == TokenKind::kOpenBrace) return std::min(n_, closing_brace(items_, i) + 1);
  if (items_[i].kind != TokenKind::kWord && items_[i].kind != TokenKind::kString) return i;
  size_t j = i + 1;
  while (j + 1 < n_) {
    const Item& joiner = items_[j];
    const Item& following = items_[j + 1];
    bool value = following.kind == TokenKind::kWord || following.kind == TokenKind::kString;
    if (value && (joiner.is("-") || joiner.is(".") || joiner.kind == TokenKind::kComma)) {
      j += 2;
    } else {
      break;
    }
  }
  return j;
}

size_t RuleReader::value_expression_end(size_t i) const {
  size_t j = i;
  while (j < n_) {
    const Item& item = items_[j];
    if (item.word() && starts_statement(item.text) && verdict_of(item.text) == std::nullopt) {
      Selector inner;
      size_t end = selector(j, inner);
      j = inner.kind == Kind::kUnknown ? j + 1 : end;
    } else {
      j = std::max(value_end(j), j + 1);
    }
    while (j + 1 < n_ && items_[j].word() && is_binary_operator(items_[j].text)) j += 2;
    if (word_at(j, ".")) {
      ++j;
      continue;
    }
    if (word_at(j, "map") || word_at(j, "vmap")) j = value_end(j + 1);
    break;
  }
  return std::min(j, n_);
}

size_t RuleReader::arguments_end(size_t i) const {
  size_t j = i;
  while (j < n_) {
    const Item& item = items_[j];
    if (item.kind == TokenKind::kOpenBrace) {
      j = std::min(n_, closing_brace(items_, j) + 1);
    } else if (item.is("name")) {
      j = value_expression_end(j + 1);
    } else if (item.word() && starts_statement(item.text)) {
      break;
    } else {
      ++j;
    }
  }
  return j;
}

size_t RuleReader::expression(size_t begin) {
  std::array<Selector, kMaxConcatenation> selectors;
  size_t count = 1;
  size_t i = selector(begin, selectors[0]);
  if (selectors[0].kind == Kind::kUnknown) {
    other(begin, i);
    return i;
  }
  while (i + 1 < n_ && items_[i].is(".") && count < selectors.size()) {
    Selector next;
    size_t end = selector(i + 1, next);
    if (next.kind == Kind::kUnknown) break;
    selectors[count++] = next;
    i = end;
  }
  std::span<const Selector> chosen(selectors.data(), count);
  while (i + 1 < n_ && items_[i].word() && is_binary_operator(items_[i].text)) i += 2;
  if (i >= n_) {
    other(begin, i);
    return n_;
  }
  if (items_[i].is("set")) {
    size_t end = value_expression_end(i + 1);
    other(begin, end);
    return end;
  }
  if (items_[i].is("map")) {
    size_t end = value_end(i + 1);
    other(begin, end);
    return end;
  }
  if (items_[i].is("vmap")) return verdict_map(chosen, begin, i);
  std::string_view op;
  if (items_[i].word() && is_relational_operator(items_[i].text)) op = items_[i++].text;
  size_t value_begin = i;
  size_t end = value_end(i);
  if (end == value_begin) {
    other(begin, std::max(end, begin + 1));
    return std::max(end, begin + 1);
  }
  relation(chosen, begin, op, value_begin, end);
  return end;
}

void RuleReader::relation(std::span<const Selector> selectors, size_t begin, std::string_view op,
                          size_t value_begin, size_t value_end) {
  if (selectors.size() == 1) {
    const Selector& only = selectors.front();
    switch (only.kind) {
      case Kind::kPort:
        ports(only, 0, op, begin, value_begin, value_end);
        return;
      case Kind::kL4proto:
        l4proto(op, value_begin, value_end, 0);
        return;
      case Kind::kAddress:
        addresses(only, op, value_begin, value_end);
        return;
      case Kind::kInterface:
        interfaces(only, op, value_begin, value_end);
        return;
      case Kind::kUnknown:
      case Kind::kOther:
        break;
    }
    other(begin, value_end);
    return;
  }
  // A concatenation: its ports and protocols are read per component, the rest kept verbatim.
  for (size_t k = 0; k < selectors.size(); ++k) {
    if (selectors[k].kind == Kind::kPort) ports(selectors[k], k, op, begin, value_begin, value_end);
    if (selectors[k].kind == Kind::kL4proto) l4proto(op, value_begin, value_end, k);
  }
  other(begin, value_end);
}

template <typename Visit>
void RuleReader::for_each_value(size_t value_begin, size_t value_end, size_t component,
                                Visit&& visit) {
  if (value_begin >= n_) return;
  if (items_[value_begin].kind == TokenKind::kOpenBrace) {
    for_each_element(items_, value_begin, [&](const SetElement& element) {
      visit(key_component(element.key, component));
    });
    return;
  }
  size_t begin = value_begin;
  for (size_t i = value_begin; i <= value_end; ++i) {
    if (i == value_end || items_[i].kind == TokenKind::kComma) {
      visit(key_component(range(begin, i), component));
      begin = i + 1;
    }
  }
}

PortSet* RuleReader::port_side(const Selector& selector, std::string_view op, size_t begin,
                               std::span<const Item> value, size_t value_end) {
  bool& seen = side_seen_[selector.source ? 0 : 1];
  PortSet& set = selector.source ? rule_.source_ports : rule_.destination_ports;
  if (seen && set.negated != negating_operator(op)) {
    other(begin, value_end);  // a second match on the same side with the other sense
    return nullptr;
  }
  for (Transport t : kAllTransports) {
    if (!selector.transports.contains(t)) l4_.remove(t);
  }
  if (first_port_protocol_ == nullptr) first_port_protocol_ = &items_[selector.begin];
  if (!seen) {
    seen = true;
    set.negated = negating_operator(op);
    set.value_span = written_span(file_, value);
    set.option_span = written_span(file_, range(begin, value_end));
    set.removal_keeps = l4proto_match_text(items_[selector.begin].text);
  }
  return &set;
}

void RuleReader::ports(const Selector& selector, size_t component, std::string_view op,
                       size_t begin, size_t value_begin, size_t value_end) {
  std::span<const Item> value =
      range(comparison_operator(op) ? value_begin - 1 : value_begin, value_end);
  PortSet* set = port_side(selector, op, begin, value, value_end);
  if (set == nullptr) return;
  TransportSet transports = port_transports(selector);
  const Item& first = items_[value_begin];
  if (first.kind == TokenKind::kOpenBrace) {
    set->is_list = true;
  } else if (first.word() && first.text.starts_with('@')) {
    set->is_list = true;
    named_set_ports(*set, first, component, nullptr);
    return;
  }
  std::string_view comparison = comparison_operator(op) ? op : std::string_view();
  size_t values = 0;
  for_each_value(value_begin, value_end, component, [&](std::span<const Item> one) {
    ++values;
    add_token(*set, one, transports, comparison);
  });
  if (values > 1) set->is_list = true;
}

void RuleReader::add_token(PortSet& set, std::span<const Item> value, TransportSet transports,
                           std::string_view comparison) {
  if (value.empty()) return;
  if (value.front().word() && value.front().text.starts_with('$')) {
    set.unresolved = true;  // an undefined variable, reported where it was expanded
    return;
  }
  PortToken token;
  if (!make_port_token(value, transports, env_.registry, env_.refs, env_.diagnostics, token)) {
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

void RuleReader::named_set_ports(PortSet& set, const Item& reference, size_t component,
                                 std::vector<MappedVerdict>* verdicts) {
  std::string_view name = reference.text.substr(1);
  const NamedSet* named = env_.sets.find(name);
  if (named == nullptr) {
    env_.diagnostics.push_back(make_diagnostic(
        kUnresolvedVariable, reference.span(),
        "set `" + std::string(reference.text) + "` is not declared in table " + rule_.table +
            " of this file or its includes, so its ports cannot be checked"));
    set.unresolved = true;
    return;
  }
  if (component >= named->key.size() || !named->key[component].port) {
    set.unresolved = true;
    return;
  }
  set.unresolved = set.unresolved || named->unresolved;
  std::vector<Reference> outer;
  env_.refs.append_chain(reference.via, outer);
  SourceSpan written = reference.span();
  for (const SetPort& element : named->ports) {
    if (verdicts != nullptr) verdicts->push_back({element.verdict, element.target});
    if (element.component != component) continue;
    set.tokens.push_back(port_through_set(element, outer, written, reference.text));
  }
}

void RuleReader::l4proto(std::string_view op, size_t value_begin, size_t value_end,
                         size_t component) {
  TransportSet matched;
  bool known = true;
  if (value_begin < n_ && items_[value_begin].text.starts_with('@')) {
    known = false;
  } else {
    for_each_value(value_begin, value_end, component, [&](std::span<const Item> value) {
      if (value.empty() || value.front().text.starts_with('$')) {
        known = false;
        return;
      }
      if (auto transport = transport_of_protocol(unquoted(value.front().text))) {
        matched.add(*transport);
      }
    });
  }
  if (rule_.protocol.empty() && component == 0) {
    std::span<const Item> value = range(value_begin, value_end);
    rule_.protocol = std::string(written_text(value));
    rule_.protocol_span = written_span(file_, value);
    rule_.protocol_negated = negating_operator(op);
  }
  if (!known) return;
  for (Transport t : kAllTransports) {
    if (matched.contains(t) == negating_operator(op)) l4_.remove(t);
  }
}

void RuleReader::addresses(const Selector& selector, std::string_view op, size_t value_begin,
                           size_t value_end) {
  auto& list = selector.source ? rule_.sources : rule_.destinations;
  for_each_value(value_begin, value_end, 0, [&](std::span<const Item> value) {
    if (value.empty()) return;
    std::string_view text = source_text(value);
    list.push_back({value.front().file->span(text), std::string(text), negating_operator(op)});
  });
}

void RuleReader::interfaces(const Selector& selector, std::string_view op, size_t value_begin,
                            size_t value_end) {
  auto& list = selector.source ? rule_.in_interfaces : rule_.out_interfaces;
  for_each_value(value_begin, value_end, 0, [&](std::span<const Item> value) {
    if (value.empty()) return;
    list.push_back(
        {value.front().span(), std::string(unquoted(value.front().text)), negating_operator(op)});
  });
}

void RuleReader::other(size_t begin, size_t end) {
  end = std::min(end, n_);
  if (begin >= end) return;
  std::string_view text = written_text(range(begin, end));
  if (last_other_end_ == begin && !rule_.other_matches.empty()) {
    std::string_view& previous = rule_.other_matches.back();
    previous = std::string_view(previous.data(),
                                static_cast<size_t>(text.data() + text.size() - previous.data()));
  } else {
    rule_.other_matches.push_back(text);
  }
  last_other_end_ = end;
}

void RuleReader::set_action(Verdict verdict, std::string_view target, size_t begin, size_t end) {
  if (has_verdict_) return;
  has_verdict_ = true;
  rule_.action.verdict = verdict;
  rule_.action.target = std::string(target);
  rule_.action.span = written_span(file_, range(begin, end));
}

size_t RuleReader::verdict(size_t i, Verdict verdict) {
  std::string_view word = items_[i].text;
  size_t end = i + 1;
  std::string_view target = word;
  if (verdict == Verdict::kJump || verdict == Verdict::kGoto) {
    if (end < n_) target = unquoted(items_[end].text);
    ++end;
  } else if (word == "reject" && word_at(end, "with")) {
    ++end;
    if (word_at(end, "tcp")) {
      end += 2;
    } else {
      ++end;
      if (word_at(end, "type")) ++end;
      ++end;
    }
  } else if (word == "queue") {
    end = arguments_end(end);
  }
  end = std::min(end, n_);
  set_action(verdict, target, i, end);
  return end;
}

size_t RuleReader::verdict_map(std::span<const Selector> selectors, size_t begin, size_t vmap) {
  size_t value_begin = vmap + 1;
  size_t end = value_end(value_begin);
  std::vector<MappedVerdict> verdicts;
  bool only_ports = true;
  for (size_t k = 0; k < selectors.size(); ++k) {
    if (selectors[k].kind != Kind::kPort) only_ports = false;
  }
  bool named = value_begin < n_ && items_[value_begin].text.starts_with('@');
  for (size_t k = 0; k < selectors.size(); ++k) {
    if (selectors[k].kind != Kind::kPort) continue;
    PortSet* set = port_side(selectors[k], {}, begin, range(value_begin, end), end);
    if (set == nullptr) continue;
    set->is_list = true;
    if (named) {
      named_set_ports(*set, items_[value_begin], k, verdicts.empty() ? &verdicts : nullptr);
    } else if (value_begin < n_ && items_[value_begin].kind == TokenKind::kOpenBrace) {
      TransportSet transports = port_transports(selectors[k]);
      for_each_element(items_, value_begin, [&](const SetElement& element) {
        add_token(*set, key_component(element.key, k), transports, {});
      });
    }
  }
  if (!named && value_begin < n_ && items_[value_begin].kind == TokenKind::kOpenBrace) {
    for_each_element(items_, value_begin, [&](const SetElement& element) {
      verdicts.push_back(mapped_verdict(element.value));
    });
  } else if (named && verdicts.empty()) {
    if (const NamedSet* map = env_.sets.find(items_[value_begin].text.substr(1))) {
      for (const SetPort& element : map->ports)
        verdicts.push_back({element.verdict, element.target});
    }
  }
  MappedVerdict verdict = common_verdict(verdicts);
  set_action(verdict.verdict, verdict.target, vmap, end);
  if (!only_ports || selectors.size() > 1) other(begin, vmap);
  return end;
}

size_t RuleReader::nat(size_t i) {
  std::string_view keyword = items_[i].text;
  size_t j = i + 1;
  if (word_at(j, "ip") || word_at(j, "ip6")) ++j;
  while (j < n_ &&
         (word_at(j, "prefix") || word_at(j, "addr") || word_at(j, "port") || word_at(j, "."))) {
    ++j;
  }
  if (word_at(j, "to")) {
    ++j;
    if (j < n_ && items_[j].word() && starts_statement(items_[j].text)) {
      j = value_expression_end(j);
    } else if (j < n_) {
      size_t target = j++;
      if (j + 1 < n_ && items_[j].is("-")) {
        target = j + 1;
        j += 2;
      }
      // `to :$port`, `to $addr:$port`, `to $addr:80`: the port is an item of its own after
      // the colon, or a word that starts with it.
      bool after_colon = false;
      if (items_[target].is(":") && target + 1 == j && j < n_) {
        target = j++;
        after_colon = true;
      } else if (j + 1 < n_ && items_[j].is(":")) {
        target = j + 1;
        j += 2;
        after_colon = true;
      } else if (j < n_ && items_[j].word() && items_[j].text.size() > 1 &&
                 items_[j].text.front() == ':') {
        target = j++;
      }
      const Item& item = items_[target];
      if (item.word() && starts_statement(item.text)) {
        j = value_expression_end(target);  // `to :tcp dport map { … }`, `numgen inc mod 2 map`
      }
      std::string_view word = item.text;
      std::string_view port;
      size_t colons = static_cast<size_t>(std::count(word.begin(), word.end(), ':'));
      if (after_colon) {
        port = word;
      } else if (word.starts_with('[')) {
        size_t close = word.find("]:");
        if (close != std::string_view::npos) port = word.substr(close + 2);
      } else if (colons == 1) {
        port = word.substr(word.find(':') + 1);
      } else if (colons == 0 && (keyword == "redirect" || keyword == "masquerade")) {
        port = word;
      }
      if (!port.empty() && !starts_statement(port)) {
        Item value = item;
        value.text = port;
        PortToken token;
        if (make_port_token(std::span<const Item>(&value, 1), l4_, env_.registry, env_.refs,
                            env_.diagnostics, token)) {
          nat_ports_.tokens.push_back(std::move(token));
          nat_ports_.value_span = item.file->span(port);
        } else {
          nat_ports_.unresolved = true;
        }
      }
    }
  }
  while (j < n_ && (word_at(j, "random") || word_at(j, "persistent") ||
                    word_at(j, "fully-random") || items_[j].kind == TokenKind::kComma)) {
    ++j;
  }
  j = std::min(j, n_);
  if (!nat_ports_.any()) nat_ports_.option_span = written_span(file_, range(i, j));
  set_action(Verdict::kNat, keyword, i, j);
  if (keyword == "tproxy") has_verdict_ = false;  // not terminal: a verdict may follow
  return j;
}

void RuleReader::finish() {
  rule_.transports = l4_;
  if (!nat_ports_.any() && !side_seen_[1]) {
    // The port a NAT statement sends the traffic to, for rules that match no destination port.
    rule_.destination_ports = std::move(nat_ports_);
  }
  if (!has_verdict_ && log_end_ > 0) {
    rule_.action.verdict = Verdict::kLog;
    rule_.action.target = "log";
    rule_.action.span = written_span(file_, range(log_begin_, log_end_));
  }
  if (rule_.protocol.empty() && first_port_protocol_ != nullptr &&
      first_port_protocol_->text != "th") {
    rule_.protocol = std::string(first_port_protocol_->text);
    rule_.protocol_span = first_port_protocol_->span();
  }
}

}  // namespace

void read_rule(std::span<const Item> items, const SourceFile& file, const RuleEnvironment& env,
               Rule& rule) {
  RuleReader(items, file, env, rule).read();
}

}  // namespace fwlint::nft
