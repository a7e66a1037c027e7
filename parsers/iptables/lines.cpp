#include "parsers/iptables/lines.h"

#include "linter/diagnostics.h"

namespace fwlint::iptables {

std::string_view trim(std::string_view text) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

bool report_binary(const SourceFile& file, std::vector<Finding>& diagnostics) {
  std::string_view content = file.content();
  size_t nul = content.find('\0');
  if (nul == std::string_view::npos) return false;
  diagnostics.push_back(make_diagnostic(kBinaryInput, file.span(nul, nul + 1),
                                        "the input contains a NUL byte: it is not a text file"));
  return true;
}

std::string code(std::string_view text) {
  return concat("`", text, "`");
}

uint64_t rule_number(std::string_view digits) {
  uint64_t value = 0;
  for (char c : digits) {
    if (value > UINT32_MAX) return value;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return value;
}

}  // namespace fwlint::iptables
