#include "parsers/iptables/command.h"

#include <cctype>

#include "linter/diagnostics.h"
#include "parsers/iptables/lines.h"

namespace fwlint::iptables {

namespace {

bool is_number(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool chain_required(OptionKind kind) {
  return kind == OptionKind::kAppend || kind == OptionKind::kInsert ||
         kind == OptionKind::kDelete || kind == OptionKind::kReplace ||
         kind == OptionKind::kCheck || kind == OptionKind::kNewChain ||
         kind == OptionKind::kPolicy || kind == OptionKind::kRenameChain;
}

struct Lookup {
  std::optional<OptionInfo> info;
  size_t inline_offset = 0;  // an attached value: "-AINPUT", "--table=nat"
};

Lookup look_up(const Arg& arg) {
  Lookup lookup;
  if (!arg.option_like()) return lookup;
  if (arg.text.starts_with("--")) {
    std::string_view body = arg.text.substr(2);
    size_t equals = body.find('=');
    lookup.info = find_long_option(body.substr(0, equals));
    if (equals != std::string_view::npos) lookup.inline_offset = equals + 3;
    return lookup;
  }
  lookup.info = find_short_option(arg.text[1]);
  if (arg.text.size() > 2) {
    if (lookup.info && lookup.info->arity > 0) {
      lookup.inline_offset = 2;
    } else {
      lookup.info.reset();
    }
  }
  return lookup;
}

std::string_view written_part(const Arg& arg, size_t offset) {
  if (offset == 0) return arg.raw;
  if (arg.raw.size() == arg.text.size() && !arg.quoted) return arg.raw.substr(offset);
  return arg.raw;
}

}  // namespace

bool takes_rule(OptionKind kind) {
  return kind == OptionKind::kAppend || kind == OptionKind::kInsert;
}

void read_command(std::span<const Arg> args, const SourceFile& file, Command& command,
                  std::vector<Finding>& diagnostics) {
  std::vector<Arg> spec = std::move(command.spec);  // keeps its capacity from line to line
  spec.clear();
  command = Command();
  command.spec = std::move(spec);
  auto report = [&](std::string_view where, std::string message) {
    diagnostics.push_back(make_diagnostic(kInvalidSyntax, file.span(where), std::move(message)));
  };
  size_t i = 0;
  // The next argument when it is a value rather than an option.
  auto next_value = [&]() -> const Arg* {
    if (i < args.size() && !args[i].option_like() && !args[i].bang()) return &args[i++];
    return nullptr;
  };
  while (i < args.size()) {
    const Arg& arg = args[i++];
    Lookup lookup = look_up(arg);
    if (!lookup.info) {
      command.spec.push_back(arg);
      continue;
    }
    OptionKind kind = lookup.info->kind;
    if (kind == OptionKind::kTable) {
      command.table_option = &arg;
      if (lookup.inline_offset != 0) {
        command.table = arg.text.substr(lookup.inline_offset);
      } else if (const Arg* value = next_value()) {
        command.table = value->text;
      } else {
        report(arg.raw, concat(code(arg.text), " needs a table name"));
      }
      continue;
    }
    if (kind == OptionKind::kWait) {
      if (lookup.inline_offset == 0 && i < args.size() && is_number(args[i].text)) ++i;
      continue;
    }
    if (kind == OptionKind::kQuiet || kind == OptionKind::kCounters) {
      size_t values = lookup.info->arity - (lookup.inline_offset != 0 ? 1 : 0);
      for (size_t v = 0; v < values && next_value() != nullptr; ++v) {
      }
      continue;
    }
    if (!is_command(kind)) {
      command.spec.push_back(arg);
      continue;
    }
    if (command.command != nullptr) {
      report(arg.raw, code(arg.text) + " is a second command; iptables takes one per line");
      if (lookup.inline_offset == 0) next_value();  // its chain
      continue;
    }
    command.command = &arg;
    command.kind = kind;
    const Arg* chain = nullptr;
    if (lookup.inline_offset != 0) {
      chain = &arg;
      command.chain = arg.text.substr(lookup.inline_offset);
      command.chain_written = written_part(arg, lookup.inline_offset);
    } else if ((chain = next_value()) != nullptr) {
      command.chain = chain->unresolved.empty() ? chain->text : chain->raw;
      command.chain_written = chain->raw;
    }
    command.chain_arg = chain;
    if (chain == nullptr) {
      if (chain_required(kind)) report(arg.raw, code(arg.text) + " needs a chain name");
      continue;
    }
    switch (kind) {
      case OptionKind::kInsert:
      case OptionKind::kReplace:
        if (i < args.size() && is_number(args[i].text)) {
          command.position = args[i].text;
          command.position_written = args[i].raw;
          ++i;
        } else if (kind == OptionKind::kReplace) {
          report(arg.raw, code(arg.text) + " needs a rule number");
        }
        break;
      case OptionKind::kDelete:
        if (i + 1 == args.size() && is_number(args[i].text)) {
          command.position = args[i].text;
          command.position_written = args[i].raw;
          ++i;
        }
        break;
      case OptionKind::kPolicy:
        if ((command.policy = next_value()) == nullptr) {
          report(arg.raw, code(arg.text) + " needs a chain and a policy");
        }
        break;
      case OptionKind::kRenameChain:
        if (next_value() == nullptr) report(arg.raw, code(arg.text) + " needs the new chain name");
        break;
      default:
        break;
    }
  }
}

}  // namespace fwlint::iptables
