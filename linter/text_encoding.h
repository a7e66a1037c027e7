// Input text encodings. Windows tools write firewall exports as UTF-16 (PowerShell 5 `>`,
// `Out-File`, regedit); everything after the read path works on UTF-8, so that spans count bytes
// of the text as an editor shows it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fwlint {

enum class TextEncoding : uint8_t { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be };

// The encoding a byte-order mark announces; kUtf8 when there is none.
TextEncoding detect_encoding(std::string_view bytes);

// Appends a code point as UTF-8.
void append_utf8(std::string& out, char32_t code_point);

// The text as UTF-8 without a byte-order mark: UTF-16 with a BOM is transcoded (an unpaired
// surrogate or a trailing odd byte becomes U+FFFD), a UTF-8 BOM is dropped, and anything else
// is returned unchanged. Line terminators are kept as written.
std::string to_utf8(std::string bytes);

// UTF-8 text written back in `encoding`, with its byte-order mark: the inverse of to_utf8 for
// text that decoded without replacements.
std::string from_utf8(std::string_view text, TextEncoding encoding);

}  // namespace fwlint
