#include <algorithm>
#include <map>
#include <pugixml.hpp>

#include "linter/report/report_support.h"
#include "linter/report/reporters.h"

namespace fwlint {

namespace {

// The code point of the UTF-8 sequence at the start of `text` and its length, or length 0 when the
// bytes are not a well-formed, shortest-form sequence.
std::pair<char32_t, size_t> decode_utf8(std::string_view text) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  size_t length = byte(0) < 0x80                      ? 1
                  : byte(0) >= 0xC2 && byte(0) < 0xE0 ? 2
                  : byte(0) >= 0xE0 && byte(0) < 0xF0 ? 3
                  : byte(0) >= 0xF0 && byte(0) < 0xF5 ? 4
                                                      : 0;
  if (length == 0 || length > text.size()) return {0, 0};
  char32_t code = length == 1 ? byte(0) : byte(0) & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return {0, 0};
    code = (code << 6) | (byte(i) & 0x3F);
  }
  constexpr char32_t kShortest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < kShortest[length] || code > 0x10FFFF) return {0, 0};
  return {code, length};
}

// XML 1.0 can carry neither malformed UTF-8 nor most control characters, not even as references:
// both become U+FFFD so that the report always parses.
std::string xml_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    auto [code, length] = decode_utf8(text);
    bool allowed = code == '\t' || code == '\n' || code == '\r' ||
                   (code >= 0x20 && code < 0xD800) || (code >= 0xE000 && code <= 0xFFFD) ||
                   code >= 0x10000;
    if (length == 0 || !allowed) {
      out += "\xEF\xBF\xBD";
      text.remove_prefix(std::max<size_t>(length, 1));
      continue;
    }
    out.append(text.substr(0, length));
    text.remove_prefix(length);
  }
  return out;
}

void set(pugi::xml_node node, const char* name, std::string_view value) {
  node.append_attribute(name).set_value(xml_text(value).c_str());
}

void set(pugi::xml_node node, const char* name, size_t value) {
  node.append_attribute(name).set_value(std::to_string(value).c_str());
}

struct Suite {
  std::string path;
  std::map<std::string_view, std::vector<const Finding*>> findings_by_check;
};

// A suite per input, in input order, then one per other file that findings point into.
std::vector<Suite> suites_by_file(const LintReport& report, const SourceManager& sources) {
  std::vector<Suite> suites;
  std::map<std::string, size_t> index;
  auto suite_for = [&](const std::string& path) -> Suite& {
    auto [it, inserted] = index.try_emplace(path, suites.size());
    if (inserted) suites.push_back({path, {}});
    return suites[it->second];
  };
  for (const InputOutcome& input : report.inputs) suite_for(input.path);
  for (const Finding& finding : report.findings) {
    suite_for(sources.file(finding.span.file).path())
        .findings_by_check[finding.check_id]
        .push_back(&finding);
  }
  return suites;
}

std::string finding_line(const Finding& finding, const SourceManager& sources) {
  return sources.file(finding.span.file).path() + ':' + std::to_string(finding.span.line) + ':' +
         std::to_string(finding.span.column) + ": " + std::string(severity_name(finding.severity)) +
         '[' + std::string(finding.check_id) + "]: " + finding.message;
}

// Returns whether the test case failed.
bool write_testcase(pugi::xml_node suite, const std::string& path, std::string_view id,
                    std::string_view name, const std::vector<const Finding*>& findings,
                    const SourceManager& sources) {
  pugi::xml_node testcase = suite.append_child("testcase");
  set(testcase, "name", std::string(id) + ' ' + std::string(name));
  set(testcase, "classname", path);
  if (findings.empty()) return false;
  Severity worst = Severity::kInfo;
  std::string text;
  for (const Finding* finding : findings) {
    worst = std::max(worst, finding->severity);
    text += finding_line(*finding, sources) + '\n';
  }
  pugi::xml_node failure = testcase.append_child("failure");
  set(failure, "message", findings.front()->message);
  set(failure, "type", severity_name(worst));
  failure.append_child(pugi::node_pcdata).set_value(xml_text(text).c_str());
  return true;
}

}  // namespace

void write_junit_report(std::ostream& out, const LintReport& report, const SourceManager& sources) {
  std::vector<const CheckInfo*> catalogue = check_catalogue();
  pugi::xml_document document;
  pugi::xml_node declaration = document.append_child(pugi::node_declaration);
  set(declaration, "version", "1.0");
  set(declaration, "encoding", "UTF-8");
  pugi::xml_node root = document.append_child("testsuites");
  set(root, "name", "fwlint");
  size_t total_tests = 0;
  size_t total_failures = 0;
  for (Suite& suite : suites_by_file(report, sources)) {
    pugi::xml_node node = root.append_child("testsuite");
    set(node, "name", suite.path);
    size_t tests = 0;
    size_t failures = 0;
    auto add = [&](std::string_view id, std::string_view name) {
      std::vector<const Finding*> findings;
      if (auto it = suite.findings_by_check.find(id); it != suite.findings_by_check.end()) {
        findings = std::move(it->second);
        suite.findings_by_check.erase(it);
      }
      ++tests;
      failures += write_testcase(node, suite.path, id, name, findings, sources) ? 1 : 0;
    };
    for (const CheckInfo* info : catalogue) add(info->id, info->name);
    // Checks outside the catalogue still report what they found.
    while (!suite.findings_by_check.empty()) {
      const Finding* first = suite.findings_by_check.begin()->second.front();
      add(first->check_id, first->check_name);
    }
    set(node, "tests", tests);
    set(node, "failures", failures);
    set(node, "errors", size_t{0});
    set(node, "skipped", size_t{0});
    total_tests += tests;
    total_failures += failures;
  }
  set(root, "tests", total_tests);
  set(root, "failures", total_failures);
  set(root, "errors", size_t{0});
  document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace fwlint
