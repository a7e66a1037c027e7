// A small JSON reader that remembers where every value was written, which nlohmann-json does
// not: findings must point at the port inside a PowerShell ConvertTo-Json export. It reads one
// value at a time so that a large array of rules is never held as one tree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fwlint::windows {

// Declared ahead so that JsonValue can hold a vector of them (std::vector allows an incomplete
// element type, std::pair does not).
struct JsonMember;

struct JsonValue {
  enum class Kind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  std::string_view written;  // as written: a string with its quotes, a container with brackets
  std::string text;          // a string decoded; a number or boolean as written
  bool escaped = false;      // a string that contained an escape sequence
  std::vector<JsonValue> elements;  // kArray
  std::vector<JsonMember> members;  // kObject, in written order

  // A string's content between its quotes, as written.
  std::string_view inner() const { return written.substr(1, written.size() - 2); }
};

struct JsonMember {
  std::string key;  // decoded
  JsonValue value;
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : text_(text) {}

  // Reads the value at the current position (after blanks); nullopt on a syntax error.
  std::optional<JsonValue> read_value();
  void skip_blanks();
  // The next character after blanks, or '\0' at the end.
  char peek();
  void advance() { ++position_; }
  size_t position() const { return position_; }
  void seek(size_t position) { position_ = position; }

  size_t error_offset() const { return error_offset_; }
  const std::string& error_message() const { return error_message_; }

 private:
  bool read(JsonValue& value, int depth);
  bool read_string(JsonValue& value);
  bool read_literal(JsonValue& value);
  bool fail(size_t offset, std::string message);

  std::string_view text_;
  size_t position_ = 0;
  size_t error_offset_ = 0;
  std::string error_message_;
};

}  // namespace fwlint::windows
