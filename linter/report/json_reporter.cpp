#include <nlohmann/json.hpp>

#include "linter/report/model_json.h"
#include "linter/report/reporters.h"

namespace fwlint {

using nlohmann::json;

namespace {

json located(const SourceManager& sources, const SourceSpan& span) {
  return {{"path", sources.file(span.file).path()}, {"span", span_to_json(span)}};
}

json finding_to_json(const Finding& finding, const SourceManager& sources) {
  json related = json::array();
  for (const RelatedLocation& location : finding.related) {
    json entry = located(sources, location.span);
    entry["message"] = location.message;
    related.push_back(std::move(entry));
  }
  json edits = json::array();
  for (const TextEdit& edit : finding.edits) {
    json entry = located(sources, edit.span);
    entry["replacement"] = edit.replacement;
    edits.push_back(std::move(entry));
  }
  json result = located(sources, finding.span);
  result["id"] = finding.check_id;
  result["name"] = finding.check_name;
  result["severity"] = severity_name(finding.severity);
  result["message"] = finding.message;
  result["suggestion"] = finding.suggestion;
  result["related"] = std::move(related);
  result["edits"] = std::move(edits);
  return result;
}

}  // namespace

void write_json_report(std::ostream& out, const LintReport& report, const SourceManager& sources) {
  json inputs = json::array();
  for (const InputOutcome& input : report.inputs) {
    inputs.push_back({{"path", input.path},
                      {"format", input.front_end ? json(input.front_end->name) : json(nullptr)},
                      {"rules", input.rule_count},
                      {"processed", input.processed}});
  }
  json findings = json::array();
  json summary = {{"error", 0}, {"warning", 0}, {"info", 0}};
  for (const Finding& finding : report.findings) {
    findings.push_back(finding_to_json(finding, sources));
    summary[std::string(severity_name(finding.severity))] =
        summary[std::string(severity_name(finding.severity))].get<int>() + 1;
  }
  json document = {{"schema", "fwlint-findings/1"},
                   {"fwlint_version", FWLINT_VERSION},
                   {"registry_date", Registry::builtin().date()},
                   {"inputs", std::move(inputs)},
                   {"findings", std::move(findings)},
                   {"summary", std::move(summary)}};
  // Messages quote the input, which may not be valid UTF-8: replace such bytes, never throw.
  out << document.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace fwlint
