#include "linter/baseline.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "linter/registry.h"

namespace fwlint {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view kSchema = "fwlint-baseline/1";

std::string relative_to(const fs::path& directory, const std::string& path) {
  std::error_code error;
  fs::path relative = fs::proximate(path, directory.empty() ? fs::path(".") : directory, error);
  return error ? path : relative.generic_string();
}

}  // namespace

Baseline Baseline::load(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file.string() + ": the baseline cannot be read");
  Baseline baseline;
  baseline.directory_ = file.parent_path();
  try {
    json document = json::parse(in);
    if (document.value("schema", "") != kSchema) {
      throw ConfigError(file.string() + ": not a fwlint baseline (schema " + std::string(kSchema) +
                        ")");
    }
    for (const json& entry : document.at("findings")) {
      ++baseline.accepted_[{entry.at("path").get<std::string>(),
                            entry.at("fingerprint").get<std::string>()}];
    }
  } catch (const json::exception& error) {
    throw ConfigError(file.string() + ": the baseline is malformed: " + error.what());
  }
  return baseline;
}

void Baseline::write(const fs::path& file, const LintReport& report, const SourceManager& sources) {
  json findings = json::array();
  for (const Finding& finding : report.findings) {
    findings.push_back(
        {{"path", relative_to(file.parent_path(), sources.file(finding.span.file).path())},
         {"fingerprint", finding.fingerprint},
         {"id", finding.check_id},
         {"message", finding.message}});
  }
  json document = {{"schema", kSchema}, {"findings", std::move(findings)}};
  fs::path temporary = file;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << document.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
    if (!out) throw ConfigError(file.string() + ": the baseline cannot be written");
  }
  std::error_code error;
  fs::rename(temporary, file, error);
  if (error)
    throw ConfigError(file.string() + ": the baseline cannot be written: " + error.message());
}

size_t Baseline::filter(std::vector<Finding>& findings, const SourceManager& sources) const {
  std::map<std::pair<std::string, std::string>, size_t> remaining = accepted_;
  size_t removed = 0;
  std::erase_if(findings, [&](const Finding& finding) {
    auto it = remaining.find(
        {relative_to(directory_, sources.file(finding.span.file).path()), finding.fingerprint});
    if (it == remaining.end() || it->second == 0) return false;
    --it->second;
    ++removed;
    return true;
  });
  return removed;
}

}  // namespace fwlint
