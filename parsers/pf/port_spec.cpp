// The port specification after `from … port` / `to … port`: one item or a `{ }` list of items,
// each a port, a name, `a:b`, a unary operator and a port, or `a >< b` / `a <> b`.
#include <optional>

#include "linter/diagnostics.h"
#include "parsers/pf/port_values.h"
#include "parsers/pf/rule_reader.h"

namespace fwlint::pf {

namespace {

struct PortItem {
  PortOp op = PortOp::kEqual;
  std::optional<Token> op_token;
  Token first;
  std::optional<Token> second;  // a >< b, a <> b
};

bool port_word(const Token& t) {
  return t.kind == TokenKind::kWord || t.kind == TokenKind::kString;
}

bool unary_op(const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  std::optional<PortOp> op = port_op(t.text);
  return op && *op != PortOp::kExclusive && *op != PortOp::kOutside;
}

std::string_view op_text(PortOp op) {
  switch (op) {
    case PortOp::kNotEqual:
      return "!=";
    case PortOp::kLess:
      return "<";
    case PortOp::kLessEqual:
      return "<=";
    case PortOp::kGreater:
      return ">";
    case PortOp::kGreaterEqual:
      return ">=";
    case PortOp::kExclusive:
      return "><";
    case PortOp::kOutside:
      return "<>";
    case PortOp::kEqual:
    case PortOp::kRange:
      break;
  }
  return "";
}

class ItemResolver {
 public:
  ItemResolver(const ReaderContext& context, TransportSet transports, PortSet& ports)
      : context_(context), transports_(transports), ports_(ports) {}

  // Adds the tokens of `item` to the port set, or reports why it cannot.
  void add(const PortItem& item, bool only_item) {
    PortOp op = item.op;
    std::optional<uint16_t> low;
    std::optional<uint16_t> high;
    if (op == PortOp::kEqual && item.first.kind == TokenKind::kWord &&
        item.first.text.find(':') != std::string_view::npos) {
      std::string_view text = item.first.text;
      size_t colon = text.find(':');
      op = PortOp::kRange;
      low = value(item.first, text.substr(0, colon));
      high = value(item.first, text.substr(colon + 1));
    } else {
      low = value(item.first, item.first.text);
      high = item.second ? value(*item.second, item.second->text) : low;
    }
    if (!low || !high) return;
    if (op == PortOp::kNotEqual && only_item) {
      ports_.negated = true;
      op = PortOp::kEqual;
    }
    std::vector<PortInterval> intervals = op_intervals(op, *low, *high);
    if (intervals.empty()) {
      ports_.unresolved = true;
      report(kInvalidPort, item_span(item, false),
             "port " + text(item) + " matches no port" +
                 (op == PortOp::kRange ? ": the range is reversed" : ""));
      return;
    }
    for (const PortInterval& interval : intervals) {
      PortToken token;
      token.span = item_span(item, ports_.negated);
      token.text = text(item);
      token.interval = interval;
      token.via = item.first.via;
      ports_.tokens.push_back(std::move(token));
    }
  }

 private:
  std::optional<uint16_t> value(const Token& token, std::string_view text) {
    if (token.undefined) {
      ports_.unresolved = true;
      return std::nullopt;
    }
    if (text.empty()) {
      ports_.unresolved = true;
      report(kInvalidPort, token.span(), "missing port in range `" + std::string(token.text) + "`");
      return std::nullopt;
    }
    PortValue port = resolve_port(text, transports_, context_.registry);
    if (!port.port) {
      ports_.unresolved = true;
      report(*port.problem, token.span(), port.message);
    }
    return port.port;
  }

  // `=`, and the `!=` the set keeps as its negation, are not part of the token; other
  // operators are.
  static SourceSpan item_span(const PortItem& item, bool negated_set) {
    if (item.second) return span_between(item.first, *item.second);
    if (item.op_token && item.op != PortOp::kEqual && !negated_set) {
      return span_between(*item.op_token, item.first);
    }
    return item.first.span();
  }

  std::string text(const PortItem& item) const {
    std::string first(item.first.text);
    if (item.second)
      return first + " " + std::string(op_text(item.op)) + " " + std::string(item.second->text);
    if (item.op == PortOp::kEqual || (item.op == PortOp::kNotEqual && ports_.negated)) {
      return first;
    }
    return std::string(op_text(item.op)) + " " + first;
  }

  void report(const CheckInfo& kind, SourceSpan span, std::string message) {
    context_.diagnostics.push_back(make_diagnostic(kind, span, std::move(message)));
  }

  const ReaderContext& context_;
  TransportSet transports_;
  PortSet& ports_;
};

}  // namespace

bool RuleReader::read_port_spec(PortSet& ports, uint32_t option_begin) {
  if (ports.option_span.valid()) {
    return fail(stream_.peek(), "a second port specification for the same side");
  }
  uint32_t value_begin = stream_.peek().outer_begin;
  std::vector<PortItem> items;
  auto read_item = [&]() {
    PortItem item;
    if (unary_op(stream_.peek())) {
      item.op_token = stream_.next();
      item.op = *port_op(item.op_token->text);
    }
    if (!port_word(stream_.peek())) return fail(stream_.peek(), "expected a port");
    item.first = stream_.next();
    const Token& after = stream_.peek();
    if (!item.op_token && (after.is_punct("><") || after.is_punct("<>"))) {
      item.op = *port_op(after.text);
      item.op_token = stream_.next();
      if (!port_word(stream_.peek())) return fail(stream_.peek(), "expected a port");
      item.second = stream_.next();
    }
    items.push_back(std::move(item));
    return true;
  };
  // `port { 22 $legacy }` with legacy = "{ 658 659 }" nests lists, which pfctl refuses.
  // fwlint reads one level in and no deeper.
  auto read_entry = [&]() {
    const Token& t = stream_.peek();
    if (!t.is_punct("{")) return read_item();
    context_.diagnostics.push_back(make_diagnostic(kInvalidSyntax,
                                                   t.via.empty() ? t.span() : t.via.front().span,
                                                   "pfctl does not accept a list inside a list"));
    Token open = stream_.next();
    return read_list(open, "ports", [&] {
      if (stream_.peek().is_punct("{")) return fail(stream_.peek(), "lists nested too deeply");
      return read_item();
    });
  };
  bool list = stream_.peek().is_punct("{");
  if (list) {
    Token open = stream_.next();
    if (!read_list(open, "ports", read_entry)) return false;
  } else if (!read_item()) {
    return false;
  }
  uint32_t value_end = stream_.statement_end();
  ports.value_span = outer_span(value_begin, value_end);
  ports.option_span = outer_span(option_begin, value_end);
  ports.is_list = list;
  if (items.empty()) {
    ports.unresolved = true;
    context_.diagnostics.push_back(
        make_diagnostic(kInvalidSyntax, ports.value_span, "empty list of ports"));
    return true;
  }
  TransportSet transports = has_protocol_ ? rule_.transports : TransportSet();
  ItemResolver resolver(context_, transports, ports);
  for (const PortItem& item : items) resolver.add(item, items.size() == 1);
  return true;
}

}  // namespace fwlint::pf
