#include "linter/suppression.h"

#include <algorithm>

#include "linter/catalogue.h"
#include "linter/diagnostics.h"

namespace fwlint {

namespace {

constexpr std::string_view kMarker = "fwlint:";

bool is_list_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ',' || c == '_';
}

// Reads `key=value` where the value is quoted ("…" or '…', also \"…\" inside an escaped
// string) or runs to the next ` until=`, a closing quote, or the end of the line.
std::string_view read_value(std::string_view line, size_t& i) {
  std::string_view rest = line.substr(i);
  for (std::string_view quote : {"\\\"", "\"", "'"}) {
    if (!rest.starts_with(quote)) continue;
    size_t close = rest.find(quote, quote.size());
    if (close == std::string_view::npos) break;
    i += close + quote.size();
    return rest.substr(quote.size(), close - quote.size());
  }
  size_t end = std::min({rest.find(" until="), rest.find('"'), rest.find('\''), rest.size()});
  i += end;
  std::string_view value = rest.substr(0, end);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\\')) value.remove_suffix(1);
  return value;
}

std::optional<Suppression> parse_directive(const SourceFile& file, uint32_t line_number,
                                           std::string_view line, size_t marker) {
  size_t i = marker + kMarker.size();
  while (i < line.size() && line[i] == ' ') ++i;
  if (line.substr(i, 8) != "disable=") return std::nullopt;
  i += 8;
  Suppression suppression;
  size_t list_begin = i;
  while (i < line.size() && is_list_char(line[i])) ++i;
  std::string_view list = line.substr(list_begin, i - list_begin);
  for (size_t start = 0; start <= list.size();) {
    size_t comma = std::min(list.find(',', start), list.size());
    if (comma > start) suppression.checks.emplace_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  for (;;) {
    while (i < line.size() && line[i] == ' ') ++i;
    std::string_view rest = line.substr(i);
    if (rest.starts_with("reason=")) {
      i += 7;
      suppression.reason = std::string(read_value(line, i));
    } else if (rest.starts_with("until=")) {
      i += 6;
      size_t begin = i;
      while (i < line.size() &&
             (std::isdigit(static_cast<unsigned char>(line[i])) || line[i] == '-'))
        ++i;
      suppression.until = std::string(line.substr(begin, i - begin));
    } else {
      break;
    }
  }
  size_t begin_offset = file.line_offset(line_number) + marker;
  suppression.span = file.span(begin_offset, file.line_offset(line_number) + i);
  return suppression;
}

bool is_comment_line(std::string_view line) {
  size_t first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos) return false;
  std::string_view text = line.substr(first);
  return text.starts_with("#") || text.starts_with(";") || text.starts_with("//");
}

// Whether the directive covers a finding: it stands inside the finding's statement, or on a
// comment line directly above it.
bool covers(const SourceFile& file, const Suppression& suppression, const Finding& finding) {
  const SourceSpan& rule = finding.rule_span.valid() ? finding.rule_span : finding.span;
  if (rule.file != file.index()) return false;
  uint32_t line = suppression.span.line;
  if (rule.line <= line && line <= rule.end_line) return true;
  return line + 1 == rule.line && is_comment_line(file.line_text(line));
}

bool names(const Suppression& suppression, const Finding& finding) {
  return std::any_of(suppression.checks.begin(), suppression.checks.end(),
                     [&](const std::string& check) {
                       return check == finding.check_id || check == finding.check_name;
                     });
}

}  // namespace

std::vector<Suppression> find_suppressions(const SourceFile& file) {
  std::vector<Suppression> suppressions;
  if (file.content().find(kMarker) == std::string_view::npos) return suppressions;
  for (uint32_t line_number = 1; line_number <= file.line_count(); ++line_number) {
    std::string_view line = file.line_text(line_number);
    size_t marker = line.find(kMarker);
    if (marker == std::string_view::npos) continue;
    if (auto suppression = parse_directive(file, line_number, line, marker)) {
      suppressions.push_back(std::move(*suppression));
    }
  }
  return suppressions;
}

void apply_suppressions(const SourceFile& file, std::string_view today,
                        std::vector<Finding>& findings) {
  std::vector<Suppression> suppressions = find_suppressions(file);
  if (suppressions.empty()) return;
  std::vector<Finding> about;
  for (const Suppression& suppression : suppressions) {
    for (const std::string& check : suppression.checks) {
      if (find_check_info(check) == nullptr) {
        about.push_back(make_diagnostic(kUnusedSuppression, suppression.span,
                                        "disable=" + check + " names no check; did you mean " +
                                            std::string(closest_check_name(check)) + "?"));
      }
    }
    bool expired = !suppression.until.empty() && suppression.until < today;
    if (expired) {
      about.push_back(make_diagnostic(
          kExpiredSuppression, suppression.span,
          "this suppression expired on " + suppression.until + " and no longer applies"));
      continue;
    }
    if (suppression.reason.empty()) {
      about.push_back(make_diagnostic(kSuppressionWithoutReason, suppression.span,
                                      "this suppression gives no reason"));
    }
    auto suppressed = [&](const Finding& finding) {
      return !finding.check_id.starts_with("FW102") && covers(file, suppression, finding) &&
             names(suppression, finding);
    };
    size_t before = findings.size();
    findings.erase(std::remove_if(findings.begin(), findings.end(), suppressed), findings.end());
    if (findings.size() == before) {
      about.push_back(make_diagnostic(kUnusedSuppression, suppression.span,
                                      "this suppression matches no finding; remove it"));
    }
  }
  for (Finding& finding : about) finding.rule_span = finding.span;
  findings.insert(findings.end(), about.begin(), about.end());
}

}  // namespace fwlint
