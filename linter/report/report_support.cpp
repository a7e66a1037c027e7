#include "linter/report/report_support.h"

#include <algorithm>
#include <cctype>

#include "linter/diagnostics.h"

namespace fwlint {

std::vector<const Finding*> worst_first(const LintReport& report) {
  std::vector<const Finding*> order;
  order.reserve(report.findings.size());
  for (const Finding& finding : report.findings) order.push_back(&finding);
  std::stable_sort(order.begin(), order.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  return order;
}

std::vector<const CheckInfo*> check_catalogue() {
  std::vector<const CheckInfo*> catalogue(all_input_diagnostics().begin(),
                                          all_input_diagnostics().end());
  for (const CheckDef* check : all_checks()) catalogue.push_back(&check->info);
  std::sort(catalogue.begin(), catalogue.end(),
            [](const CheckInfo* a, const CheckInfo* b) { return a->id < b->id; });
  return catalogue;
}

std::string_view compiler_level(Severity severity) {
  return severity == Severity::kInfo ? "note" : severity_name(severity);
}

uint32_t utf16_column(const SourceFile& file, uint32_t line, uint32_t byte_column) {
  if (byte_column == 0) return 0;
  std::string_view text = file.line_text(line);
  size_t bytes = byte_column - 1;
  size_t within = std::min(bytes, text.size());
  uint32_t units = 1 + static_cast<uint32_t>(bytes - within);
  for (size_t i = 0; i < within; ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;  // continuation byte
    units += byte >= 0xF0 ? 2 : 1;        // four-byte sequences are surrogate pairs in UTF-16
  }
  return units;
}

std::string portable_path(std::string_view path) {
  std::string portable(path);
  std::replace(portable.begin(), portable.end(), '\\', '/');
  size_t start = 0;
  while (portable.compare(start, 2, "./") == 0) start += 2;
  return portable.substr(start);
}

bool is_absolute_path(std::string_view portable) {
  bool drive = portable.size() >= 3 && std::isalpha(static_cast<unsigned char>(portable[0])) &&
               portable[1] == ':' && portable[2] == '/';
  return portable.starts_with('/') || drive;
}

std::string percent_encode_path(std::string_view path) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string encoded;
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0xF];
    }
  }
  return encoded;
}

}  // namespace fwlint
