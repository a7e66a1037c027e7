// The registry compiled into fwlint. Kept apart from registry.cpp so that only this file
// rebuilds when the generated data changes.
#include "linter/registry_data.h"

#include "rules/data/iana_registry.inc"

namespace fwlint {

const Registry& Registry::builtin() {
  static const Registry registry(&iana_registry::kData);
  return registry;
}

}  // namespace fwlint
