#include "linter/config.h"

#include <re2/re2.h>
#include <toml++/toml.h>

#include <fstream>
#include <sstream>

#include "linter/catalogue.h"
#include "linter/glob.h"

namespace fwlint {

namespace fs = std::filesystem;

const PortNote* CheckOptions::find(const std::vector<PortNote>& notes, uint16_t port,
                                   Transport transport) {
  for (const PortNote& note : notes) {
    if (note.ports.contains(port) && note.transports.contains(transport)) return &note;
  }
  return nullptr;
}

namespace {

// Reads one config document, collecting the location of every value for error messages.
class ConfigReader {
 public:
  explicit ConfigReader(std::string source_name) : source_(std::move(source_name)) {}

  Config read(const toml::table& root) {
    Config config;
    config.path = source_;
    for (auto&& [key, value] : root) {
      std::string_view name = key.str();
      if (name == "fail-on") {
        config.fail_on = string_in(value, {"error", "warning", "info", "never"}, key);
      } else if (name == "registry") {
        config.registry = string_of(value, key);
      } else if (name == "rules") {
        read_rules(table_of(value, key), config);
      } else if (name == "ports") {
        read_ports(table_of(value, key), config.options);
      } else if (name == "per-path") {
        read_per_path(value, key, config);
      } else {
        unknown_key(key, {"fail-on", "registry", "rules", "ports", "per-path"}, "");
      }
    }
    return config;
  }

 private:
  [[noreturn]] void fail(const toml::source_region& where, const std::string& message) const {
    throw ConfigError(source_ + ":" + std::to_string(where.begin.line) + ":" +
                      std::to_string(where.begin.column) + ": " + message);
  }

  [[noreturn]] void unknown_key(const toml::key& key, std::vector<std::string_view> valid,
                                std::string_view section) const {
    std::string_view best;
    size_t best_distance = SIZE_MAX;
    for (std::string_view candidate : valid) {
      size_t distance = edit_distance(key.str(), candidate);
      if (distance < best_distance) {
        best = candidate;
        best_distance = distance;
      }
    }
    std::string where = section.empty() ? "" : " in [" + std::string(section) + "]";
    fail(key.source(), "unknown key '" + std::string(key.str()) + "'" + where + "; did you mean '" +
                           std::string(best) + "'?");
  }

  const toml::table& table_of(const toml::node& node, const toml::key& key) const {
    if (const toml::table* table = node.as_table()) return *table;
    fail(node.source(), "'" + std::string(key.str()) + "' must be a table");
  }

  std::string string_of(const toml::node& node, const toml::key& key) const {
    if (const auto* value = node.as_string()) return value->get();
    fail(node.source(), "'" + std::string(key.str()) + "' must be a string");
  }

  std::string string_in(const toml::node& node, std::vector<std::string_view> allowed,
                        const toml::key& key) const {
    std::string value = string_of(node, key);
    for (std::string_view candidate : allowed) {
      if (candidate == value) return value;
    }
    std::string list;
    for (std::string_view candidate : allowed)
      list += (list.empty() ? "" : ", ") + std::string(candidate);
    fail(node.source(), "'" + std::string(key.str()) + "' must be one of " + list);
  }

  std::vector<std::string> strings_of(const toml::node& node, const toml::key& key) const {
    const toml::array* array = node.as_array();
    if (array == nullptr) fail(node.source(), "'" + std::string(key.str()) + "' must be an array");
    std::vector<std::string> values;
    for (const toml::node& element : *array) values.push_back(string_of(element, key));
    return values;
  }

  // A check id, name or id prefix; anything else is an error with the closest valid name.
  std::string check_selector(const toml::node& node, const toml::key& key) const {
    std::string value = string_of(node, key);
    for (const CheckInfo* info : all_check_infos()) {
      if (selector_matches(value, *info) || info->id == value) return value;
    }
    fail(node.source(), "unknown check '" + value + "'; did you mean '" +
                            std::string(closest_check_name(value)) + "'?");
  }

  std::vector<std::string> check_selectors(const toml::node& node, const toml::key& key) const {
    const toml::array* array = node.as_array();
    if (array == nullptr) fail(node.source(), "'" + std::string(key.str()) + "' must be an array");
    std::vector<std::string> values;
    for (const toml::node& element : *array) values.push_back(check_selector(element, key));
    return values;
  }

  const CheckInfo& check_named(const toml::key& key) const {
    if (const CheckInfo* info = find_check_info(key.str())) return *info;
    fail(key.source(), "unknown check '" + std::string(key.str()) + "'; did you mean '" +
                           std::string(closest_check_name(key.str())) + "'?");
  }

  void read_rules(const toml::table& rules, Config& config) const {
    for (auto&& [key, value] : rules) {
      std::string_view name = key.str();
      if (name == "select") {
        config.select = check_selectors(value, key);
      } else if (name == "ignore") {
        config.ignore = check_selectors(value, key);
      } else if (name == "severity") {
        for (auto&& [check, level] : table_of(value, key)) {
          const CheckInfo& info = check_named(check);
          config.severity[std::string(info.id)] =
              *parse_severity(string_in(level, {"error", "warning", "info"}, check));
        }
      } else if (const CheckInfo* info = find_check_info(name)) {
        read_check_options(*info, table_of(value, key), config.options);
      } else {
        std::vector<std::string_view> valid = {"select", "ignore", "severity"};
        for (const CheckInfo* info : all_check_infos()) valid.push_back(info->name);
        unknown_key(key, valid, "rules");
      }
    }
  }

  void read_check_options(const CheckInfo& check, const toml::table& options,
                          CheckOptions& out) const {
    for (auto&& [key, value] : options) {
      if (check.id == "FW2003" && key.str() == "max-range-width") {
        std::optional<int64_t> width = value.value<int64_t>();
        if (!width || *width < 1 || *width > 65536) {
          fail(value.source(), "'max-range-width' must be a whole number from 1 to 65536");
        }
        out.max_range_width = static_cast<uint32_t>(*width);
      } else {
        unknown_key(key,
                    check.id == "FW2003" ? std::vector<std::string_view>{"max-range-width"}
                                         : std::vector<std::string_view>{},
                    "rules." + std::string(check.name));
      }
    }
  }

  void read_ports(const toml::table& ports, CheckOptions& options) const {
    for (auto&& [key, value] : ports) {
      std::string_view name = key.str();
      std::vector<PortNote>* target = name == "removed"   ? &options.extra_removed
                                      : name == "retired" ? &options.extra_retired
                                      : name == "allowed" ? &options.allowed
                                                          : nullptr;
      if (target == nullptr) unknown_key(key, {"removed", "retired", "allowed"}, "ports");
      const toml::array* entries = value.as_array();
      if (entries == nullptr)
        fail(value.source(), "'" + std::string(name) + "' must be an array of tables");
      for (const toml::node& entry : *entries) target->push_back(port_note(entry));
    }
  }

  PortNote port_note(const toml::node& node) const {
    const toml::table* table = node.as_table();
    if (table == nullptr)
      fail(node.source(), "a port entry must be a table such as { port = 658, reason = \"…\" }");
    PortNote note;
    note.transports.add(Transport::kTcp);
    note.transports.add(Transport::kUdp);
    note.source = source_ + ":" + std::to_string(node.source().begin.line) + ":" +
                  std::to_string(node.source().begin.column);
    bool has_port = false;
    for (auto&& [key, value] : *table) {
      std::string_view name = key.str();
      if (name == "port") {
        std::optional<int64_t> port = value.value<int64_t>();
        if (!port || *port < 0 || *port > 65535) fail(value.source(), "'port' must be 0 to 65535");
        note.ports = {static_cast<uint16_t>(*port), static_cast<uint16_t>(*port)};
        has_port = true;
      } else if (name == "ports") {
        note.ports = port_range(value, key);
        has_port = true;
      } else if (name == "transports") {
        note.transports = {};
        for (const std::string& transport : strings_of(value, key)) {
          std::optional<Transport> parsed = parse_transport(transport);
          if (!parsed)
            fail(value.source(), "unknown transport '" + transport + "' (tcp, udp, sctp, dccp)");
          note.transports.add(*parsed);
        }
      } else if (name == "reason") {
        note.reason = string_of(value, key);
      } else {
        unknown_key(key, {"port", "ports", "transports", "reason"}, "ports");
      }
    }
    if (!has_port) fail(node.source(), "a port entry needs 'port' or 'ports'");
    if (note.reason.empty()) fail(node.source(), "a port entry needs a non-empty 'reason'");
    return note;
  }

  PortInterval port_range(const toml::node& node, const toml::key& key) const {
    std::string text = string_of(node, key);
    unsigned low = 0;
    unsigned high = 0;
    char dash = 0;
    std::istringstream in(text);
    in >> low >> dash >> high;
    if (!in || !in.eof() || dash != '-' || low > high || high > 65535) {
      fail(node.source(), "'ports' must be a range written \"low-high\", e.g. \"6000-6010\"");
    }
    return {static_cast<uint16_t>(low), static_cast<uint16_t>(high)};
  }

  void read_per_path(const toml::node& node, const toml::key& key, Config& config) const {
    const toml::array* entries = node.as_array();
    if (entries == nullptr)
      fail(node.source(), "'per-path' must be an array of tables ([[per-path]])");
    for (const toml::node& entry : *entries) {
      PerPathIgnore rule;
      for (auto&& [field, value] : table_of(entry, key)) {
        if (field.str() == "paths") {
          rule.globs = strings_of(value, field);
          for (const std::string& glob : rule.globs) {
            std::string error;
            auto pattern = compile_glob(glob, error);
            if (!pattern) fail(value.source(), "bad glob '" + glob + "': " + error);
            rule.patterns.push_back(std::move(pattern));
          }
        } else if (field.str() == "ignore") {
          rule.ignore = check_selectors(value, field);
        } else {
          unknown_key(field, {"paths", "ignore"}, "per-path");
        }
      }
      if (rule.globs.empty()) fail(entry.source(), "a [[per-path]] entry needs 'paths'");
      config.per_path.push_back(std::move(rule));
    }
  }

  std::string source_;
};

bool selected_by(const std::vector<std::string>& selectors, const CheckInfo& check) {
  for (const std::string& selector : selectors) {
    if (selector == check.id || selector_matches(selector, check)) return true;
  }
  return false;
}

}  // namespace

bool Config::reports(const CheckInfo& check, const std::string& input_path) const {
  if (!select.empty() && !selected_by(select, check)) return false;
  if (selected_by(ignore, check)) return false;
  std::string relative = input_path;
  if (!path.empty()) {
    std::error_code error;
    fs::path base = fs::path(path).parent_path();
    fs::path proximate = fs::proximate(input_path, base.empty() ? fs::path(".") : base, error);
    if (!error) relative = proximate.generic_string();
  }
  for (const PerPathIgnore& rule : per_path) {
    if (!selected_by(rule.ignore, check)) continue;
    for (const auto& pattern : rule.patterns) {
      if (RE2::FullMatch(relative, *pattern)) return false;
    }
  }
  return true;
}

Severity Config::severity_of(const CheckInfo& check, Severity found) const {
  auto it = severity.find(std::string(check.id));
  if (it == severity.end()) return found;
  // An override replaces the default; the info downgrade of deny rules is kept.
  return found < check.severity ? std::min(found, it->second) : it->second;
}

Config parse_config(std::string_view text, const std::string& source_name) {
  toml::table root;
  try {
    root = toml::parse(text, source_name);
  } catch (const toml::parse_error& error) {
    throw ConfigError(source_name + ":" + std::to_string(error.source().begin.line) + ":" +
                      std::to_string(error.source().begin.column) + ": " +
                      std::string(error.description()));
  }
  return ConfigReader(source_name).read(root);
}

Config load_config(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file.string() + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), file.string());
}

std::optional<fs::path> find_config(const fs::path& input) {
  std::error_code error;
  fs::path directory = fs::absolute(input, error).parent_path();
  if (error) return std::nullopt;
  for (;;) {
    fs::path candidate = directory / ".fwlint.toml";
    if (fs::is_regular_file(candidate, error)) return candidate;
    if (!directory.has_parent_path() || directory.parent_path() == directory) return std::nullopt;
    directory = directory.parent_path();
  }
}

}  // namespace fwlint
