#include "linter/text_encoding.h"

namespace fwlint {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_high_surrogate(char32_t unit) {
  return unit >= 0xD800 && unit <= 0xDBFF;
}
bool is_low_surrogate(char32_t unit) {
  return unit >= 0xDC00 && unit <= 0xDFFF;
}

std::string utf16_to_utf8(std::string_view bytes, bool little_endian) {
  auto unit_at = [&](size_t i) -> char32_t {
    auto first = static_cast<unsigned char>(bytes[i]);
    auto second = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (char32_t{second} << 8) | first : (char32_t{first} << 8) | second;
  };
  std::string out;
  out.reserve(bytes.size() / 2 + bytes.size() / 8);
  size_t i = 0;
  while (i + 1 < bytes.size()) {
    char32_t unit = unit_at(i);
    i += 2;
    if (is_high_surrogate(unit) && i + 1 < bytes.size() && is_low_surrogate(unit_at(i))) {
      char32_t low = unit_at(i);
      i += 2;
      append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
    } else if (is_high_surrogate(unit) || is_low_surrogate(unit)) {
      append_utf8(out, kReplacement);
    } else {
      append_utf8(out, unit);
    }
  }
  if (i < bytes.size()) append_utf8(out, kReplacement);
  return out;
}

}  // namespace

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

TextEncoding detect_encoding(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return TextEncoding::kUtf8Bom;
  if (bytes.starts_with("\xFF\xFE")) return TextEncoding::kUtf16Le;
  if (bytes.starts_with("\xFE\xFF")) return TextEncoding::kUtf16Be;
  return TextEncoding::kUtf8;
}

std::string to_utf8(std::string bytes) {
  switch (detect_encoding(bytes)) {
    case TextEncoding::kUtf8Bom:
      bytes.erase(0, 3);
      return bytes;
    case TextEncoding::kUtf16Le:
      return utf16_to_utf8(std::string_view(bytes).substr(2), true);
    case TextEncoding::kUtf16Be:
      return utf16_to_utf8(std::string_view(bytes).substr(2), false);
    case TextEncoding::kUtf8:
      break;
  }
  return bytes;
}

}  // namespace fwlint
