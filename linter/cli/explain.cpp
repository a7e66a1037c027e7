#include <charconv>
#include <nlohmann/json.hpp>

#include "linter/catalogue.h"
#include "linter/cli/commands.h"

namespace fwlint {

namespace {

void explain_check(const CheckInfo& info, std::ostream& out) {
  out << info.id << ' ' << info.name << " (default severity: " << severity_name(info.severity)
      << ")\n"
      << info.summary << ".\n\n"
      << info.doc << "\n\nSuggestion: " << info.suggestion << ".\n";
  if (!info.examples.empty()) out << "\nExamples:\n";
  for (const Example& example : info.examples) {
    out << "  " << (example.expect == Expect::kFinding ? "reported: " : "clean:    ")
        << example.text << '\n';
  }
}

void explain_port_transport(uint16_t port, Transport transport, std::ostream& out) {
  const Registry& registry = Registry::builtin();
  PortInfo info = registry.lookup(port, transport);
  out << port << '/' << transport_name(transport) << ": " << port_status_name(info.status);
  if (!info.service_names.empty()) {
    out << " to";
    for (std::string_view name : info.service_names) out << ' ' << name;
  }
  if (!info.description.empty()) out << " (\"" << info.description << "\")";
  out << " — IANA registry " << registry.date() << '\n';
  if (const Removal* removal = info.removal) {
    out << "  removal: " << removal->kind << ", " << removal->removed_on;
    if (!removal->former_name.empty()) out << ", formerly " << removal->former_name;
    out << "\n  IANA's wording: " << removal->iana_wording << "\n  evidence: " << removal->evidence
        << '\n';
  } else if (info.status == PortStatus::kAssigned || info.status == PortStatus::kReserved) {
    out << "  IANA has not removed this assignment.\n";
  }
  if (const RetiredService* retired = RetiredServices::builtin().find(port, transport)) {
    out << "  fwlint's retired-services list: " << retired->product << "; " << retired->retired
        << "\n  " << retired->summary << '\n';
    for (const std::string& evidence : retired->evidence) out << "  evidence: " << evidence << '\n';
  }
}

bool explain_port(std::string_view subject, std::ostream& out) {
  std::string_view number = subject.substr(0, subject.find('/'));
  unsigned value = 0;
  auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error != std::errc() || end != number.data() + number.size() || value > 65535) return false;
  std::optional<Transport> only;
  if (number.size() < subject.size()) {
    only = parse_transport(subject.substr(number.size() + 1));
    if (!only) return false;
  }
  for (Transport transport : kAllTransports) {
    if (only && *only != transport) continue;
    if (!only && (transport == Transport::kSctp || transport == Transport::kDccp)) continue;
    explain_port_transport(static_cast<uint16_t>(value), transport, out);
  }
  return true;
}

}  // namespace

ExitCode run_explain(const std::string& subject, std::ostream& out, std::ostream& err) {
  if (const CheckInfo* info = find_check_info(subject)) {
    explain_check(*info, out);
    return ExitCode::kClean;
  }
  if (explain_port(subject, out)) return ExitCode::kClean;
  err << "fwlint: no check, diagnostic or port named '" << subject
      << "'; `fwlint rules` lists the checks, and a port is written 659 or 659/udp\n";
  return ExitCode::kUsage;
}

ExitCode run_rules(const std::string& format, std::ostream& out) {
  std::vector<const CheckInfo*> infos = all_check_infos();
  if (format == "json") {
    nlohmann::json catalogue = nlohmann::json::array();
    for (const CheckInfo* info : infos) {
      catalogue.push_back({{"id", info->id},
                           {"name", info->name},
                           {"severity", severity_name(info->severity)},
                           {"summary", info->summary},
                           {"suggestion", info->suggestion},
                           {"doc", info->doc}});
    }
    out << catalogue.dump(2) << '\n';
    return ExitCode::kClean;
  }
  for (const CheckInfo* info : infos) {
    out << info->id << "  " << info->name
        << std::string(30 - std::min<size_t>(29, info->name.size()), ' ')
        << severity_name(info->severity)
        << std::string(9 - severity_name(info->severity).size(), ' ') << info->summary << '\n';
  }
  return ExitCode::kClean;
}

}  // namespace fwlint
