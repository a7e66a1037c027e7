#include "linter/engine.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <iterator>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

#include "linter/catalogue.h"
#include "linter/diagnostics.h"
#include "linter/fingerprint.h"
#include "linter/input_limits.h"
#include "linter/registry_load.h"
#include "linter/suppression.h"
#include "linter/text_encoding.h"
#include "linter/words.h"

namespace fwlint {

namespace fs = std::filesystem;

bool LintReport::any_input_failed() const {
  bool failed = std::any_of(inputs.begin(), inputs.end(),
                            [](const InputOutcome& input) { return !input.processed; });
  return failed || std::any_of(findings.begin(), findings.end(), [](const Finding& finding) {
           return finding.check_id.starts_with("FW1") && finding.severity == Severity::kError;
         });
}

namespace {

void walk_directory(const fs::path& directory, std::vector<InputPath>& out) {
  std::vector<fs::path> entries;
  std::error_code error;
  fs::directory_iterator it(directory, error);
  for (; !error && it != fs::directory_iterator(); it.increment(error)) {
    if (it->path().filename().string().starts_with(".")) continue;
    entries.push_back(it->path());
  }
  if (error) {
    // Named, so that reading it reports why (FW1007) instead of the walk aborting the run.
    out.push_back({directory.string(), true});
    return;
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    // Symbolic links to directories are not followed: one pointing up would never end.
    if (fs::is_symlink(entry, error)) {
      if (fs::is_regular_file(entry, error)) out.push_back({entry.string(), false});
    } else if (fs::is_directory(entry, error)) {
      walk_directory(entry, out);
    } else if (fs::is_regular_file(entry, error)) {
      out.push_back({entry.string(), false});
    }
  }
}

}  // namespace

std::vector<InputPath> expand_inputs(const std::vector<std::string>& paths) {
  std::vector<InputPath> inputs;
  for (const std::string& path : paths) {
    std::error_code error;
    if (path != "-" && fs::is_directory(path, error)) {
      walk_directory(path, inputs);
    } else {
      inputs.push_back({path, true});
    }
  }
  return inputs;
}

Linter::Linter(SourceManager& sources, const Registry& registry, const RetiredServices& retired,
               LintOptions options)
    : sources_(sources), registry_(registry), retired_(retired), options_(std::move(options)) {
  defaults_.options = options_.checks;
}

const Config& Linter::config_for(const std::string& input_path) {
  std::optional<fs::path> file = options_.config_file;
  if (!file && options_.find_config_files) {
    file = find_config(input_path == "-" ? fs::path("stdin") : fs::path(input_path));
  }
  if (!file) return defaults_;
  std::lock_guard lock(configs_mutex_);
  auto it = configs_.find(*file);
  if (it == configs_.end()) it = configs_.emplace(*file, load_config(*file)).first;
  return it->second;
}

const Registry* Linter::registry_for(const Config& config) {
  if (!config.registry) return nullptr;
  fs::path file = *config.registry;
  if (file.is_relative() && !config.path.empty()) file = fs::path(config.path).parent_path() / file;
  std::lock_guard lock(registries_mutex_);
  auto it = registries_.find(file);
  if (it == registries_.end()) it = registries_.emplace(file, LoadedRegistry::load(file)).first;
  return &it->second->registry();
}

namespace {

// Drops what the configuration does not select, applies its severities, and the suppressions
// written in the file itself.
void apply_policy(const Config& config, const SourceFile& file, const std::string& path,
                  std::string_view today, std::vector<Finding>& findings) {
  std::erase_if(findings, [&](const Finding& finding) {
    const CheckInfo* info = find_check_info(finding.check_id);
    return info != nullptr && !config.reports(*info, path);
  });
  for (Finding& finding : findings) {
    if (const CheckInfo* info = find_check_info(finding.check_id)) {
      finding.severity = config.severity_of(*info, finding.severity);
    }
  }
  apply_suppressions(file, today, findings);
}

}  // namespace

std::optional<uint32_t> Linter::read(const InputPath& input, std::vector<Finding>& findings) {
  std::string display = input.path == "-" ? "<stdin>" : input.path;
  FileContent read = input.path == "-" ? read_standard_input(options_.limits)
                                       : read_regular_file(input.path, options_.limits);
  if (!read.content) {
    const SourceFile& file = sources_.add(display, "");
    findings.push_back(make_diagnostic(read.too_large ? kInputLimitExceeded : kUnreadableInput,
                                       {file.index(), 1, 1, 1, 1}, display + ": " + read.error));
    return std::nullopt;
  }
  // Decoded here so that every span refers to the UTF-8 text, whatever the file was written in.
  return sources_.add(display, to_utf8(std::move(*read.content))).index();
}

const FrontEnd* Linter::choose_front_end(const SourceFile& file, bool named,
                                         std::vector<Finding>& findings) const {
  std::string_view content = file.content();
  // Binary data is no configuration in any format, so this holds for --input-format too.
  if (size_t nul = content.find('\0');
      nul != std::string_view::npos && options_.forced_front_end != nullptr) {
    findings.push_back(make_diagnostic(
        kBinaryInput, file.span(nul, nul + 1),
        "the input contains a NUL byte: it is binary data, not a firewall configuration"));
    return nullptr;
  }
  if (options_.forced_front_end != nullptr) return options_.forced_front_end;
  if (std::optional<UnsupportedInput> unsupported = unsupported_input(content)) {
    if (named) {
      findings.push_back(make_diagnostic(kUnrecognizedFormat, {file.index(), 1, 1, 1, 1},
                                         std::string(unsupported->reason),
                                         std::string(unsupported->suggestion)));
    }
    return nullptr;
  }
  if (size_t nul = content.find('\0'); nul != std::string_view::npos) {
    if (named) {
      findings.push_back(make_diagnostic(
          kBinaryInput, file.span(nul, nul + 1),
          "the input contains a NUL byte: it is binary data, not a firewall configuration"));
    }
    return nullptr;
  }
  const FrontEnd* front_end = detect_front_end(content, file.path());
  if (front_end == nullptr && named) {
    findings.push_back(make_diagnostic(kUnrecognizedFormat, {file.index(), 1, 1, 1, 1},
                                       "the content matches none of the formats fwlint reads"));
  }
  return front_end;
}

ParseResult Linter::parse(const SourceFile& file, const FrontEnd& front_end,
                          const Registry* registry, RuleSink* sink) const {
  ParseContext context{registry != nullptr ? *registry : registry_, &sources_, options_.limits,
                       sink};
  ParseResult result = front_end.parse(file, context);
  result.ruleset.file = file.index();
  return result;
}

std::vector<Finding> Linter::check(const Ruleset& ruleset, const CheckOptions& options,
                                   const Registry* registry) const {
  std::vector<Finding> findings;
  const SourceFile& file = sources_.file(ruleset.file);
  CheckContext context{ruleset,  file,    registry != nullptr ? *registry : registry_,
                       retired_, options, findings};
  for (const Table& table : ruleset.tables) {
    for (const Chain& chain : table.chains) {
      for (const Rule& rule : chain.rules) check(rule, context);
    }
  }
  return findings;
}

void Linter::check(const Rule& rule, CheckContext& context) const {
  for (const CheckDef* check : all_checks()) {
    if (check->check_rule != nullptr) check->check_rule(*check, rule, context);
  }
}

namespace {

// Checks each rule as the parser hands it over, so that the parser need not keep it.
class CheckingSink : public RuleSink {
 public:
  CheckingSink(const Linter& linter, const SourceFile& file, const Registry& registry,
               const RetiredServices& retired, const CheckOptions& options)
      : linter_(linter), file_(file), registry_(registry), retired_(retired), options_(options) {}

  void take(const Rule& rule, const Ruleset& ruleset) override {
    CheckContext context{ruleset, file_, registry_, retired_, options_, rule_findings_};
    linter_.check(rule, context);
    for (Finding& finding : rule_findings_) findings.add(std::move(finding));
    rule_findings_.clear();
  }
  void retract() override { findings = {}; }

  SharedFindingMerger findings;

 private:
  const Linter& linter_;
  const SourceFile& file_;
  const Registry& registry_;
  const RetiredServices& retired_;
  const CheckOptions& options_;
  std::vector<Finding> rule_findings_;
};

}  // namespace

CheckedFile Linter::parse_and_check(const SourceFile& file, const FrontEnd& front_end,
                                    const CheckOptions& options, const Registry* registry) const {
  CheckingSink sink(*this, file, registry != nullptr ? *registry : registry_, retired_, options);
  ParseResult parsed = parse(file, front_end, registry, &sink);
  CheckedFile checked{parsed.ruleset.rule_count(), std::move(parsed.diagnostics)};
  for (const Table& table : parsed.ruleset.tables) {
    for (const Chain& chain : table.chains) {
      for (const Rule& rule : chain.rules) sink.take(rule, parsed.ruleset);
    }
  }
  std::vector<Finding> rule_findings = sink.findings.take();
  checked.findings.insert(checked.findings.end(), std::make_move_iterator(rule_findings.begin()),
                          std::make_move_iterator(rule_findings.end()));
  return checked;
}

bool Linter::within_line_limit(const SourceFile& file, const FrontEnd& front_end,
                               std::vector<Finding>& findings) const {
  // JSON exports are often written as one line; their structure does not depend on lines.
  if (front_end.format == Format::kNftablesJson ||
      front_end.format == Format::kWindowsPowershellJson) {
    return true;
  }
  uint32_t line = first_overlong_line(file, options_.limits);
  if (line == 0) return true;
  size_t begin = file.line_offset(line);
  findings.push_back(make_diagnostic(kInputLimitExceeded, file.span(begin, begin + 1),
                                     "line " + std::to_string(line) + " is " +
                                         std::to_string(file.line_text(line).size()) +
                                         " bytes long, more than the limit of " +
                                         format_byte_count(options_.limits.max_line_length) +
                                         " (--max-line-length): the file was not parsed"));
  return false;
}

std::optional<InputOutcome> Linter::lint_one(const InputPath& input,
                                             std::vector<Finding>& findings) {
  InputOutcome outcome;
  outcome.path = input.path == "-" ? "<stdin>" : input.path;
  outcome.file = read(input, findings);
  if (outcome.file) {
    const SourceFile& file = sources_.file(*outcome.file);
    outcome.front_end = choose_front_end(file, input.named, findings);
    if (outcome.front_end != nullptr && !within_line_limit(file, *outcome.front_end, findings)) {
      outcome.front_end = nullptr;
    }
    if (outcome.front_end != nullptr) {
      const Config& config = config_for(input.path);
      const Registry* registry = registry_for(config);
      CheckOptions options = config.options;
      if (options_.max_range_width) options.max_range_width = *options_.max_range_width;
      CheckedFile checked = parse_and_check(file, *outcome.front_end, options, registry);
      outcome.rule_count = checked.rule_count;
      outcome.processed = true;
      findings.insert(findings.end(), std::make_move_iterator(checked.findings.begin()),
                      std::make_move_iterator(checked.findings.end()));
      apply_policy(config, file, input.path, options_.today, findings);
    }
  }
  // A file found while walking a directory that no front end recognises is not a
  // configuration: it is left out of the report rather than failing the run.
  if (!outcome.processed && !input.named && findings.empty()) return std::nullopt;
  for (Finding& finding : findings) {
    if (!finding.fingerprint.empty()) continue;
    const SourceFile& file = sources_.file(finding.span.file);
    finding.fingerprint = text_fingerprint(finding.check_id, file.line_text(finding.span.line));
  }
  std::stable_sort(findings.begin(), findings.end(), finding_less);
  return outcome;
}

LintReport Linter::lint(const std::vector<InputPath>& inputs) {
  std::vector<std::optional<InputOutcome>> outcomes(inputs.size());
  std::vector<std::vector<Finding>> findings(inputs.size());
  std::atomic<size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto work = [&] {
    for (size_t i; (i = next++) < inputs.size();) {
      try {
        outcomes[i] = lint_one(inputs[i], findings[i]);
        if (outcomes[i] && options_.on_input_done) options_.on_input_done(*outcomes[i]);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  // Files are independent: lint them on every core, then report them in input order.
  size_t thread_count =
      std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), inputs.size());
  std::vector<std::jthread> threads;
  for (size_t t = 1; t < thread_count; ++t) threads.emplace_back(work);
  work();
  threads.clear();
  if (failure) std::rethrow_exception(failure);

  LintReport report;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (!outcomes[i]) continue;
    report.inputs.push_back(std::move(*outcomes[i]));
    report.findings.insert(report.findings.end(), std::make_move_iterator(findings[i].begin()),
                           std::make_move_iterator(findings[i].end()));
  }
  return report;
}

namespace {

// "2 accepting rules in filter input and 1 rule in filter forward".
std::string rule_uses_phrase(const std::vector<RuleUse>& uses) {
  std::vector<std::pair<const RuleUse*, size_t>> counts;
  for (const RuleUse& use : uses) {
    auto same = std::find_if(counts.begin(), counts.end(),
                             [&](const auto& count) { return *count.first == use; });
    if (same == counts.end()) {
      counts.emplace_back(&use, 1);
    } else {
      ++same->second;
    }
  }
  std::vector<std::string> parts;
  for (const auto& [use, count] : counts) {
    std::string part = std::to_string(count) + " ";
    if (!use->verdict.empty()) part += std::string(use->verdict) + " ";
    part += count == 1 ? "rule" : "rules";
    if (!use->place.empty()) part += " in " + use->place;
    parts.push_back(std::move(part));
  }
  return join_words(parts);
}

// Another rule's own way of doing the same cleanup ("delete the rule: …"), after the first's,
// once: "delete the rule, it exists only for this traffic: A; B". A set that thousands of rules
// share would make that list as long as the ruleset, so the cleanups after the first few are
// only counted. `listed` counts the cleanups added so far, `unlisted` those counted instead.
void add_other_rules_suggestion(Finding& kept, const Finding& other, uint32_t& listed,
                                uint32_t& unlisted) {
  constexpr uint32_t kMaxListed = 3;
  if (other.suggestion.empty() || kept.suggestion.find(other.suggestion) != std::string::npos)
    return;
  if (listed == kMaxListed) {
    ++unlisted;
    return;
  }
  ++listed;
  size_t lead = other.suggestion.find(": ");
  if (lead != std::string::npos && kept.suggestion.starts_with(other.suggestion.substr(0, lead))) {
    kept.suggestion += "; " + other.suggestion.substr(lead + 2);
    return;
  }
  kept.suggestion +=
      "; for the rule on line " + std::to_string(other.rule_span.line) + ": " + other.suggestion;
}

}  // namespace

std::vector<Finding> merge_shared_findings(std::vector<Finding> findings) {
  SharedFindingMerger merger;
  for (Finding& finding : findings) merger.add(std::move(finding));
  return merger.take();
}

void SharedFindingMerger::add(Finding finding) {
  Key key{finding.check_id,    finding.span.file,     finding.span.line,
          finding.span.column, finding.span.end_line, finding.span.end_column};
  auto [it, inserted] = first_.try_emplace(key, merged_.size());
  if (inserted) {
    merged_.push_back(std::move(finding));
    listed_.push_back(0);
    unlisted_.push_back(0);
    return;
  }
  Finding& kept = merged_[it->second];
  for (RelatedLocation& related : finding.related) {
    bool known = std::any_of(kept.related.begin(), kept.related.end(),
                             [&](const RelatedLocation& r) { return r.span == related.span; });
    if (!known) kept.related.push_back({related.span, "also used by the rule here"});
  }
  kept.shared_users.insert(kept.shared_users.end(), finding.shared_users.begin(),
                           finding.shared_users.end());
  add_other_rules_suggestion(kept, finding, listed_[it->second], unlisted_[it->second]);
  kept.severity = std::max(kept.severity, finding.severity);
}

std::vector<Finding> SharedFindingMerger::take() {
  for (size_t i = 0; i < merged_.size(); ++i) {
    Finding& finding = merged_[i];
    if (unlisted_[i] > 0) {
      finding.suggestion += "; likewise for " + std::to_string(unlisted_[i]) + " more " +
                            (unlisted_[i] == 1 ? "rule" : "rules");
    }
    if (finding.shared_name.empty()) continue;
    finding.message +=
        "; " + finding.shared_name + " is used by " + rule_uses_phrase(finding.shared_users);
  }
  std::vector<Finding> merged = std::move(merged_);
  *this = {};
  return merged;
}

}  // namespace fwlint
