#include "linter/catalogue.h"

#include <algorithm>
#include <numeric>

#include "linter/diagnostics.h"

namespace fwlint {

std::vector<const CheckInfo*> all_check_infos() {
  std::vector<const CheckInfo*> infos(all_input_diagnostics().begin(),
                                      all_input_diagnostics().end());
  for (const CheckDef* check : all_checks()) infos.push_back(&check->info);
  return infos;
}

const CheckInfo* find_check_info(std::string_view id_or_name) {
  for (const CheckInfo* info : all_check_infos()) {
    if (info->id == id_or_name || info->name == id_or_name) return info;
  }
  return nullptr;
}

bool selector_matches(std::string_view selector, const CheckInfo& check) {
  return check.name == selector || (selector.starts_with("FW") && check.id.starts_with(selector));
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string_view closest_check_name(std::string_view misspelt) {
  std::string_view best;
  size_t best_distance = SIZE_MAX;
  for (const CheckInfo* info : all_check_infos()) {
    for (std::string_view candidate : {info->id, info->name}) {
      size_t distance = edit_distance(misspelt, candidate);
      if (distance < best_distance) {
        best = candidate;
        best_distance = distance;
      }
    }
  }
  return best;
}

}  // namespace fwlint
