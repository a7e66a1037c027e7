// A registry read at run time from a newer IANA XML file (`registry = "…"` in .fwlint.toml),
// with the removal facts compiled into fwlint. Same derivation as the built-in data.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "linter/registry.h"
#include "linter/registry_data.h"
#include "linter/registry_xml.h"

namespace fwlint {

class LoadedRegistry {
 public:
  // Throws ConfigError naming the file (and line:column for malformed XML).
  static std::unique_ptr<LoadedRegistry> load(const std::filesystem::path& xml_file);

  const Registry& registry() const { return registry_; }
  // Removals the newer registry contradicts (IANA gave the port to a service again).
  const std::vector<std::string>& warnings() const { return tables_.warnings; }

 private:
  explicit LoadedRegistry(RegistryTables tables);

  RegistryTables tables_;
  std::vector<std::string_view> descriptions_;
  std::vector<std::string_view> service_names_;
  std::vector<Removal> removals_;
  std::vector<RegistryEntry> entries_;
  std::vector<ServiceIndexEntry> service_index_;
  Registry::Data data_;
  Registry registry_{&data_};
};

}  // namespace fwlint
