// fwlint's command line. Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 an input
// could not be processed, 3 usage or configuration error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>

#include "linter/baseline.h"
#include "linter/cli/commands.h"
#include "linter/cli/progress.h"
#include "linter/engine.h"
#include "linter/fix.h"
#include "linter/report/model_json.h"
#include "linter/report/reporters.h"

namespace fwlint {
namespace {

struct LintFlags {
  std::vector<std::string> paths;
  std::string output_format = "text";
  std::string fail_on = "warning";
  std::string color = "auto";
  std::string input_format;
  bool quiet = false;
  bool statistics = false;
  std::string output_file;
  std::string config_file;
  bool no_config = false;
  std::string baseline;
  std::string write_baseline;
  uint32_t max_range_width = CheckOptions{}.max_range_width;
  InputLimits limits;
  bool fix = false;
  bool diff = false;
};

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* term = std::getenv("TERM");
  return std::getenv("NO_COLOR") == nullptr && isatty(STDOUT_FILENO) && term != nullptr &&
         std::string_view(term) != "dumb";
}

ExitCode exit_code_for(const LintReport& report, const std::string& fail_on) {
  if (report.any_input_failed()) return ExitCode::kInputFailed;
  if (fail_on == "never") return ExitCode::kClean;
  Severity threshold = *parse_severity(fail_on);
  for (const Finding& finding : report.findings) {
    if (finding.severity >= threshold) return ExitCode::kFindings;
  }
  return ExitCode::kClean;
}

const FrontEnd* forced_front_end(const std::string& name) {
  if (name.empty()) return nullptr;
  const FrontEnd* front_end = front_end_named(name);
  if (front_end == nullptr) throw CLI::ValidationError("--input-format", "unknown format " + name);
  return front_end;
}

std::string today() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[11];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
  return buffer;
}

struct LintRun {
  SourceManager sources;
  LintReport report;
  std::string fail_on;
  size_t accepted_by_baseline = 0;
};

std::unique_ptr<LintRun> lint_inputs(const LintFlags& flags, bool fail_on_given,
                                     bool max_range_width_given) {
  auto run = std::make_unique<LintRun>();
  LintOptions options;
  if (max_range_width_given) options.max_range_width = flags.max_range_width;
  options.forced_front_end = forced_front_end(flags.input_format);
  if (!flags.config_file.empty()) options.config_file = flags.config_file;
  options.find_config_files = !flags.no_config;
  options.today = today();
  options.limits = flags.limits;
  std::vector<InputPath> inputs = expand_inputs(flags.paths);
  std::optional<Progress> progress;
  if (Progress::wanted()) {
    progress.emplace(inputs.size());
    options.on_input_done = [&progress](const InputOutcome& outcome) {
      progress->input_done(outcome);
    };
  }
  Linter linter(run->sources, Registry::builtin(), RetiredServices::builtin(), options);
  run->fail_on = flags.fail_on;
  if (!fail_on_given && !inputs.empty()) {
    run->fail_on = linter.config_for(inputs.front().path).fail_on.value_or(run->fail_on);
  }
  run->report = linter.lint(inputs);
  progress.reset();
  // --write-baseline records every finding, the ones an older baseline accepts too.
  if (!flags.baseline.empty() && flags.write_baseline.empty()) {
    run->accepted_by_baseline =
        Baseline::load(flags.baseline).filter(run->report.findings, run->sources);
  }
  return run;
}

// --diff: the edits of the reported findings as a unified diff; exit 1 when there is one.
ExitCode print_fixes(const LintRun& run, std::ostream& out) {
  std::vector<FileFix> fixes = plan_fixes(run.report.findings, run.sources);
  for (const FileFix& fix : fixes) write_unified_diff(out, run.sources.file(fix.file), fix);
  if (run.report.any_input_failed()) return ExitCode::kInputFailed;
  return fixes.empty() ? ExitCode::kClean : ExitCode::kFindings;
}

// --fix: each file rewritten atomically; whether every file that needed it was written.
bool apply_fixes(const LintRun& run) {
  bool all_written = true;
  size_t applied = 0;
  size_t skipped = 0;
  size_t files = 0;
  for (const FileFix& fix : plan_fixes(run.report.findings, run.sources)) {
    const SourceFile& file = run.sources.file(fix.file);
    try {
      write_fixed_file(file, fix);
      applied += fix.edits_applied;
      skipped += fix.edits_skipped;
      ++files;
    } catch (const std::exception& error) {
      std::cerr << "fwlint: " << file.path() << ": not fixed: " << error.what() << '\n';
      all_written = false;
    }
  }
  std::cerr << "fwlint: applied " << applied << (applied == 1 ? " edit" : " edits") << " to "
            << files << (files == 1 ? " file" : " files");
  if (skipped > 0) std::cerr << "; " << skipped << " overlapping edits wait for another --fix";
  std::cerr << '\n';
  return all_written;
}

ExitCode run_lint(const LintFlags& flags, bool fail_on_given, bool max_range_width_given) {
  std::unique_ptr<LintRun> run = lint_inputs(flags, fail_on_given, max_range_width_given);
  if (!flags.write_baseline.empty()) {
    Baseline::write(flags.write_baseline, run->report, run->sources);
    std::cerr << "fwlint: wrote " << run->report.findings.size() << " findings to "
              << flags.write_baseline << '\n';
    return run->report.any_input_failed() ? ExitCode::kInputFailed : ExitCode::kClean;
  }
  std::ofstream file;
  if (!flags.output_file.empty()) {
    file.open(flags.output_file, std::ios::binary | std::ios::trunc);
    if (!file) throw ConfigError("--output " + flags.output_file + ": cannot be written");
  }
  std::ostream& out = flags.output_file.empty() ? std::cout : file;
  if (flags.diff) return print_fixes(*run, out);
  bool fixes_written = true;
  if (flags.fix) {
    fixes_written = apply_fixes(*run);
    // What is left is what the files now say, not what the first reading found.
    run = lint_inputs(flags, fail_on_given, max_range_width_given);
  }
  if (run->accepted_by_baseline > 0 && flags.output_format == "text" && !flags.quiet) {
    std::cerr << "fwlint: " << run->accepted_by_baseline << " findings accepted by the baseline "
              << flags.baseline << '\n';
  }
  bool color = flags.output_file.empty() && use_color(flags.color);
  if (flags.statistics) {
    write_statistics(out, run->report);
  } else {
    write_report(flags.output_format, out, run->report, run->sources, {color, flags.quiet});
  }
  if (!fixes_written) return ExitCode::kInputFailed;
  return exit_code_for(run->report, run->fail_on);
}

ExitCode run_dump(const std::string& path, const std::string& input_format) {
  SourceManager sources;
  LintOptions options;
  options.forced_front_end = forced_front_end(input_format);
  Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), options);
  std::vector<Finding> problems;
  std::optional<uint32_t> index = linter.read({path, true}, problems);
  const FrontEnd* front_end =
      index ? linter.choose_front_end(sources.file(*index), true, problems) : nullptr;
  nlohmann::json dump = nullptr;
  if (front_end != nullptr) {
    ParseResult parsed = linter.parse(sources.file(*index), *front_end);
    dump = model_to_json(parsed.ruleset, sources);
    problems.insert(problems.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
  }
  LintReport report{{}, std::move(problems)};
  if (!dump.is_null()) {
    std::cout << dump.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  write_text_report(std::cerr, report, sources, {false, true});
  return dump.is_null() || report.any_input_failed() ? ExitCode::kInputFailed : ExitCode::kClean;
}

std::string version_text() {
  return std::string("fwlint ") + FWLINT_VERSION + " (IANA registry " +
         std::string(Registry::builtin().date()) + ")";
}

int run(int argc, char** argv) {
  CLI::App app{
      "fwlint: audit firewall rules for ports whose IANA assignment was removed, "
      "ports of retired services, and more.\n"
      "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 an input could not be "
      "processed, 3 usage or configuration error.",
      "fwlint"};
  app.set_version_flag("--version", version_text());
  app.require_subcommand(0, 1);

  LintFlags flags;
  app.add_option("paths", flags.paths, "Files or directories (recursive) to lint; - for stdin");
  std::vector<std::string> formats(report_formats().begin(), report_formats().end());
  app.add_option("--format", flags.output_format, "Output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  app.add_option("-o,--output", flags.output_file, "Write the report to this file");
  app.add_flag("--statistics", flags.statistics, "Print counts per check instead of findings");
  CLI::Option* fail_on = app.add_option("--fail-on", flags.fail_on,
                                        "Lowest severity that makes the exit code 1 (beats the "
                                        "config file's fail-on)")
                             ->check(CLI::IsMember({"error", "warning", "info", "never"}))
                             ->capture_default_str();
  app.add_option("--color", flags.color, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_flag("-q,--quiet", flags.quiet, "One line per finding: no excerpt, no summary");
  std::string format_names;
  for (const FrontEnd& front_end : front_ends()) {
    format_names += (format_names.empty() ? "" : ", ") + std::string(front_end.name);
  }
  app.add_option("--input-format", flags.input_format,
                 "Read every input as this format instead of detecting it (" + format_names + ")");
  app.add_option("--config", flags.config_file,
                 "Use this configuration for every input instead of the nearest .fwlint.toml")
      ->check(CLI::ExistingFile);
  app.add_flag("--no-config", flags.no_config, "Ignore .fwlint.toml files");
  app.add_option("--baseline", flags.baseline,
                 "Report only findings that this baseline file does not accept")
      ->check(CLI::ExistingFile);
  CLI::Option* write_baseline =
      app.add_option("--write-baseline", flags.write_baseline,
                     "Record every finding in this baseline file and exit 0");
  CLI::Option* fix = app.add_flag("--fix", flags.fix,
                                  "Apply the suggested edits to the files (each replaced "
                                  "atomically), then report what is left");
  app.add_flag("--diff", flags.diff,
               "Print the suggested edits as a unified diff instead of the report; change "
               "nothing (exit 1 when there is a diff)")
      ->excludes(fix)
      ->excludes(write_baseline);
  fix->excludes(write_baseline);
  CLI::Option* max_range_width =
      app.add_option("--max-range-width", flags.max_range_width,
                     "Widest port range that range-includes-removed-port reports")
          ->check(CLI::Range(1u, 65536u))
          ->capture_default_str();

  app.add_option("--max-file-size", flags.limits.max_file_size,
                 "Largest input or included file to read (bytes; K, M, G suffixes)")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  app.add_option("--max-line-length", flags.limits.max_line_length,
                 "Longest line to parse (bytes; K, M suffixes); JSON inputs are exempt")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(1u, 0xFFFFFFFFu))
      ->capture_default_str();
  app.add_option("--max-include-depth", flags.limits.max_include_depth,
                 "Deepest chain of nftables or pf includes")
      ->check(CLI::Range(1u, 1000u))
      ->capture_default_str();

  std::string subject;
  CLI::App* explain = app.add_subcommand(
      "explain", "Explain a check (FW2001 or removed-port) or a port (658, 993/udp)");
  explain->add_option("subject", subject, "Check id, check name, or port[/transport]")->required();

  std::string rules_format = "text";
  CLI::App* rules = app.add_subcommand("rules", "List every check and input diagnostic");
  rules->add_option("--format", rules_format, "Output format (markdown: docs/rules.md)")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();

  std::string dump_path;
  std::string dump_format;
  CLI::App* dump = app.add_subcommand("dump", "Print the normalized model of one input as JSON");
  dump->add_option("path", dump_path, "File to read; - for stdin")->required();
  dump->add_option("--input-format", dump_format, "Read the input as this format");

  try {
    app.parse(argc, argv);
    if (*explain) return static_cast<int>(run_explain(subject, std::cout, std::cerr));
    if (*rules) return static_cast<int>(run_rules(rules_format, std::cout));
    if (*dump) return static_cast<int>(run_dump(dump_path, dump_format));
    if (flags.paths.empty()) throw CLI::RequiredError("paths (or a subcommand)");
    return static_cast<int>(run_lint(flags, fail_on->count() > 0, max_range_width->count() > 0));
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : static_cast<int>(ExitCode::kUsage);
  } catch (const ConfigError& error) {
    std::cerr << "fwlint: " << error.what() << '\n';
    return static_cast<int>(ExitCode::kUsage);
  }
}

}  // namespace
}  // namespace fwlint

int main(int argc, char** argv) {
  return fwlint::run(argc, argv);
}
