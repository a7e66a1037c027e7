#include "pf/pf_test_support.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <stdexcept>
#include <tuple>

#include "parsers/pf/pf_parser.h"
#include "support/golden.h"

namespace fwlint::pf_testing {

namespace fs = std::filesystem;

Parsed::Parsed(std::string text, std::string path) {
  parse(sources_.add(std::move(path), std::move(text)));
}

Parsed::Parsed(const FromFile& file) {
  parse(sources_.add(file.path.string(), testing::read_text(file.path)));
}

void Parsed::parse(const SourceFile& file) {
  ParseContext context{Registry::builtin(), &sources_};
  result_ = parse_pf(file, context);
}

std::vector<const Rule*> Parsed::rules() const {
  std::vector<const Rule*> rules;
  for (const Table& table : result_.ruleset.tables) {
    for (const Chain& chain : table.chains) {
      for (const Rule& rule : chain.rules) rules.push_back(&rule);
    }
  }
  return rules;
}

const Rule& Parsed::rule(size_t index) const {
  std::vector<const Rule*> all = rules();
  if (index >= all.size()) throw std::out_of_range("no rule " + std::to_string(index));
  return *all[index];
}

std::vector<const Rule*> Parsed::rules_as_written() const {
  std::vector<const Rule*> all = rules();
  std::stable_sort(all.begin(), all.end(), [](const Rule* a, const Rule* b) {
    return std::tie(a->span.file, a->span.line, a->span.column) <
           std::tie(b->span.file, b->span.line, b->span.column);
  });
  return all;
}

std::vector<std::string> Parsed::diagnostics() const {
  std::vector<std::string> lines;
  for (const Finding& finding : result_.diagnostics) {
    lines.push_back(std::to_string(finding.span.line) + ":" + std::to_string(finding.span.column) +
                    " " + std::string(finding.check_id));
  }
  return lines;
}

std::string Parsed::describe() const {
  std::string text;
  for (const Finding& finding : result_.diagnostics) {
    text += fs::path(sources_.file(finding.span.file).path()).filename().string() + ":" +
            std::to_string(finding.span.line) + ":" + std::to_string(finding.span.column) + " " +
            std::string(finding.check_id) + " " + finding.message + "\n";
  }
  return text;
}

std::string Parsed::text(const SourceSpan& span) const {
  return std::string(sources_.file(span.file).text(span));
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() /
          ("fwlint-pf-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code error;
  fs::remove_all(path_, error);
}

fs::path TempDir::write(const std::string& name, const std::string& content) const {
  fs::path file = path_ / name;
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << content;
  return file;
}

}  // namespace fwlint::pf_testing
