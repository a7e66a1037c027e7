#include "parsers/iptables/rule_spec.h"

#include <cctype>

#include "linter/diagnostics.h"
#include "parsers/iptables/lines.h"
#include "parsers/iptables/options.h"
#include "parsers/iptables/port_values.h"

namespace fwlint::iptables {

namespace {

// multiport's limit: at most 15 ports, a range counting as two.
constexpr int kMultiportSlots = 15;

bool equals_lower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != lower[i]) return false;
  }
  return true;
}

std::optional<Transport> protocol_transport(std::string_view protocol) {
  if (auto transport = parse_transport(protocol)) return transport;
  if (protocol == "6") return Transport::kTcp;
  if (protocol == "17") return Transport::kUdp;
  if (protocol == "132") return Transport::kSctp;
  if (protocol == "33") return Transport::kDccp;
  return std::nullopt;
}

bool ipv6_protocol(std::string_view protocol) {
  return equals_lower(protocol, "icmpv6") || equals_lower(protocol, "ipv6-icmp") ||
         protocol == "58" || equals_lower(protocol, "ipv6-mh") || equals_lower(protocol, "mh");
}

bool ipv6_module(std::string_view module) {
  return module == "ipv6header" || module == "frag" || module == "hbh" || module == "dst" ||
         module == "rt" || module == "mh" || module == "eui64" || module == "icmp6";
}

// "192.0.2.1", "10.0.0.0/8": four dot-separated numbers, perhaps a prefix length.
bool dotted_ipv4(std::string_view address) {
  address = address.substr(0, address.find('/'));
  int dots = 0;
  for (char c : address) {
    if (c == '.') {
      ++dots;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return dots == 3;
}

// A value of an option: an argument, from `offset` on (`--dport=22`, `-ptcp`).
struct Value {
  const Arg* arg = nullptr;
  size_t offset = 0;

  std::string_view text() const { return arg->text.substr(offset); }
  // The value as written in the command.
  std::string_view written() const {
    if (offset == 0) return arg->raw;
    if (arg->raw.size() == arg->text.size() && !arg->quoted) return arg->raw.substr(offset);
    return arg->raw;
  }
};

class SpecReader {
 public:
  SpecReader(const ArgList& list, std::span<const Arg> spec, SpecContext& context, Rule& rule)
      : list_(list), spec_(spec), context_(context), rule_(rule) {}

  SpecResult run();

 private:
  struct Option {
    const Arg* arg = nullptr;
    std::string_view name;     // "--dport", "-p": for messages
    size_t inline_offset = 0;  // where an attached value starts in arg->text, 0 if none
    const Arg* negation = nullptr;
  };

  void read_option(const Arg& arg);
  void read_known(const Option& option, OptionInfo info);
  void read_unknown(const Option& option);
  // Takes `count` values of `option`; on failure reports and consumes nothing more.
  bool take_values(const Option& option, int count, Value* values, bool* negated);

  void read_protocol(const Option& option, Value value, bool negated);
  void read_addresses(std::vector<AddressMatch>& matches, Value value, bool negated);
  void read_interface(std::vector<InterfaceMatch>& matches, Value value, bool negated);
  void read_target(Value value, bool go_to);
  void read_match(const Option& option, Value value);
  void read_ports(const Option& option, OptionKind kind, Value value, bool negated);

  // Other matches: contiguous uninterpreted options are kept as one verbatim view.
  void keep_other(std::string_view begin_view, std::string_view end_view);
  void close_other();

  std::string_view option_text(const Option& option, Value last) const;
  SourceSpan span(std::string_view view) const { return context_.file.span(view); }
  void report(const CheckInfo& kind, std::string_view where, std::string message) {
    context_.diagnostics.push_back(make_diagnostic(kind, span(where), std::move(message)));
  }
  void report_unresolved(std::string_view variable, std::string_view what);
  TransportSet port_transports() const;
  // iptables matches long options by unique prefix among the loaded matches: once multiport is
  // loaded and tcp (udp…) is not, `--dport` abbreviates multiport's `--dports`.
  OptionKind single_port_kind(OptionKind kind) const {
    if (!multiport_ || !module_transports_.empty()) return kind;
    return kind == OptionKind::kDestinationPort ? OptionKind::kDestinationPorts
                                                : OptionKind::kSourcePorts;
  }
  void finish_transports();

  const ArgList& list_;
  std::span<const Arg> spec_;
  SpecContext& context_;
  Rule& rule_;
  SpecResult result_;
  size_t next_ = 0;

  const char* other_begin_ = nullptr;
  const char* other_end_ = nullptr;

  TransportSet module_transports_;  // from -m tcp / udp / sctp / dccp
  std::optional<Transport> protocol_transport_;
  bool protocol_unresolved_ = false;
  bool multiport_ = false;  // -m multiport loaded
};

SpecResult SpecReader::run() {
  const Arg* negation = nullptr;
  while (next_ < spec_.size()) {
    const Arg& arg = spec_[next_];
    if (arg.bang()) {
      if (negation != nullptr) report(kInvalidSyntax, arg.raw, "`!` written twice");
      negation = &arg;
      ++next_;
      continue;
    }
    if (!arg.option_like()) {
      ++next_;
      close_other();
      if (!arg.unresolved.empty()) {
        // A variable where an option belongs may stand for any options, ports included.
        if (context_.scripted) report_unresolved(arg.unresolved, "the options it stands for");
        keep_other(negation != nullptr ? negation->raw : arg.raw, arg.raw);
        close_other();
      } else {
        report(kInvalidSyntax, arg.raw, concat("unexpected argument ", code(arg.raw)));
      }
      negation = nullptr;
      continue;
    }
    Option option;
    option.arg = &arg;
    option.negation = negation;
    negation = nullptr;
    ++next_;
    std::optional<OptionInfo> info;
    if (arg.text.starts_with("--")) {
      std::string_view body = arg.text.substr(2);
      size_t equals = body.find('=');
      option.name =
          arg.text.substr(0, equals == std::string_view::npos ? arg.text.size() : equals + 2);
      if (equals != std::string_view::npos) option.inline_offset = equals + 3;
      info = find_long_option(option.name.substr(2));
    } else {
      option.name = arg.text.substr(0, 2);
      info = find_short_option(arg.text[1]);
      if (arg.text.size() > 2) {
        if (info && info->arity > 0) {
          option.inline_offset = 2;
        } else {
          info.reset();  // "-nvL" and the like: not part of a rule
        }
      }
    }
    if (info) {
      read_known(option, *info);
    } else {
      read_unknown(option);
    }
  }
  if (negation != nullptr)
    report(kInvalidSyntax, negation->raw, "`!` is not followed by an option");
  close_other();
  finish_transports();
  return result_;
}

bool SpecReader::take_values(const Option& option, int count, Value* values, bool* negated) {
  int taken = 0;
  size_t cursor = next_;
  if (option.inline_offset != 0) {
    values[taken++] = {option.arg, option.inline_offset};
  } else if (cursor + 1 < spec_.size() && spec_[cursor].bang() &&
             !spec_[cursor + 1].option_like()) {
    // The old placement of the negation: `--dport ! 22`.
    *negated = true;
    ++cursor;
  }
  while (taken < count && cursor < spec_.size() && !spec_[cursor].option_like() &&
         !spec_[cursor].bang()) {
    values[taken++] = {&spec_[cursor++], 0};
  }
  if (taken < count) {
    report(kInvalidSyntax, option.arg->raw,
           code(option.name) + (count == 1 ? " needs a value"
                                           : concat(" needs ", std::to_string(count), " values")));
    next_ = cursor;
    return false;
  }
  next_ = cursor;
  return true;
}

void SpecReader::read_known(const Option& option, OptionInfo info) {
  Value values[2];
  bool negated = option.negation != nullptr;
  int arity = info.arity;
  if (arity > 0 && !take_values(option, arity, values, &negated)) {
    if (info.kind == OptionKind::kDestinationPort || info.kind == OptionKind::kDestinationPorts ||
        info.kind == OptionKind::kEitherPorts) {
      rule_.destination_ports.unresolved = true;
    } else if (info.kind == OptionKind::kSourcePort || info.kind == OptionKind::kSourcePorts) {
      rule_.source_ports.unresolved = true;
    }
    return;
  }
  switch (info.kind) {
    case OptionKind::kProtocol:
      close_other();
      read_protocol(option, values[0], negated);
      return;
    case OptionKind::kSource:
      close_other();
      read_addresses(rule_.sources, values[0], negated);
      return;
    case OptionKind::kDestination:
      close_other();
      read_addresses(rule_.destinations, values[0], negated);
      return;
    case OptionKind::kInInterface:
      close_other();
      read_interface(rule_.in_interfaces, values[0], negated);
      return;
    case OptionKind::kOutInterface:
      close_other();
      read_interface(rule_.out_interfaces, values[0], negated);
      return;
    case OptionKind::kJump:
    case OptionKind::kGoto:
      close_other();
      read_target(values[0], info.kind == OptionKind::kGoto);
      return;
    case OptionKind::kMatch:
      read_match(option, values[0]);
      return;
    case OptionKind::kDestinationPort:
    case OptionKind::kSourcePort:
      close_other();
      read_ports(option, single_port_kind(info.kind), values[0], negated);
      return;
    case OptionKind::kDestinationPorts:
    case OptionKind::kSourcePorts:
    case OptionKind::kEitherPorts:
      close_other();
      read_ports(option, info.kind, values[0], negated);
      return;
    case OptionKind::kComment: {
      close_other();
      if (!rule_.comment.empty()) rule_.comment += "; ";
      rule_.comment += values[0].text();
      return;
    }
    case OptionKind::kKnownOther: {
      if (option.name == "-4" || option.name == "--ipv4") result_.only = Family::kIpv4;
      if (option.name == "-6" || option.name == "--ipv6") result_.only = Family::kIpv6;
      Value last = arity > 0 ? values[arity - 1] : Value{option.arg, 0};
      std::string_view text = option_text(option, last);
      keep_other(text, text);
      return;
    }
    default:
      // read_command() takes commands and their options (-t, -w, -c, -v) out of the spec.
      return;
  }
}

void SpecReader::read_unknown(const Option& option) {
  Value last{option.arg, 0};
  if (option.inline_offset == 0) {
    size_t cursor = next_;
    // `--state ! NEW`: the old placement of the negation, kept verbatim with the option.
    if (cursor + 1 < spec_.size() && spec_[cursor].bang() && !spec_[cursor + 1].option_like()) {
      ++cursor;
    }
    while (cursor < spec_.size() && !spec_[cursor].option_like() && !spec_[cursor].bang()) {
      last = {&spec_[cursor++], 0};
    }
    next_ = cursor;
  }
  std::string_view name = option.arg->text;
  if (name.starts_with("--icmpv6-type")) result_.looks_ipv6 = true;
  if (last.arg != option.arg && last.arg->text.starts_with("icmp6-")) result_.looks_ipv6 = true;
  std::string_view text = option_text(option, last);
  keep_other(text, text);
}

std::string_view SpecReader::option_text(const Option& option, Value last) const {
  const char* begin = (option.negation != nullptr ? option.negation->raw : option.arg->raw).data();
  std::string_view end_view = last.arg->raw;
  const char* end = end_view.data() + end_view.size();
  if (end < begin) return option.arg->raw;
  return std::string_view(begin, static_cast<size_t>(end - begin));
}

void SpecReader::keep_other(std::string_view begin_view, std::string_view end_view) {
  const char* begin = begin_view.data();
  const char* end = end_view.data() + end_view.size();
  if (other_begin_ != nullptr && begin >= other_begin_ && end <= other_end_) return;
  if (other_begin_ != nullptr && begin >= other_end_) {
    other_end_ = end;
    return;
  }
  close_other();
  other_begin_ = begin;
  other_end_ = end;
}

void SpecReader::close_other() {
  if (other_begin_ == nullptr) return;
  rule_.other_matches.emplace_back(other_begin_, static_cast<size_t>(other_end_ - other_begin_));
  other_begin_ = other_end_ = nullptr;
}

void SpecReader::report_unresolved(std::string_view variable, std::string_view what) {
  report(kUnresolvedVariable, variable,
         code(variable) + " has no literal value in this script, so " + std::string(what) +
             " cannot be checked");
}

void SpecReader::read_protocol(const Option& option, Value value, bool negated) {
  const Arg& arg = *value.arg;
  rule_.protocol_negated = negated;
  rule_.protocol_span = span(value.written());
  if (!arg.unresolved.empty()) {
    rule_.protocol = std::string(value.written());
    protocol_unresolved_ = true;
    if (context_.scripted) report_unresolved(arg.unresolved, "the rule's protocol");
    std::string_view text = option_text(option, value);
    keep_other(text, text);
    close_other();
    return;
  }
  std::string_view protocol = value.text();
  rule_.protocol = std::string(protocol);
  protocol_transport_ = protocol_transport(protocol);
  if (ipv6_protocol(protocol)) result_.looks_ipv6 = true;
}

void SpecReader::read_addresses(std::vector<AddressMatch>& matches, Value value, bool negated) {
  const Arg& arg = *value.arg;
  std::string_view text = value.text();
  if (!arg.unresolved.empty()) {
    matches.push_back({span(value.written()), std::string(value.written()), negated});
    return;
  }
  // iptables turns `-s a,b` into one rule per address: here one rule that matches any of them.
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t comma = text.find(',', begin);
    size_t end = comma == std::string_view::npos ? text.size() : comma;
    std::string_view address = text.substr(begin, end - begin);
    Origin origin = origin_of(list_, arg, value.offset + begin, value.offset + end);
    matches.push_back({span(origin.source), std::string(address), negated});
    if (address.find(':') != std::string_view::npos) {
      result_.looks_ipv6 = true;
    } else if (dotted_ipv4(address)) {
      result_.looks_ipv4 = true;
    }
    if (comma == std::string_view::npos) break;
    begin = comma + 1;
  }
}

void SpecReader::read_interface(std::vector<InterfaceMatch>& matches, Value value, bool negated) {
  std::string_view name = value.arg->unresolved.empty() ? value.text() : value.written();
  matches.push_back({span(value.written()), std::string(name), negated});
}

void SpecReader::read_target(Value value, bool go_to) {
  const Arg& arg = *value.arg;
  std::string_view target = arg.unresolved.empty() ? value.text() : value.written();
  rule_.action.target = std::string(target);
  rule_.action.span = span(value.written());
  if (go_to) {
    rule_.action.verdict = Verdict::kGoto;
  } else if (auto verdict = arg.unresolved.empty() ? target_verdict(target) : std::nullopt) {
    rule_.action.verdict = *verdict;
  } else {
    rule_.action.verdict = Verdict::kJump;
  }
}

void SpecReader::read_match(const Option& option, Value value) {
  std::string_view module = value.text();
  if (module == "tcp" || module == "udp" || module == "sctp" || module == "dccp") {
    close_other();
    module_transports_.add(*parse_transport(module));
    return;
  }
  if (module == "multiport") {
    close_other();
    multiport_ = true;
    return;
  }
  if (module == "comment") {
    close_other();
    return;
  }
  if (ipv6_module(module)) result_.looks_ipv6 = true;
  // Each other match starts its own verbatim entry, which its options then extend.
  close_other();
  std::string_view text = option_text(option, value);
  keep_other(text, text);
}

TransportSet SpecReader::port_transports() const {
  if (protocol_transport_ && !rule_.protocol_negated) return TransportSet::of(*protocol_transport_);
  return module_transports_;
}

void SpecReader::read_ports(const Option& option, OptionKind kind, Value value, bool negated) {
  bool source = kind == OptionKind::kSourcePort || kind == OptionKind::kSourcePorts;
  bool list = kind == OptionKind::kDestinationPorts || kind == OptionKind::kSourcePorts ||
              kind == OptionKind::kEitherPorts;
  PortSet& ports = source ? rule_.source_ports : rule_.destination_ports;
  // Port options belong to the tcp, udp, sctp and dccp matches (multiport also to udplite),
  // which a protocol given before them loads: without one iptables refuses the option.
  bool udplite = list && equals_lower(rule_.protocol, "udplite");
  if (!protocol_transport_ && module_transports_.empty() && !protocol_unresolved_ && !udplite) {
    report(kInvalidSyntax, option.arg->raw,
           concat(code(option.name), " needs a protocol before it: -p tcp, udp, sctp or dccp"));
  }
  if (!ports.option_span.valid()) {
    ports.negated = negated;
    ports.is_list = list;
    ports.either_side = kind == OptionKind::kEitherPorts;
    ports.value_span = span(value.written());
    ports.option_span = span(option_text(option, value));
  }
  const Arg& arg = *value.arg;
  if (!arg.unresolved.empty()) {
    ports.unresolved = true;
    if (context_.scripted)
      report_unresolved(arg.unresolved, concat("the ports of ", code(option.name)));
    std::string_view text = option_text(option, value);
    keep_other(text, text);
    close_other();
    return;
  }
  std::string_view text = value.text();
  if (!list && text.find(',') != std::string_view::npos) {
    ports.unresolved = true;
    report(kInvalidPort, value.written(),
           code(option.name) + " takes one port or range; a list needs -m multiport --" +
               (source ? "sports" : "dports"));
    return;
  }
  TransportSet transports = port_transports();
  int slots = 0;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t comma = list ? text.find(',', begin) : std::string_view::npos;
    size_t end = comma == std::string_view::npos ? text.size() : comma;
    std::string_view item = text.substr(begin, end - begin);
    PortValue port = parse_port_range(item, transports, context_.registry);
    if (port.problem != PortProblem::kNone) {
      ports.unresolved = true;
      size_t culprit =
          value.offset + begin + static_cast<size_t>(port.culprit.data() - item.data());
      Origin origin = origin_of(list_, arg, culprit, culprit + port.culprit.size());
      report(port.problem == PortProblem::kUnknownService ? kUnknownServiceName : kInvalidPort,
             origin.source, port.message);
    } else {
      Origin origin = origin_of(list_, arg, value.offset + begin, value.offset + end);
      PortToken token;
      token.span = span(origin.source);
      token.text = std::string(item);
      token.interval = port.interval;
      for (const RefView& reference : origin.via) {
        Reference& via = token.via.emplace_back();
        via.span = span(reference.where);
        via.name = std::string(reference.where);
        if (!reference.definition.empty()) {
          via.definition_span = span(reference.definition);
          via.definition = reference.definition;
        }
      }
      ports.tokens.push_back(std::move(token));
      slots += port.interval.low == port.interval.high ? 1 : 2;
    }
    if (comma == std::string_view::npos) break;
    begin = comma + 1;
  }
  if (list && slots > kMultiportSlots) {
    report(kInvalidPort, value.written(),
           "multiport matches at most 15 ports (a range counts as two); this list needs " +
               std::to_string(slots));
  }
}

void SpecReader::finish_transports() {
  if (protocol_unresolved_) {
    rule_.transports = module_transports_.empty() ? TransportSet::all() : module_transports_;
  } else if (protocol_transport_) {
    rule_.transports = TransportSet::of(*protocol_transport_);
    if (rule_.protocol_negated) {
      TransportSet others = TransportSet::all();
      others.remove(*protocol_transport_);
      rule_.transports = others;
    }
  } else if (rule_.protocol.empty() || rule_.protocol == "0" ||
             equals_lower(rule_.protocol, "all")) {
    rule_.transports = module_transports_.empty() ? TransportSet::all() : module_transports_;
  } else {
    rule_.transports = rule_.protocol_negated ? TransportSet::all() : module_transports_;
  }
}

}  // namespace

SpecResult read_rule_spec(const ArgList& list, std::span<const Arg> spec, SpecContext& context,
                          Rule& rule) {
  return SpecReader(list, spec, context, rule).run();
}

}  // namespace fwlint::iptables
