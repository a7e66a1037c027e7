#include "linter/text_encoding.h"

#include <gtest/gtest.h>

namespace fwlint {
namespace {

std::string utf16le(std::u16string_view text, bool bom = true) {
  std::string bytes = bom ? std::string("\xFF\xFE") : std::string();
  for (char16_t unit : text) {
    bytes.push_back(static_cast<char>(unit & 0xFF));
    bytes.push_back(static_cast<char>(unit >> 8));
  }
  return bytes;
}

std::string utf16be(std::u16string_view text) {
  std::string bytes = "\xFE\xFF";
  for (char16_t unit : text) {
    bytes.push_back(static_cast<char>(unit >> 8));
    bytes.push_back(static_cast<char>(unit & 0xFF));
  }
  return bytes;
}

TEST(TextEncoding, DetectsByteOrderMarks) {
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBFWindows"), TextEncoding::kUtf8Bom);
  EXPECT_EQ(detect_encoding("\xFF\xFEW\0"), TextEncoding::kUtf16Le);
  EXPECT_EQ(detect_encoding("\xFE\xFF\0W"), TextEncoding::kUtf16Be);
  EXPECT_EQ(detect_encoding("Rule Name:"), TextEncoding::kUtf8);
  EXPECT_EQ(detect_encoding(""), TextEncoding::kUtf8);
}

TEST(TextEncoding, TranscodesUtf16LittleEndianWithCrLf) {
  EXPECT_EQ(to_utf8(utf16le(u"REGEDIT4\r\n[HKEY]\r\n")), "REGEDIT4\r\n[HKEY]\r\n");
}

TEST(TextEncoding, TranscodesUtf16BigEndian) {
  EXPECT_EQ(to_utf8(utf16be(u"Ok.\n")), "Ok.\n");
}

TEST(TextEncoding, TranscodesNonAsciiAndSurrogatePairs) {
  // "Dirección", "Öffentlich", a CJK character and U+1F525 (a surrogate pair).
  EXPECT_EQ(to_utf8(utf16le(u"Direcci\u00f3n \u00d6ffentlich \u4e2d \U0001F525")),
            "Direcci\xC3\xB3n \xC3\x96"
            "ffentlich \xE4\xB8\xAD \xF0\x9F\x94\xA5");
}

TEST(TextEncoding, ReplacesBrokenUtf16) {
  std::u16string lone_high(1, char16_t{0xD800});
  std::u16string lone_low(1, char16_t{0xDC00});
  EXPECT_EQ(to_utf8(utf16le(u"a" + lone_high + u"b")),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(to_utf8(utf16le(lone_low)), "\xEF\xBF\xBD");
  EXPECT_EQ(to_utf8(utf16le(u"a") + "x"), "a\xEF\xBF\xBD");  // odd trailing byte
}

TEST(TextEncoding, DropsUtf8ByteOrderMarkOnly) {
  EXPECT_EQ(to_utf8("\xEF\xBB\xBF\"Name\";\"DisplayName\""), "\"Name\";\"DisplayName\"");
  EXPECT_EQ(to_utf8("plain \xC3\xA9 text\r\n"), "plain \xC3\xA9 text\r\n");
  // Without a BOM, UTF-16 is not guessed: the NUL bytes stay for the binary-input check.
  std::string bomless = utf16le(u"Ok", false);
  EXPECT_EQ(to_utf8(bomless), bomless);
}

}  // namespace
}  // namespace fwlint
