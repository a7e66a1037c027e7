#include "parsers/windows/netsh_labels.h"

#include <unordered_map>
#include <unordered_set>

namespace fwlint::windows {

namespace {

struct Label {
  std::string_view text;
  NetshField field;
};

// English from the corpus and netsh's verbose output; German, French and Spanish as listed in
// ../shared/formats/windows-firewall.md ("Localized labels"). Some builds leave a label
// untranslated, so the English spelling is also valid in every language.
constexpr Label kLabels[] = {
    // English
    {"Rule Name", NetshField::kName},
    {"Description", NetshField::kDescription},
    {"Enabled", NetshField::kEnabled},
    {"Direction", NetshField::kDirection},
    {"Profiles", NetshField::kProfiles},
    {"Grouping", NetshField::kGrouping},
    {"LocalIP", NetshField::kLocalIp},
    {"RemoteIP", NetshField::kRemoteIp},
    {"Protocol", NetshField::kProtocol},
    {"LocalPort", NetshField::kLocalPort},
    {"RemotePort", NetshField::kRemotePort},
    {"Edge traversal", NetshField::kEdgeTraversal},
    {"Program", NetshField::kProgram},
    {"Service", NetshField::kService},
    {"InterfaceTypes", NetshField::kInterfaceTypes},
    {"Security", NetshField::kSecurity},
    {"Rule source", NetshField::kRuleSource},
    {"Action", NetshField::kAction},
    // German
    {"Regelname", NetshField::kName},
    {"Beschreibung", NetshField::kDescription},
    {"Aktiviert", NetshField::kEnabled},
    {"Richtung", NetshField::kDirection},
    {"Profile", NetshField::kProfiles},
    {"Gruppierung", NetshField::kGrouping},
    {"LokaleIP", NetshField::kLocalIp},
    {"Lokales IP", NetshField::kLocalIp},
    {"Remote-IP", NetshField::kRemoteIp},
    {"Protokoll", NetshField::kProtocol},
    {"Lokaler Port", NetshField::kLocalPort},
    {"Remoteport", NetshField::kRemotePort},
    {"Edgeausnahme", NetshField::kEdgeTraversal},
    {"Programm", NetshField::kProgram},
    {"Dienst", NetshField::kService},
    {"Aktion", NetshField::kAction},
    // French
    {"Nom de la règle", NetshField::kName},
    {"Activé", NetshField::kEnabled},
    {"Sens", NetshField::kDirection},
    {"Profils", NetshField::kProfiles},
    {"Groupement", NetshField::kGrouping},
    {"IP locale", NetshField::kLocalIp},
    {"IP distante", NetshField::kRemoteIp},
    {"Protocole", NetshField::kProtocol},
    // Spanish
    {"Nombre de regla", NetshField::kName},
    {"Habilitada", NetshField::kEnabled},
    {"Dirección", NetshField::kDirection},
    {"Perfiles", NetshField::kProfiles},
    {"Agrupamiento", NetshField::kGrouping},
    {"Protocolo", NetshField::kProtocol},
    {"Cruce seguro del perímetro", NetshField::kEdgeTraversal},
    {"Acción", NetshField::kAction},
};

struct Word {
  std::string_view text;
  NetshWord word;
};

// Values in the same four languages. The outbound words other than English "Out" and German
// "Aus" are the counterparts of the documented inbound ones ("Eingehend", "Entrée", "Dentro").
constexpr Word kWords[] = {
    {"Yes", NetshWord::kYes},         {"Ja", NetshWord::kYes},
    {"Oui", NetshWord::kYes},         {"Sí", NetshWord::kYes},
    {"No", NetshWord::kNo},           {"Nein", NetshWord::kNo},
    {"Non", NetshWord::kNo},          {"In", NetshWord::kIn},
    {"Eingehend", NetshWord::kIn},    {"Entrée", NetshWord::kIn},
    {"Dentro", NetshWord::kIn},       {"Out", NetshWord::kOut},
    {"Aus", NetshWord::kOut},         {"Ausgehend", NetshWord::kOut},
    {"Sortie", NetshWord::kOut},      {"Fuera", NetshWord::kOut},
    {"Allow", NetshWord::kAllow},     {"Zulassen", NetshWord::kAllow},
    {"Autoriser", NetshWord::kAllow}, {"Permitir", NetshWord::kAllow},
    {"Block", NetshWord::kBlock},     {"Blockieren", NetshWord::kBlock},
    {"Bloquer", NetshWord::kBlock},   {"Bloquear", NetshWord::kBlock},
    {"Bypass", NetshWord::kBypass},   {"Any", NetshWord::kAny},
    {"Beliebig", NetshWord::kAny},    {"Tout", NetshWord::kAny},
    {"Cualquiera", NetshWord::kAny},
};

constexpr std::string_view kTrailers[] = {
    "Ok.",
    "Aceptar",
    "No rules match the specified criteria.",
};

template <typename Row, typename Value, size_t N>
std::unordered_map<std::string, Value> folded_table(const Row (&rows)[N], Value Row::*value) {
  std::unordered_map<std::string, Value> table;
  for (const Row& row : rows) table.try_emplace(fold(row.text), row.*value);
  return table;
}

}  // namespace

std::string fold(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') {
      folded.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      folded.push_back(c);
    }
  }
  return folded;
}

NetshField netsh_field(std::string_view label) {
  static const auto kTable = folded_table(kLabels, &Label::field);
  auto it = kTable.find(fold(label));
  return it == kTable.end() ? NetshField::kUnknown : it->second;
}

NetshWord netsh_word(std::string_view value) {
  static const auto kTable = folded_table(kWords, &Word::word);
  auto it = kTable.find(fold(value));
  return it == kTable.end() ? NetshWord::kUnknown : it->second;
}

bool is_netsh_trailer(std::string_view line) {
  static const auto kTable = [] {
    std::unordered_set<std::string> table;
    for (std::string_view trailer : kTrailers) table.insert(fold(trailer));
    return table;
  }();
  return kTable.contains(fold(line));
}

}  // namespace fwlint::windows
