#include "parsers/pf/rule_reader.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "linter/diagnostics.h"
#include "parsers/pf/port_values.h"

namespace fwlint::pf {

namespace {

// How many arguments a rule option takes, by the shape pfctl's grammar gives them.
enum class Arity : uint8_t {
  kNone,           // allow-opts
  kValue,          // label "x", tag T, queue (a, b), scrub (...)
  kOptionalValue,  // reassemble [tcp], source-hash [key]
  kState,          // keep / modulate / synproxy state [(...)]
  kNo,             // no state
  kIcmpType,       // icmp-type T [code C]
  kId,             // user / group with port-like operators
  kFlags,          // flags S/SA, flags any
  kSet,            // set prio 3, set tos lowdelay
  kRoute,          // route-to / reply-to / dup-to pool
  kTranslate,      // rdr-to, nat-to, binat-to, divert-to, divert-packet, af-to
};

struct OptionShape {
  std::string_view name;
  Arity arity;
};

// Sorted by name for binary search.
constexpr std::array kOptions = {
    OptionShape{"af-to", Arity::kTranslate},
    OptionShape{"allow-opts", Arity::kNone},
    OptionShape{"binat-to", Arity::kTranslate},
    OptionShape{"bitmask", Arity::kNone},
    OptionShape{"bridge-to", Arity::kValue},
    OptionShape{"crop", Arity::kNone},
    OptionShape{"divert-packet", Arity::kTranslate},
    OptionShape{"divert-reply", Arity::kNone},
    OptionShape{"divert-to", Arity::kTranslate},
    OptionShape{"dnpipe", Arity::kValue},
    OptionShape{"dnqueue", Arity::kValue},
    OptionShape{"drop-ovl", Arity::kNone},
    OptionShape{"dup-to", Arity::kRoute},
    OptionShape{"fastroute", Arity::kNone},
    OptionShape{"flags", Arity::kFlags},
    OptionShape{"fragment", Arity::kNone},
    OptionShape{"group", Arity::kId},
    OptionShape{"icmp-type", Arity::kIcmpType},
    OptionShape{"icmp6-type", Arity::kIcmpType},
    OptionShape{"keep", Arity::kState},
    OptionShape{"l3", Arity::kNone},
    OptionShape{"label", Arity::kValue},
    OptionShape{"least-states", Arity::kNone},
    OptionShape{"max-mss", Arity::kValue},
    OptionShape{"max-pkt-rate", Arity::kValue},
    OptionShape{"min-ttl", Arity::kValue},
    OptionShape{"modulate", Arity::kState},
    OptionShape{"nat-to", Arity::kTranslate},
    OptionShape{"no", Arity::kNo},
    OptionShape{"no-df", Arity::kNone},
    OptionShape{"once", Arity::kNone},
    OptionShape{"os", Arity::kValue},
    OptionShape{"pipe", Arity::kValue},
    OptionShape{"prio", Arity::kValue},
    OptionShape{"probability", Arity::kValue},
    OptionShape{"queue", Arity::kValue},
    OptionShape{"random", Arity::kNone},
    OptionShape{"random-id", Arity::kNone},
    OptionShape{"rdr-to", Arity::kTranslate},
    OptionShape{"reassemble", Arity::kOptionalValue},
    OptionShape{"received-on", Arity::kValue},
    OptionShape{"reply-to", Arity::kRoute},
    OptionShape{"ridentifier", Arity::kValue},
    OptionShape{"round-robin", Arity::kNone},
    OptionShape{"route-to", Arity::kRoute},
    OptionShape{"rtable", Arity::kValue},
    OptionShape{"scrub", Arity::kValue},
    OptionShape{"set", Arity::kSet},
    OptionShape{"set-tos", Arity::kValue},
    OptionShape{"source-hash", Arity::kOptionalValue},
    OptionShape{"static-port", Arity::kNone},
    OptionShape{"sticky-address", Arity::kNone},
    OptionShape{"synproxy", Arity::kState},
    OptionShape{"tag", Arity::kValue},
    OptionShape{"tagged", Arity::kValue},
    OptionShape{"tos", Arity::kValue},
    OptionShape{"user", Arity::kId},
};

const OptionShape* find_option(std::string_view name) {
  auto it = std::lower_bound(kOptions.begin(), kOptions.end(), name,
                             [](const OptionShape& o, std::string_view n) { return o.name < n; });
  return it != kOptions.end() && it->name == name ? &*it : nullptr;
}

// Words of the rule grammar and statement keywords: never an address, anchor or macro name.
constexpr std::string_view kKeywords[] = {
    "all",        "altq",         "anchor",
    "antispoof",  "binat",        "binat-anchor",
    "block",      "dummynet",     "dummynet-anchor",
    "ether",      "for",          "from",
    "in",         "include",      "inet",
    "inet6",      "load",         "log",
    "log-all",    "match",        "nat",
    "nat-anchor", "on",           "out",
    "pass",       "port",         "proto",
    "queue",      "quick",        "rdr",
    "rdr-anchor", "scrub-anchor", "table",
    "to",
};

// Words that start a statement: a list cut short by a missing `}` ends before them.
constexpr std::string_view kStatementKeywords[] = {
    "altq",       "anchor",          "antispoof",    "binat",   "binat-anchor", "block",
    "dummynet",   "dummynet-anchor", "ether",        "include", "load",         "match",
    "nat",        "nat-anchor",      "no",           "pass",    "queue",        "rdr",
    "rdr-anchor", "scrub",           "scrub-anchor", "set",     "table",
};

std::string lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::optional<Transport> protocol_transport(std::string_view name) {
  std::string lower = lowercase(name);
  if (lower == "6") return Transport::kTcp;
  if (lower == "17") return Transport::kUdp;
  if (lower == "132") return Transport::kSctp;
  if (lower == "33") return Transport::kDccp;
  return parse_transport(lower);
}

std::string quoted(std::string_view text) {
  return "`" + std::string(text) + "`";
}

}  // namespace

bool reserved_word(std::string_view word) {
  return std::find(std::begin(kKeywords), std::end(kKeywords), word) != std::end(kKeywords) ||
         find_option(word) != nullptr;
}

SourceSpan RuleReader::outer_span(uint32_t begin, uint32_t end) const {
  return stream_.file().span(begin, std::max(begin, end));
}

bool RuleReader::fail(const Token& at, std::string message) {
  if (auto empty = stream_.empty_macro_before(at)) {
    message += " (" + quoted(*empty) + " before it expands to nothing)";
  }
  SourceSpan span = at.kind == TokenKind::kNewline || at.kind == TokenKind::kEnd
                        ? stream_.file().span(at.outer_begin, at.outer_begin)
                        : stream_.file().span(at.outer_begin, at.outer_end);
  // One finding per place: an unterminated string is already reported by the lexer.
  std::vector<Finding>& diagnostics = context_.diagnostics;
  bool known = !diagnostics.empty() && diagnostics.back().span.file == span.file &&
               diagnostics.back().span.line == span.line &&
               diagnostics.back().span.column == span.column;
  if (!known) diagnostics.push_back(make_diagnostic(kInvalidSyntax, span, std::move(message)));
  return false;
}

bool RuleReader::at_end() const {
  const Token& t = stream_.peek();
  if (t.ends_line()) return true;
  if (context_.in_block && t.is_punct("}")) return true;
  return kind_ == RuleKind::kAnchor && t.is_punct("{");
}

bool RuleReader::expect_word(std::string_view word) {
  if (!stream_.peek().is_word(word)) {
    return fail(stream_.peek(), "expected " + quoted(word) + " here");
  }
  stream_.next();
  return true;
}

void RuleReader::keep_other(uint32_t begin) {
  uint32_t end = stream_.statement_end();
  if (end > begin)
    rule_.other_matches.push_back(stream_.file().content().substr(begin, end - begin));
}

bool RuleReader::starts_statement(size_t ahead) {
  const Token& t = stream_.peek(ahead);
  if (t.kind == TokenKind::kEnd) return true;
  if (t.kind != TokenKind::kWord) return false;
  if (stream_.peek(ahead + 1).is_punct("=")) return true;
  return std::find(std::begin(kStatementKeywords), std::end(kStatementKeywords), t.text) !=
         std::end(kStatementKeywords);
}

bool RuleReader::read(RuleKind kind) {
  kind_ = kind;
  if (!read_action(kind)) return false;
  while (!at_end()) {
    const Token& t = stream_.peek();
    uint32_t begin = t.outer_begin;
    if (kind == RuleKind::kTranslation && t.is_punct("->")) {
      Token arrow = stream_.next();
      after_arrow_ = true;
      if (!read_translation(arrow)) return false;
      keep_other(begin);
      continue;
    }
    if (t.is_punct("!")) {
      stream_.next();
      if (!read_option()) return false;
      keep_other(begin);
      continue;
    }
    if (t.kind != TokenKind::kWord) return fail(t, "unexpected " + quoted(t.text));
    std::string_view word = t.text;
    if (word == "in" || word == "out") {
      rule_.direction = word == "in" ? Direction::kInput : Direction::kOutput;
      stream_.next();
    } else if (word == "quick") {
      rule_.quick = true;
      stream_.next();
    } else if (word == "log" || word == "log-all") {
      stream_.next();
      if (word == "log" && stream_.peek().is_punct("(")) {
        stream_.next();
        if (!read_group(")")) return false;
      }
    } else if (word == "on" || (word == "for" && kind == RuleKind::kAntispoof)) {
      stream_.next();
      if (stream_.peek().is_word("rdomain")) {
        stream_.next();
        if (!read_value()) return false;
        keep_other(begin);
      } else if (!read_interfaces(word == "for")) {
        return false;
      }
    } else if (word == "inet" || word == "inet6") {
      rule_.family = word == "inet" ? Family::kIpv4 : Family::kIpv6;
      stream_.next();
    } else if (word == "proto") {
      if (!read_protocols()) return false;
    } else if (word == "all") {
      stream_.next();
    } else if (word == "from" || word == "to") {
      if (!read_endpoint(word == "from")) return false;
    } else if (word == "pass" && kind == RuleKind::kTranslation) {
      stream_.next();
      keep_other(begin);
    } else if (word == "port") {
      return fail(t, "`port` must follow `from` or `to` (and the address, if any)");
    } else {
      if (!read_option()) return false;
      keep_other(begin);
    }
  }
  check_transports();
  return true;
}

bool RuleReader::read_action(RuleKind kind) {
  Token first = stream_.next();
  uint32_t begin = first.outer_begin;
  Action& action = rule_.action;
  switch (kind) {
    case RuleKind::kFilter:
      if (first.text == "block") return read_block_action(first);
      action.verdict = first.text == "pass" ? Verdict::kAccept : Verdict::kOther;
      break;
    case RuleKind::kAnchor:
    case RuleKind::kTranslationAnchor: {
      action.verdict = Verdict::kJump;
      const Token& name = stream_.peek();
      if (name.kind == TokenKind::kString ||
          (name.kind == TokenKind::kWord && !reserved_word(name.text))) {
        anchor_name_ = std::string(name.text);
        stream_.next();
      }
      break;
    }
    case RuleKind::kTranslation:
      action.verdict = Verdict::kNat;
      if (first.text == "no") {
        action.verdict = Verdict::kOther;
        first = stream_.next();
      }
      if (first.text == "nat") rule_.direction = Direction::kOutput;
      if (first.text == "rdr") rule_.direction = Direction::kInput;
      break;
    case RuleKind::kScrub:
    case RuleKind::kDummynet:
      action.verdict = Verdict::kOther;
      break;
    case RuleKind::kAntispoof:
      action.verdict = Verdict::kDrop;
      rule_.direction = Direction::kInput;
      break;
    case RuleKind::kEther: {
      const Token& verb = stream_.peek();
      if (!verb.is_word("pass") && !verb.is_word("block")) {
        return fail(verb, "expected `pass` or `block` after `ether`");
      }
      action.verdict = verb.text == "pass" ? Verdict::kAccept : Verdict::kDrop;
      stream_.next();
      break;
    }
  }
  uint32_t end = stream_.statement_end();
  if (kind == RuleKind::kAnchor || kind == RuleKind::kTranslationAnchor) end = first.outer_end;
  action.span = outer_span(begin, end);
  action.target = std::string(stream_.file().content().substr(begin, end - begin));
  return true;
}

bool RuleReader::read_block_action(const Token& block) {
  Action& action = rule_.action;
  action.verdict = context_.block_returns ? Verdict::kReject : Verdict::kDrop;
  const Token& how = stream_.peek();
  if (how.is_word("drop")) {
    action.verdict = Verdict::kDrop;
    stream_.next();
  } else if (how.is_word("return") || how.is_word("return-rst") || how.is_word("return-icmp") ||
             how.is_word("return-icmp6")) {
    action.verdict = Verdict::kReject;
    stream_.next();
    if (stream_.peek().is_punct("(")) {
      stream_.next();
      if (!read_group(")")) return false;
    }
  }
  uint32_t end = stream_.statement_end();
  action.span = outer_span(block.outer_begin, end);
  action.target =
      std::string(stream_.file().content().substr(block.outer_begin, end - block.outer_begin));
  return true;
}

bool RuleReader::read_interfaces(bool for_antispoof) {
  std::vector<InterfaceMatch> interfaces;
  bool negated = false;
  if (stream_.peek().is_punct("!")) {
    negated = true;
    stream_.next();
  }
  if (stream_.peek().is_punct("{")) {
    Token open = stream_.next();
    if (!read_list(open, "interfaces", [&] { return read_interface(interfaces, negated); })) {
      return false;
    }
  } else if (!read_interface(interfaces, negated)) {
    return false;
  }
  // A rule without direction applies on the interface both ways; antispoof guards inbound.
  bool in = for_antispoof || rule_.direction != Direction::kOutput;
  bool out = !for_antispoof && rule_.direction != Direction::kInput;
  for (InterfaceMatch& match : interfaces) {
    if (in) rule_.in_interfaces.push_back(match);
    if (out) rule_.out_interfaces.push_back(std::move(match));
  }
  return true;
}

bool RuleReader::read_interface(std::vector<InterfaceMatch>& out, bool negated) {
  if (stream_.peek().is_punct("!")) {
    stream_.next();
    negated = !negated;
  }
  // antispoof takes `(if)` too: the interface's addresses as they change.
  bool parenthesized = stream_.peek().is_punct("(");
  if (parenthesized) stream_.next();
  const Token& t = stream_.peek();
  if (t.kind != TokenKind::kWord && t.kind != TokenKind::kString) {
    return fail(t, "expected an interface name");
  }
  out.push_back({t.span(), std::string(t.text), negated});
  stream_.next();
  if (parenthesized) {
    if (!stream_.peek().is_punct(")")) return fail(stream_.peek(), "expected `)`");
    stream_.next();
  }
  return true;
}

bool RuleReader::read_protocols() {
  stream_.next();
  uint32_t begin = stream_.peek().outer_begin;
  std::vector<std::string> names;
  auto add = [&](const Token& t) {
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kString) {
      return fail(t, "expected a protocol name or number");
    }
    names.emplace_back(t.text);
    if (auto transport = protocol_transport(t.text)) {
      rule_.transports.add(*transport);
    } else {
      non_port_protocol_ = true;
    }
    stream_.next();
    return true;
  };
  if (stream_.peek().is_punct("{")) {
    Token open = stream_.next();
    if (!read_list(open, "protocols", [&] { return add(stream_.peek()); })) return false;
  } else if (!add(stream_.peek())) {
    return false;
  }
  has_protocol_ = true;
  rule_.protocol_span = outer_span(begin, stream_.statement_end());
  if (names.size() == 1) {
    rule_.protocol = names.front();
  } else {
    rule_.protocol = "{";
    for (const std::string& name : names) rule_.protocol += " " + name;
    rule_.protocol += " }";
  }
  return true;
}

bool RuleReader::read_endpoint(bool source) {
  Token keyword = stream_.next();
  PortSet& ports = source ? rule_.source_ports : rule_.destination_ports;
  std::vector<AddressMatch>* hosts =
      after_arrow_ ? nullptr : (source ? &rule_.sources : &rule_.destinations);
  bool has_host = false;
  if (!stream_.peek().is_word("port")) {
    if (at_end()) return fail(stream_.peek(), quoted(keyword.text) + " needs an address or a port");
    if (!read_hosts(hosts)) return false;
    has_host = true;
  }
  if (stream_.peek().is_word("port")) {
    Token port = stream_.next();
    // Without an address, deleting the port must take `from`/`to` along to stay valid.
    if (read_port_spec(ports, has_host ? port.outer_begin : keyword.outer_begin)) return true;
    ports.unresolved = true;
    return false;
  }
  return true;
}

bool RuleReader::read_hosts(std::vector<AddressMatch>* out) {
  return read_host(out, false);
}

bool RuleReader::read_host(std::vector<AddressMatch>* out, bool negated) {
  while (stream_.peek().is_punct("!")) {
    stream_.next();
    negated = !negated;
  }
  Token first = stream_.peek();
  if (first.is_punct("{")) {
    if (list_depth_ > 0) {
      // pfctl refuses `{ a { b } }`; fwlint reads one level in and no deeper.
      context_.diagnostics.push_back(
          make_diagnostic(kInvalidSyntax, first.via.empty() ? first.span() : first.via.front().span,
                          "pfctl does not accept a list inside a list"));
      if (list_depth_ > 1) return fail(first, "lists nested too deeply");
    }
    stream_.next();
    ++list_depth_;
    bool ok = read_list(first, "addresses", [&] { return read_host(out, negated); });
    --list_depth_;
    return ok;
  }
  std::string text;
  Token last = first;
  if (first.is_punct("<")) {
    stream_.next();
    const Token& name = stream_.peek();
    if (name.kind != TokenKind::kWord) return fail(name, "expected a table name after `<`");
    text = "<" + std::string(name.text) + ">";
    stream_.next();
    if (!stream_.peek().is_punct(">"))
      return fail(stream_.peek(), "expected `>` after the table name");
    last = stream_.next();
  } else if (first.is_punct("(")) {
    stream_.next();
    text = "(";
    while (!stream_.peek().is_punct(")")) {
      const Token& part = stream_.peek();
      if (part.ends_line()) return fail(first, "missing `)`");
      if (text.size() > 1 && part.spaced) text += ' ';
      text += part.text;
      stream_.next();
    }
    last = stream_.next();
    text += ")";
  } else if (first.kind == TokenKind::kString ||
             (first.kind == TokenKind::kWord && !reserved_word(first.text))) {
    stream_.next();
    text = first.text;
    for (std::string_view joiner : {"/", "-", "@"}) {
      if (!stream_.peek().is_punct(joiner)) continue;
      stream_.next();
      const Token& rest = stream_.peek();
      if (rest.kind != TokenKind::kWord)
        return fail(rest, "expected an address after " + quoted(joiner));
      text += std::string(joiner == "-" ? " - " : joiner) + std::string(rest.text);
      last = stream_.next();
    }
    if (text == "any" && !negated) return true;
  } else {
    return fail(first, "expected an address, not " + quoted(first.text));
  }
  if (out != nullptr) out->push_back({span_between(first, last), std::move(text), negated});
  return true;
}

bool RuleReader::read_group(std::string_view close) {
  std::vector<std::string_view> open = {close};
  const Token& start = stream_.peek();
  uint32_t start_begin = start.outer_begin;
  while (!open.empty()) {
    const Token& t = stream_.peek();
    if (t.kind == TokenKind::kEnd || (t.kind == TokenKind::kNewline && open.back() == ")")) {
      context_.diagnostics.push_back(make_diagnostic(kInvalidSyntax,
                                                     stream_.file().span(start_begin, start_begin),
                                                     "missing " + quoted(open.back())));
      return false;
    }
    if (t.is_punct("(")) open.push_back(")");
    if (t.is_punct("{")) open.push_back("}");
    if (t.kind == TokenKind::kPunct && t.text == open.back()) open.pop_back();
    stream_.next();
  }
  return true;
}

bool RuleReader::read_value() {
  const Token& t = stream_.peek();
  if (t.is_punct("(") || t.is_punct("{")) {
    std::string_view close = t.text == "(" ? ")" : "}";
    stream_.next();
    return read_group(close);
  }
  if (t.is_punct("!") || t.is_punct("<")) return read_host(nullptr, false);
  if (t.kind != TokenKind::kWord && t.kind != TokenKind::kString) {
    return fail(t, "missing value");
  }
  stream_.next();
  if (stream_.peek().is_punct("/")) {
    stream_.next();
    if (stream_.peek().kind == TokenKind::kWord) stream_.next();
  }
  return true;
}

bool RuleReader::read_id_spec() {
  if (stream_.peek().is_punct("{")) {
    stream_.next();
    return read_group("}");
  }
  const Token& t = stream_.peek();
  if (t.kind == TokenKind::kPunct && t.text != "><" && t.text != "<>" && port_op(t.text)) {
    stream_.next();
    return read_value();
  }
  if (!read_value()) return false;
  if (stream_.peek().is_punct("><") || stream_.peek().is_punct("<>")) {
    stream_.next();
    return read_value();
  }
  return true;
}

bool RuleReader::read_flags() {
  const Token& t = stream_.peek();
  if (t.is_punct("/")) {
    stream_.next();
    return read_value();
  }
  return read_value();
}

bool RuleReader::read_option() {
  Token word = stream_.peek();
  const OptionShape* shape = word.kind == TokenKind::kWord ? find_option(word.text) : nullptr;
  if (shape == nullptr) {
    return fail(word, "unknown or misplaced keyword " + quoted(word.text));
  }
  stream_.next();
  const Token& value = stream_.peek();
  if (word.text == "label" &&
      (value.kind == TokenKind::kString || value.kind == TokenKind::kWord)) {
    rule_.name = std::string(value.text);
  }
  switch (shape->arity) {
    case Arity::kNone:
      return true;
    case Arity::kValue:
      return read_value();
    case Arity::kOptionalValue: {
      const Token& t = stream_.peek();
      if (t.kind == TokenKind::kString || (t.kind == TokenKind::kWord && !reserved_word(t.text))) {
        stream_.next();
      }
      return true;
    }
    case Arity::kState:
      if (!expect_word("state")) return false;
      if (stream_.peek().is_punct("(")) {
        stream_.next();
        return read_group(")");
      }
      return true;
    case Arity::kNo:
      return expect_word("state");
    case Arity::kIcmpType:
      if (!read_value()) return false;
      if (stream_.peek().is_word("code")) {
        stream_.next();
        return read_value();
      }
      return true;
    case Arity::kId:
      return read_id_spec();
    case Arity::kFlags:
      return read_flags();
    case Arity::kSet:
      if (stream_.peek().kind != TokenKind::kWord)
        return fail(stream_.peek(), "expected what to set");
      stream_.next();
      return read_value();
    case Arity::kRoute:
      return read_hosts(nullptr);
    case Arity::kTranslate:
      return read_translation(word);
  }
  return true;
}

bool RuleReader::read_translation(const Token& keyword) {
  std::string_view name = keyword.text;
  if (name == "af-to") {
    if (!stream_.peek().is_word("inet") && !stream_.peek().is_word("inet6")) {
      return fail(stream_.peek(), "expected `inet` or `inet6` after `af-to`");
    }
    stream_.next();
    if (!expect_word("from") || !read_hosts(nullptr)) return false;
    if (stream_.peek().is_word("to")) {
      stream_.next();
      return read_hosts(nullptr);
    }
    return true;
  }
  if (name == "divert-packet") return expect_word("port") && read_translation_port();
  // An address that came through an empty macro is left out; pfctl would want one.
  const Token& t = stream_.peek();
  if (!at_end() && !t.is_word("port") && !(t.kind == TokenKind::kWord && find_option(t.text))) {
    if (!read_hosts(nullptr)) return false;
  }
  if (stream_.peek().is_word("port")) {
    stream_.next();
    return read_translation_port();
  }
  // Old divert-to syntax: the port follows the address without `port` [pfctl regress pf97].
  if (name == "divert-to" && stream_.peek().kind == TokenKind::kWord &&
      !reserved_word(stream_.peek().text)) {
    return read_translation_port();
  }
  return true;
}

bool RuleReader::read_translation_port() {
  const Token& t = stream_.peek();
  if (t.kind != TokenKind::kWord && t.kind != TokenKind::kString) {
    return fail(t, "expected a port");
  }
  TransportSet transports = has_protocol_ ? rule_.transports : TransportSet();
  std::string_view text = t.text;
  size_t colon = text.find(':');
  std::string_view parts[] = {text.substr(0, colon), colon == std::string_view::npos
                                                         ? std::string_view()
                                                         : text.substr(colon + 1)};
  for (size_t i = 0; i < 2; ++i) {
    if (i == 1 && (colon == std::string_view::npos || parts[1] == "*")) break;
    PortValue value = resolve_port(parts[i], transports, context_.registry);
    if (!value.port) {
      context_.diagnostics.push_back(make_diagnostic(*value.problem, t.span(), value.message));
    }
  }
  stream_.next();
  return true;
}

void RuleReader::check_transports() {
  bool has_ports =
      rule_.source_ports.option_span.valid() || rule_.destination_ports.option_span.valid();
  const PortSet& ports =
      rule_.source_ports.option_span.valid() ? rule_.source_ports : rule_.destination_ports;
  TransportSet tcp_udp;
  tcp_udp.add(Transport::kTcp);
  tcp_udp.add(Transport::kUdp);
  if (!has_protocol_) rule_.transports = has_ports ? tcp_udp : TransportSet::all();
  if (!has_ports) return;
  std::string problem;
  if (!has_protocol_) {
    problem = "the rule names no protocol";
  } else if (rule_.transports.empty()) {
    problem = "proto " + rule_.protocol + " has no ports";
  } else if (non_port_protocol_) {
    problem = "pfctl expands the rule per protocol and rejects the ones without ports";
  }
  if (problem.empty()) return;
  if (rule_.transports.empty()) rule_.transports = tcp_udp;
  context_.diagnostics.push_back(make_diagnostic(kInvalidSyntax, ports.option_span,
                                                 "port only applies to tcp and udp: " + problem));
}

}  // namespace fwlint::pf
