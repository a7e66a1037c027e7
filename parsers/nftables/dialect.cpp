#include "parsers/nftables/dialect.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parsers/nftables/json_tree.h"
#include "parsers/nftables/lexer.h"
#include "parsers/nftables/vocabulary.h"

namespace fwlint::nft {

namespace {

using Range = std::pair<size_t, size_t>;

// The offset of (line, column) in `text`, which starts at `start`.
std::optional<size_t> offset_in(std::string_view text, const SourceSpan& start, uint32_t line,
                                uint32_t column) {
  uint32_t at_line = start.line;
  uint32_t at_column = start.column;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (at_line == line && at_column == column) return i;
    if (i == text.size() || at_line > line) break;
    if (text[i] == '\n') {
      ++at_line;
      at_column = 1;
    } else {
      ++at_column;
    }
  }
  return std::nullopt;
}

std::optional<Range> range_in(std::string_view text, const SourceSpan& start,
                              const SourceSpan& span) {
  if (span.file != start.file) return std::nullopt;
  auto begin = offset_in(text, start, span.line, span.column);
  auto end = offset_in(text, start, span.end_line, span.end_column);
  if (!begin || !end || *end < *begin) return std::nullopt;
  return Range{*begin, *end};
}

std::string_view text_in_rule(const Rule& rule, const SourceSpan& span) {
  auto range = range_in(rule.text, rule.span, span);
  if (!range) return {};
  return rule.text.substr(range->first, range->second - range->first);
}

// How one syntax writes lists and ranges.
struct ListSyntax {
  // The elements of a list (offsets into it), or nullopt for a single bare value.
  std::optional<std::vector<Range>> (*elements)(std::string_view text);
  std::string (*piece)(const PortInterval& interval);
  std::string (*wrap)(const std::vector<std::string>& elements);
  std::string_view separator;
};

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string text;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text += separator;
    text += parts[i];
  }
  return text;
}

std::optional<std::vector<Range>> nft_elements(std::string_view text) {
  if (!text.starts_with('{')) return std::nullopt;
  std::vector<Range> elements;
  Lexer lexer(text);
  int depth = 0;
  std::optional<Range> current;
  for (Token token = lexer.next(); token.kind != TokenKind::kEnd; token = lexer.next()) {
    size_t begin = static_cast<size_t>(token.text.data() - text.data());
    size_t end = begin + token.text.size();
    if (token.kind == TokenKind::kOpenBrace && depth++ == 0) continue;
    if (token.kind == TokenKind::kCloseBrace && --depth == 0) break;
    if (token.kind == TokenKind::kNewline || token.kind == TokenKind::kComment) continue;
    if (depth == 1 && token.kind == TokenKind::kComma) {
      if (current) elements.push_back(*current);
      current.reset();
      continue;
    }
    if (current) {
      current->second = end;
    } else {
      current = Range{begin, end};
    }
  }
  if (current) elements.push_back(*current);
  return elements;
}

std::string nft_piece(const PortInterval& interval) {
  if (interval.low == interval.high) return std::to_string(interval.low);
  return std::to_string(interval.low) + "-" + std::to_string(interval.high);
}

std::string nft_wrap(const std::vector<std::string>& elements) {
  return "{ " + join(elements, ", ") + " }";
}

constexpr ListSyntax kNftSyntax = {&nft_elements, &nft_piece, &nft_wrap, ", "};

std::optional<std::vector<Range>> json_elements(std::string_view text) {
  JsonTree tree(text);
  size_t offset = 0;
  if (!tree.parse(offset)) return std::nullopt;
  const JsonNode* list = &tree.root();
  if (list->kind == JsonKind::kObject) list = tree.member(*list, "set");
  if (list == nullptr || list->kind != JsonKind::kArray) return std::nullopt;
  std::vector<Range> elements;
  for (const JsonNode* child = tree.first(*list); child != nullptr; child = tree.next(*child)) {
    elements.push_back({child->begin, child->end});
  }
  return elements;
}

std::string json_piece(const PortInterval& interval) {
  if (interval.low == interval.high) return std::to_string(interval.low);
  return "{\"range\": [" + std::to_string(interval.low) + ", " + std::to_string(interval.high) +
         "]}";
}

std::string json_wrap(const std::vector<std::string>& elements) {
  return "{\"set\": [" + join(elements, ", ") + "]}";
}

constexpr ListSyntax kJsonSyntax = {&json_elements, &json_piece, &json_wrap, ", "};

// The parts of `interval` that `keep` (sorted, disjoint) keeps.
std::vector<PortInterval> pieces_of(const PortInterval& interval,
                                    std::span<const PortInterval> keep) {
  std::vector<PortInterval> pieces;
  auto kept = std::lower_bound(keep.begin(), keep.end(), interval.low,
                               [](const PortInterval& k, uint16_t low) { return k.high < low; });
  for (; kept != keep.end() && kept->low <= interval.high; ++kept) {
    pieces.push_back({std::max(interval.low, kept->low), std::min(interval.high, kept->high)});
  }
  return pieces;
}

// Whether `keep` (sorted, disjoint) keeps all of `interval`.
bool kept_whole(const PortInterval& interval, std::span<const PortInterval> keep) {
  auto kept = std::lower_bound(keep.begin(), keep.end(), interval.low,
                               [](const PortInterval& k, uint16_t low) { return k.high < low; });
  return kept != keep.end() && kept->low <= interval.low && interval.high <= kept->high;
}

// The element holding `at` is replaced by one copy per piece, its port rewritten; no pieces
// drop the element.
struct ElementEdit {
  SourceSpan at;
  std::vector<PortInterval> pieces;
};

// The offsets in `text` (written at `start`) of each edit's span, found in one pass over the
// text; nullopt for a span that does not lie inside it.
std::vector<std::optional<Range>> edit_ranges(std::string_view text, const SourceSpan& start,
                                              const std::vector<ElementEdit>& edits) {
  struct Position {
    uint32_t line;
    uint32_t column;
    size_t edit;
    bool end;
  };
  std::vector<Position> positions;
  for (size_t i = 0; i < edits.size(); ++i) {
    if (edits[i].at.file != start.file) continue;
    positions.push_back({edits[i].at.line, edits[i].at.column, i, false});
    positions.push_back({edits[i].at.end_line, edits[i].at.end_column, i, true});
  }
  std::sort(positions.begin(), positions.end(), [](const Position& a, const Position& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  std::vector<std::optional<size_t>> begins(edits.size());
  std::vector<std::optional<size_t>> ends(edits.size());
  uint32_t line = start.line;
  uint32_t column = start.column;
  size_t next = 0;
  for (size_t offset = 0; offset <= text.size() && next < positions.size(); ++offset) {
    while (next < positions.size() &&
           std::tie(positions[next].line, positions[next].column) < std::tie(line, column)) {
      ++next;  // before the text, or past the end of a line
    }
    while (next < positions.size() && positions[next].line == line &&
           positions[next].column == column) {
      (positions[next].end ? ends : begins)[positions[next].edit] = offset;
      ++next;
    }
    if (offset == text.size()) break;
    if (text[offset] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  std::vector<std::optional<Range>> ranges(edits.size());
  for (size_t i = 0; i < edits.size(); ++i) {
    if (begins[i] && ends[i] && *begins[i] <= *ends[i]) ranges[i] = Range{*begins[i], *ends[i]};
  }
  return ranges;
}

// `text` (written at `where`) with the edits applied, keeping the rest as written; an empty
// string when no element is left, nullopt when an edit does not fall inside an element of its
// own.
std::optional<std::string> rebuild(std::string_view text, const SourceSpan& where,
                                   const std::vector<ElementEdit>& edits,
                                   const ListSyntax& syntax) {
  if (text.empty()) return std::nullopt;
  std::optional<std::vector<Range>> listed = syntax.elements(text);
  bool braced = listed.has_value();
  std::vector<Range> elements = braced ? *listed : std::vector<Range>{{0, text.size()}};
  std::vector<std::optional<Range>> at = edit_ranges(text, where, edits);
  std::vector<size_t> order;
  for (size_t i = 0; i < edits.size(); ++i) {
    if (!at[i]) return std::nullopt;
    order.push_back(i);
  }
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return at[a]->first < at[b]->first; });
  std::vector<std::string> kept;
  size_t next = 0;
  for (const auto& [begin, end] : elements) {
    std::string_view element = text.substr(begin, end - begin);
    if (next < order.size() && at[order[next]]->first < begin) return std::nullopt;
    if (next == order.size() || at[order[next]]->first >= end) {
      kept.emplace_back(element);
      continue;
    }
    const ElementEdit& edit = edits[order[next]];
    Range range = *at[order[next]];
    if (range.second > end) return std::nullopt;
    if (++next < order.size() && at[order[next]]->first < end) return std::nullopt;
    for (const PortInterval& piece : edit.pieces) {
      std::string copy(element);
      copy.replace(range.first - begin, range.second - range.first, syntax.piece(piece));
      kept.push_back(std::move(copy));
    }
  }
  if (next < order.size()) return std::nullopt;
  if (kept.empty()) return std::string();
  if (!braced) return kept.size() == 1 ? kept.front() : syntax.wrap(kept);
  std::string_view separator = syntax.separator;
  if (elements.size() >= 2) {
    separator = text.substr(elements[0].second, elements[1].first - elements[0].second);
  }
  return std::string(text.substr(0, elements.front().first)) + join(kept, separator) +
         std::string(text.substr(elements.back().second));
}

bool comparison(const PortToken& token) {
  return token.text.starts_with('<') || token.text.starts_with('>');
}

Dialect::PortEdit rewrite(const Rule& rule, const PortSet& ports,
                          std::span<const PortInterval> requested, const ListSyntax& syntax) {
  std::vector<PortInterval> sorted;
  std::span<const PortInterval> keep = requested;
  auto before = [](const PortInterval& a, const PortInterval& b) { return a.high < b.low; };
  if (!std::is_sorted(keep.begin(), keep.end(), before)) {
    sorted = normalize({requested.begin(), requested.end()});
    keep = sorted;
  }
  std::vector<const PortToken*> changed;
  for (const PortToken& token : ports.tokens) {
    if (!kept_whole(token.interval, keep)) changed.push_back(&token);
  }
  // The rule-local fallback: every kept port written out in place of the rule's value.
  auto fallback = [&]() -> Dialect::PortEdit {
    std::vector<std::string> literal;
    for (const PortToken& token : ports.tokens) {
      if (kept_whole(token.interval, keep)) {
        literal.push_back(comparison(token) ? syntax.piece(token.interval) : token.text);
        continue;
      }
      for (const PortInterval& piece : pieces_of(token.interval, keep)) {
        literal.push_back(syntax.piece(piece));
      }
    }
    return {ports.value_span, literal.size() == 1 ? literal.front() : syntax.wrap(literal)};
  };
  if (changed.empty()) return fallback();
  const PortToken& first = *changed.front();
  const std::vector<Reference>& via = first.via;
  // The list holding what `depth` references deep brought the port: the rule's own value, or
  // the definition of the reference one level out.
  auto container = [&](size_t depth) -> std::pair<SourceSpan, std::string_view> {
    if (depth == 0) return {ports.value_span, text_in_rule(rule, ports.value_span)};
    return {via[depth - 1].definition_span, via[depth - 1].definition};
  };
  size_t depth = via.size();
  std::vector<ElementEdit> edits;
  for (const PortToken* token : changed) {
    bool same_list =
        token->via.size() == depth &&
        (depth == 0 || token->via[depth - 1].definition_span == via[depth - 1].definition_span);
    if (!same_list) continue;
    SourceSpan at = depth == 0 && comparison(*token) ? ports.value_span : token->span;
    edits.push_back({at, pieces_of(token->interval, keep)});
  }
  auto [span, text] = container(depth);
  std::optional<std::string> result = rebuild(text, span, edits, syntax);
  while (result && result->empty() && depth > 0) {
    SourceSpan reference = via[depth - 1].span;
    --depth;
    std::tie(span, text) = container(depth);
    result = rebuild(text, span, {{reference, {}}}, syntax);
  }
  if (!result || result->empty()) return fallback();
  return {span, std::move(*result)};
}

std::string delete_line(const Rule& rule) {
  if (rule.span.end_line > rule.span.line) {
    return "delete lines " + std::to_string(rule.span.line) + "-" +
           std::to_string(rule.span.end_line) + ": `" + std::string(rule.text) + "`";
  }
  return "delete the line `" + std::string(rule.text) + "`";
}

std::string delete_command(std::string_view family, const Rule& rule) {
  return "nft delete rule " + std::string(family) + " " + rule.table + " " + rule.chain +
         " handle " + std::to_string(rule.handle);
}

std::string transport_names(TransportSet keep) {
  std::vector<std::string> names;
  for (Transport t : kAllTransports) {
    if (keep.contains(t)) names.emplace_back(transport_name(t));
  }
  return names.size() == 1 ? names.front() : "{ " + join(names, ", ") + " }";
}

struct Replacement {
  size_t begin;
  size_t end;
  std::string text;
};

std::string apply(std::string_view text, std::vector<Replacement> replacements) {
  std::sort(replacements.begin(), replacements.end(),
            [](const Replacement& a, const Replacement& b) { return a.begin > b.begin; });
  std::string result(text);
  for (const Replacement& r : replacements) result.replace(r.begin, r.end - r.begin, r.text);
  return result;
}

class TextDialect : public Dialect {
 public:
  PortEdit rewrite_ports(const Rule& rule, const PortSet& ports,
                         std::span<const PortInterval> keep) const override {
    return rewrite(rule, ports, keep, kNftSyntax);
  }

  std::string delete_rule(const Rule& rule) const override {
    if (rule.handle != 0) return delete_command(family_word(rule.family), rule);
    return delete_line(rule);
  }

  // Rewrites the protocol of each port selector, and the `meta l4proto` / `ip protocol` /
  // `ip6 nexthdr` match when there is one.
  std::string restrict_transports(const Rule& rule, TransportSet keep) const override {
    std::string_view text = rule.text;
    std::vector<Token> tokens;
    Lexer lexer(text);
    for (Token token = lexer.next(); token.kind != TokenKind::kEnd; token = lexer.next()) {
      if (token.kind != TokenKind::kComment && token.kind != TokenKind::kNewline) {
        tokens.push_back(token);
      }
    }
    auto offset = [&](const Token& token) {
      return static_cast<size_t>(token.text.data() - text.data());
    };
    bool single = keep.size() == 1;
    std::string names = transport_names(keep);
    std::vector<Replacement> replacements;
    std::optional<size_t> first_selector;
    bool protocol_match = false;
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
      const Token& word = tokens[i];
      const Token& next = tokens[i + 1];
      bool l4proto = (word.is("meta") && next.is("l4proto")) ||
                     (word.is("ip") && next.is("protocol")) ||
                     (word.is("ip6") && next.is("nexthdr"));
      if (l4proto && !protocol_match) {
        protocol_match = true;
        size_t value = i + 2;
        if (value < tokens.size() && tokens[value].kind == TokenKind::kWord &&
            is_relational_operator(tokens[value].text)) {
          ++value;
        }
        size_t last = value;
        if (value < tokens.size() && tokens[value].kind == TokenKind::kOpenBrace) {
          while (last < tokens.size() && tokens[last].kind != TokenKind::kCloseBrace) ++last;
        }
        if (last >= tokens.size()) continue;
        size_t begin = offset(word);
        size_t end = offset(tokens[last]) + tokens[last].text.size();
        if (single) {
          while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
          replacements.push_back({begin, end, ""});
        } else {
          replacements.push_back({begin, end, "meta l4proto " + names});
        }
        i = last;
        continue;
      }
      bool selector = (next.is("dport") || next.is("sport")) &&
                      (word.is("th") || word.is("udplite") || transport_of_protocol(word.text));
      if (selector) {
        if (!first_selector) first_selector = offset(word);
        replacements.push_back(
            {offset(word), offset(word) + word.text.size(), single ? names : std::string("th")});
      }
    }
    if (!single && !protocol_match && first_selector) {
      replacements.push_back({*first_selector, *first_selector, "meta l4proto " + names + " "});
    }
    return apply(text, std::move(replacements));
  }
};

// The `{"rule": {…}}` object of a JSON rule's text.
const JsonNode* json_rule(const JsonTree& tree) {
  const JsonNode* rule = tree.member(tree.root(), "rule");
  if (rule == nullptr) rule = tree.member(tree.root(), "add");  // {"add": {"rule": …}}
  if (rule != nullptr && tree.member(*rule, "rule") != nullptr) rule = tree.member(*rule, "rule");
  return rule;
}

// The `left` payload or meta of a `{"match": …}` expression.
const JsonNode* match_left(const JsonTree& tree, const JsonNode& expression, const char* kind) {
  const JsonNode* match = tree.member(expression, "match");
  const JsonNode* left = match != nullptr ? tree.member(*match, "left") : nullptr;
  return left != nullptr ? tree.member(*left, kind) : nullptr;
}

class JsonDialect : public Dialect {
 public:
  PortEdit rewrite_ports(const Rule& rule, const PortSet& ports,
                         std::span<const PortInterval> keep) const override {
    return rewrite(rule, ports, keep, kJsonSyntax);
  }

  std::string delete_rule(const Rule& rule) const override {
    JsonTree tree(rule.text);
    size_t offset = 0;
    std::string family(family_word(rule.family));
    if (tree.parse(offset)) {
      if (const JsonNode* body = json_rule(tree)) {
        if (const JsonNode* written = tree.member(*body, "family")) {
          family = std::string(tree.string(*written));
        }
      }
    }
    if (rule.handle != 0) return delete_command(family, rule);
    return delete_line(rule);
  }

  // Rewrites the `protocol` of each port payload, and the right side of a `meta l4proto`
  // match, or adds one before the first port match when several transports stay.
  std::string restrict_transports(const Rule& rule, TransportSet keep) const override {
    JsonTree tree(rule.text);
    size_t offset = 0;
    if (!tree.parse(offset)) return std::string(rule.text);
    const JsonNode* body = json_rule(tree);
    const JsonNode* expressions = body != nullptr ? tree.member(*body, "expr") : nullptr;
    if (expressions == nullptr) return std::string(rule.text);
    bool single = keep.size() == 1;
    std::string names;
    for (Transport t : kAllTransports) {
      if (!keep.contains(t)) continue;
      names += (names.empty() ? "\"" : ", \"") + std::string(transport_name(t)) + "\"";
    }
    std::string right = single ? names : "{\"set\": [" + names + "]}";
    std::vector<Replacement> replacements;
    std::optional<size_t> first_port;
    bool protocol_match = false;
    for (const JsonNode* e = tree.first(*expressions); e != nullptr; e = tree.next(*e)) {
      if (const JsonNode* meta = match_left(tree, *e, "meta")) {
        const JsonNode* key = tree.member(*meta, "key");
        const JsonNode* match = tree.member(*e, "match");
        if (key != nullptr && tree.string(*key) == "l4proto") {
          protocol_match = true;
          if (const JsonNode* value = tree.member(*match, "right")) {
            replacements.push_back({value->begin, value->end, right});
          }
          if (const JsonNode* op = tree.member(*match, "op")) {
            replacements.push_back({op->begin, op->end, "\"==\""});
          }
        }
      }
      if (const JsonNode* payload = match_left(tree, *e, "payload")) {
        const JsonNode* protocol = tree.member(*payload, "protocol");
        const JsonNode* field = tree.member(*payload, "field");
        if (protocol != nullptr && field != nullptr &&
            (tree.string(*field) == "dport" || tree.string(*field) == "sport")) {
          if (!first_port) first_port = e->begin;
          replacements.push_back(
              {protocol->begin, protocol->end, single ? names : std::string("\"th\"")});
        }
      }
    }
    if (!single && !protocol_match && first_port) {
      replacements.push_back(
          {*first_port, *first_port,
           "{\"match\": {\"op\": \"==\", \"left\": {\"meta\": {\"key\": \"l4proto\"}}, "
           "\"right\": " +
               right + "}}, "});
    }
    return apply(rule.text, std::move(replacements));
  }
};

}  // namespace

const Dialect& text_dialect() {
  static const TextDialect dialect;
  return dialect;
}

const Dialect& json_dialect() {
  static const JsonDialect dialect;
  return dialect;
}

}  // namespace fwlint::nft
