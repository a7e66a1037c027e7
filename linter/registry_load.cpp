#include "linter/registry_load.h"

#include <fstream>
#include <sstream>

namespace fwlint {

namespace {

std::vector<RemovalRow> builtin_removal_rows() {
  std::vector<RemovalRow> rows;
  for (const Removal& removal : Registry::builtin().removals()) {
    rows.push_back({removal.ports, removal.transport, std::string(removal.former_name),
                    std::string(removal.removed_on), std::string(removal.kind),
                    std::string(removal.iana_wording), std::string(removal.evidence)});
  }
  return rows;
}

}  // namespace

std::unique_ptr<LoadedRegistry> LoadedRegistry::load(const std::filesystem::path& xml_file) {
  std::ifstream in(xml_file, std::ios::binary);
  if (!in) throw ConfigError(xml_file.string() + ": the registry file cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  RegistryTables tables = build_registry_tables(text.str(), xml_file.string(),
                                                builtin_removal_rows(), "fwlint's removal facts");
  return std::unique_ptr<LoadedRegistry>(new LoadedRegistry(std::move(tables)));
}

LoadedRegistry::LoadedRegistry(RegistryTables tables) : tables_(std::move(tables)) {
  for (const RemovalRow& row : tables_.removals) {
    removals_.push_back({row.ports, row.transport, row.former_name, row.removed_on, row.kind,
                         row.iana_wording, row.evidence});
  }
  for (const RegistryRun& run : tables_.runs) {
    auto names = static_cast<uint32_t>(service_names_.size());
    for (const std::string& name : run.service_names) service_names_.push_back(name);
    entries_.push_back({run.ports.low, run.ports.high, run.transport, run.status,
                        static_cast<uint16_t>(run.service_names.size()), names,
                        static_cast<uint32_t>(descriptions_.size()), run.removal});
    descriptions_.push_back(run.description);
  }
  for (const ServiceNameEntry& entry : tables_.services) {
    service_index_.push_back(
        {static_cast<uint32_t>(service_names_.size()), entry.transport, entry.port});
    service_names_.push_back(entry.name);
  }
  data_ = {tables_.date, descriptions_, service_names_, removals_, entries_, service_index_};
}

}  // namespace fwlint
