#include "parsers/iptables/iptables_parser.h"
#include "parsers/nftables/nftables_parser.h"
#include "parsers/parser.h"
#include "parsers/pf/pf_parser.h"
#include "parsers/windows/windows_parsers.h"

namespace fwlint {

namespace {
// One line per format; keep sorted by name.
const FrontEnd kFrontEnds[] = {
    {Format::kIptablesSave, "iptables-save", &sniff_iptables_save, &parse_iptables_save},
    {Format::kIptablesScript, "iptables-script", &sniff_iptables_script, &parse_iptables_script},
    {Format::kNftables, "nftables", &sniff_nftables, &parse_nftables},
    {Format::kNftablesJson, "nftables-json", &sniff_nftables_json, &parse_nftables_json},
    {Format::kPf, "pf", &sniff_pf, &parse_pf},
    {Format::kWindowsNetsh, "windows-netsh", &sniff_windows_netsh, &parse_windows_netsh},
    {Format::kWindowsPowershellCsv, "windows-powershell-csv", &sniff_windows_powershell_csv,
     &parse_windows_powershell_csv},
    {Format::kWindowsPowershellJson, "windows-powershell-json", &sniff_windows_powershell_json,
     &parse_windows_powershell_json},
    {Format::kWindowsReg, "windows-reg", &sniff_windows_reg, &parse_windows_reg},
};
}  // namespace

std::span<const FrontEnd> front_ends() {
  return kFrontEnds;
}

const FrontEnd* front_end_named(std::string_view name) {
  for (const FrontEnd& front_end : kFrontEnds) {
    if (front_end.name == name) return &front_end;
  }
  return nullptr;
}

const FrontEnd* detect_front_end(std::string_view content, std::string_view path) {
  const FrontEnd* best = nullptr;
  int best_score = 0;
  for (const FrontEnd& front_end : kFrontEnds) {
    int score = front_end.sniff(content, path);
    if (score > best_score) {
      best = &front_end;
      best_score = score;
    }
  }
  return best;
}

}  // namespace fwlint
