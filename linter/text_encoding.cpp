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

// The code point that starts at text[i], advancing i; invalid bytes come out as U+FFFD.
char32_t next_code_point(std::string_view text, size_t& i) {
  auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
  unsigned char lead = byte(i++);
  if (lead < 0x80) return lead;
  size_t length = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  if (length == 0 || i + length > text.size()) return kReplacement;
  char32_t code_point = lead & (0x3F >> length);
  for (size_t k = 0; k < length; ++k) {
    if ((byte(i) & 0xC0) != 0x80) return kReplacement;
    code_point = (code_point << 6) | (byte(i++) & 0x3F);
  }
  return code_point;
}

void append_utf16(std::string& out, char32_t unit, bool little_endian) {
  auto low = static_cast<char>(unit & 0xFF);
  auto high = static_cast<char>(unit >> 8);
  out.push_back(little_endian ? low : high);
  out.push_back(little_endian ? high : low);
}

std::string utf8_to_utf16(std::string_view text, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  out.reserve(2 + text.size() * 2);
  for (size_t i = 0; i < text.size();) {
    char32_t code_point = next_code_point(text, i);
    if (code_point >= 0x10000) {
      code_point -= 0x10000;
      append_utf16(out, 0xD800 + (code_point >> 10), little_endian);
      append_utf16(out, 0xDC00 + (code_point & 0x3FF), little_endian);
    } else {
      append_utf16(out, code_point, little_endian);
    }
  }
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

std::string from_utf8(std::string_view text, TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8Bom:
      return "\xEF\xBB\xBF" + std::string(text);
    case TextEncoding::kUtf16Le:
      return utf8_to_utf16(text, true);
    case TextEncoding::kUtf16Be:
      return utf8_to_utf16(text, false);
    case TextEncoding::kUtf8:
      break;
  }
  return std::string(text);
}

}  // namespace fwlint
