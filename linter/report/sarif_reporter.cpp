#include <array>
#include <map>
#include <nlohmann/json.hpp>

#include "linter/report/report_support.h"
#include "linter/report/reporters.h"

namespace fwlint {

using json = nlohmann::ordered_json;

namespace {

constexpr std::string_view kSourceRoot = "%SRCROOT%";

// A URI reference for a display path; file:// when absolute, so that only relative paths are
// resolved against %SRCROOT%.
json artifact_location(std::string_view display_path) {
  std::string path = portable_path(display_path);
  if (!is_absolute_path(path)) {
    return {{"uri", percent_encode_path(path)}, {"uriBaseId", kSourceRoot}};
  }
  std::string uri;
  if (path.starts_with("//")) {
    uri = "file:" + percent_encode_path(path);
  } else if (path.starts_with('/')) {
    uri = "file://" + percent_encode_path(path);
  } else {  // a drive letter keeps its colon
    uri = "file:///" + path.substr(0, 2) + percent_encode_path(path.substr(2));
  }
  return {{"uri", uri}};
}

// Every file the report names, once per path (an input named twice is one artifact), indexed in
// the order SARIF's artifacts array lists them.
class Artifacts {
 public:
  Artifacts(const LintReport& report, const SourceManager& sources) : sources_(sources) {
    for (const InputOutcome& input : report.inputs) index_of(input.path, true);
  }

  json location(uint32_t file) {
    const std::string& path = sources_.file(file).path();
    json location = artifact_location(path);
    location["index"] = index_of(path, false);
    return location;
  }

  json to_json() const {
    json artifacts = json::array();
    for (const auto& [path, input] : paths_) {
      json artifact = {{"location", artifact_location(path)}};
      if (input) artifact["roles"] = json::array({"analysisTarget"});
      artifacts.push_back(std::move(artifact));
    }
    return artifacts;
  }

 private:
  size_t index_of(const std::string& path, bool input) {
    auto [it, inserted] = index_.try_emplace(path, paths_.size());
    if (inserted) paths_.push_back({path, input});
    return it->second;
  }

  const SourceManager& sources_;
  std::map<std::string, size_t> index_;
  std::vector<std::pair<std::string, bool>> paths_;
};

json region(const SourceFile& file, const SourceSpan& span) {
  json region = {{"startLine", span.line},
                 {"startColumn", utf16_column(file, span.line, span.column)}};
  if (span.end_line >= span.line && span.end_column >= 1) {
    region["endLine"] = span.end_line;
    region["endColumn"] = utf16_column(file, span.end_line, span.end_column);
  }
  return region;
}

json physical_location(const SourceManager& sources, Artifacts& artifacts, const SourceSpan& span) {
  json physical = {{"artifactLocation", artifacts.location(span.file)}};
  if (span.valid()) physical["region"] = region(sources.file(span.file), span);
  return physical;
}

// The doc's first section ("What it does") as one paragraph of plain text.
std::string first_section(std::string_view doc) {
  if (doc.starts_with("## ")) {
    size_t end_of_heading = doc.find('\n');
    doc = end_of_heading == std::string_view::npos ? "" : doc.substr(end_of_heading + 1);
  }
  doc = doc.substr(0, doc.find("\n## "));
  std::string text;
  for (char c : doc) {
    bool space = c == '\n' || c == ' ';
    if (space && (text.empty() || text.back() == ' ')) continue;
    text += space ? ' ' : c;
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

json rule_to_json(const CheckInfo& info) {
  std::string full = first_section(info.doc);
  json rule = {{"id", info.id},
               {"name", info.name},
               {"shortDescription", {{"text", info.summary}}},
               {"fullDescription", {{"text", full.empty() ? std::string(info.summary) : full}}},
               {"defaultConfiguration", {{"level", compiler_level(info.severity)}}}};
  if (!info.doc.empty()) rule["help"] = {{"text", info.doc}, {"markdown", info.doc}};
  return rule;
}

// The rules array and each check id's index in it; an id outside the catalogue gets a bare rule.
class Rules {
 public:
  Rules() {
    for (const CheckInfo* info : check_catalogue()) {
      index_.emplace(info->id, rules_.size());
      rules_.push_back(rule_to_json(*info));
    }
  }

  size_t index_of(const Finding& finding) {
    auto [it, inserted] = index_.try_emplace(finding.check_id, rules_.size());
    if (inserted) rules_.push_back({{"id", finding.check_id}, {"name", finding.check_name}});
    return it->second;
  }

  const json& to_json() const { return rules_; }

 private:
  std::map<std::string_view, size_t> index_;
  json rules_ = json::array();
};

json fix_to_json(const Finding& finding, const SourceManager& sources, Artifacts& artifacts) {
  std::map<uint32_t, json> replacements;  // per file, so that each file is one artifactChange
  std::vector<uint32_t> files;
  for (const TextEdit& edit : finding.edits) {
    auto [it, inserted] = replacements.try_emplace(edit.span.file, json::array());
    if (inserted) files.push_back(edit.span.file);
    it->second.push_back({{"deletedRegion", region(sources.file(edit.span.file), edit.span)},
                          {"insertedContent", {{"text", edit.replacement}}}});
  }
  json changes = json::array();
  for (uint32_t file : files) {
    changes.push_back(
        {{"artifactLocation", artifacts.location(file)}, {"replacements", replacements[file]}});
  }
  json fix = {{"artifactChanges", std::move(changes)}};
  if (!finding.suggestion.empty()) fix["description"] = {{"text", finding.suggestion}};
  return fix;
}

json result_to_json(const Finding& finding, const SourceManager& sources, Artifacts& artifacts,
                    Rules& rules) {
  std::string text = finding.message;
  if (!finding.suggestion.empty()) text += "\nSuggestion: " + finding.suggestion;
  json location = {{"physicalLocation", physical_location(sources, artifacts, finding.span)}};
  json result = {{"ruleId", finding.check_id},
                 {"ruleIndex", rules.index_of(finding)},
                 {"level", compiler_level(finding.severity)},
                 {"message", {{"text", std::move(text)}}},
                 {"locations", json::array({std::move(location)})}};
  if (!finding.related.empty()) {
    json related = json::array();
    for (const RelatedLocation& location : finding.related) {
      related.push_back({{"id", related.size() + 1},
                         {"physicalLocation", physical_location(sources, artifacts, location.span)},
                         {"message", {{"text", location.message}}}});
    }
    result["relatedLocations"] = std::move(related);
  }
  if (!finding.fingerprint.empty()) {
    result["partialFingerprints"] = {{"fwlint/v1", finding.fingerprint}};
  }
  if (!finding.edits.empty())
    result["fixes"] = json::array({fix_to_json(finding, sources, artifacts)});
  return result;
}

json result_limit_notification(const std::vector<const Finding*>& ordered) {
  std::array<size_t, 3> cut{};
  for (size_t i = kSarifMaxResults; i < ordered.size(); ++i) {
    ++cut[static_cast<size_t>(ordered[i]->severity)];
  }
  std::string text = "fwlint found " + std::to_string(ordered.size()) +
                     " findings; SARIF consumers such as GitHub code scanning accept at most " +
                     std::to_string(kSarifMaxResults) + " results per run, so the " +
                     std::to_string(ordered.size() - kSarifMaxResults) +
                     " least severe were left out (";
  for (Severity severity : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    text += std::to_string(cut[static_cast<size_t>(severity)]) + " " +
            std::string(compiler_level(severity)) + (severity == Severity::kInfo ? "" : ", ");
  }
  text += "). Run fwlint with --format json or text for all of them.";
  return {{"level", "warning"},
          {"descriptor", {{"id", "result-limit"}}},
          {"message", {{"text", std::move(text)}}}};
}

}  // namespace

void write_sarif_report(std::ostream& out, const LintReport& report, const SourceManager& sources) {
  Artifacts artifacts(report, sources);
  Rules rules;
  std::vector<const Finding*> ordered = worst_first(report);
  json results = json::array();
  for (size_t i = 0; i < ordered.size() && i < kSarifMaxResults; ++i) {
    results.push_back(result_to_json(*ordered[i], sources, artifacts, rules));
  }
  json invocation = {{"executionSuccessful", true}};
  if (ordered.size() > kSarifMaxResults) {
    invocation["toolExecutionNotifications"] = json::array({result_limit_notification(ordered)});
  }
  json driver = {{"name", "fwlint"},
                 {"version", FWLINT_VERSION},
                 {"semanticVersion", FWLINT_VERSION},
                 {"rules", rules.to_json()}};
  json run = {{"tool", {{"driver", std::move(driver)}}},
              {"invocations", json::array({std::move(invocation)})},
              {"columnKind", "utf16CodeUnits"},
              {"artifacts", artifacts.to_json()},
              {"results", std::move(results)}};
  json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({std::move(run)})}};
  // Input that is not valid UTF-8 reaches messages as written; JSON needs it replaced.
  out << log.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace fwlint
