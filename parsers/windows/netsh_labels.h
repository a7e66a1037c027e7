// The labels and values `netsh advfirewall firewall show rule` prints, in every language fwlint
// knows, as data (netsh_labels.cpp): supporting a language is adding rows to the tables.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fwlint::windows {

enum class NetshField : uint8_t {
  kName,
  kDescription,
  kEnabled,
  kDirection,
  kProfiles,
  kGrouping,
  kLocalIp,
  kRemoteIp,
  kProtocol,
  kLocalPort,
  kRemotePort,
  kEdgeTraversal,
  kProgram,
  kService,
  kInterfaceTypes,
  kSecurity,
  kRuleSource,
  kAction,
  kUnknown,
};

enum class NetshWord : uint8_t { kYes, kNo, kIn, kOut, kAllow, kBlock, kBypass, kAny, kUnknown };

// Labels and values are compared folded — ASCII letters and digits only, lowercased — so that
// padding, French ` :`, and accents in any encoding (UTF-8, a code page, mojibake such as
// `Direcci├│n`) do not matter.
std::string fold(std::string_view text);

NetshField netsh_field(std::string_view label);
NetshWord netsh_word(std::string_view value);
// The line netsh prints after the last record ("Ok.", "Aceptar", "No rules match…").
bool is_netsh_trailer(std::string_view line);

}  // namespace fwlint::windows
