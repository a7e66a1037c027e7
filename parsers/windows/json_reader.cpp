#include "parsers/windows/json_reader.h"

#include "linter/text_encoding.h"

namespace fwlint::windows {

namespace {

// Deeper nesting than any export has is refused rather than risking the stack.
constexpr int kMaxDepth = 200;

std::optional<char32_t> hex4(std::string_view text) {
  if (text.size() < 4) return std::nullopt;
  char32_t value = 0;
  for (char c : text.substr(0, 4)) {
    value <<= 4;
    if (c >= '0' && c <= '9') {
      value |= static_cast<char32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      value |= static_cast<char32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      value |= static_cast<char32_t>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
  }
  return value;
}

}  // namespace

void JsonReader::skip_blanks() {
  while (position_ < text_.size()) {
    char c = text_[position_];
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
    ++position_;
  }
}

char JsonReader::peek() {
  skip_blanks();
  return position_ < text_.size() ? text_[position_] : '\0';
}

std::optional<JsonValue> JsonReader::read_value() {
  JsonValue value;
  if (!read(value, 0)) return std::nullopt;
  return value;
}

bool JsonReader::fail(size_t offset, std::string message) {
  error_offset_ = std::min(offset, text_.size());
  error_message_ = std::move(message);
  return false;
}

bool JsonReader::read(JsonValue& value, int depth) {
  if (depth > kMaxDepth) return fail(position_, "JSON nested too deeply");
  char c = peek();
  size_t begin = position_;
  if (c == '"') {
    if (!read_string(value)) return false;
  } else if (c == '[') {
    value.kind = JsonValue::Kind::kArray;
    ++position_;
    if (peek() == ']') {
      ++position_;
    } else {
      while (true) {
        JsonValue element;
        if (!read(element, depth + 1)) return false;
        value.elements.push_back(std::move(element));
        char next = peek();
        ++position_;
        if (next == ']') break;
        if (next != ',') return fail(position_ - 1, "expected `,` or `]` in an array");
      }
    }
  } else if (c == '{') {
    value.kind = JsonValue::Kind::kObject;
    ++position_;
    if (peek() == '}') {
      ++position_;
    } else {
      while (true) {
        if (peek() != '"') return fail(position_, "expected a quoted member name");
        JsonValue key;
        if (!read_string(key)) return false;
        if (peek() != ':') return fail(position_, "expected `:` after a member name");
        ++position_;
        JsonValue member;
        if (!read(member, depth + 1)) return false;
        value.members.push_back({std::move(key.text), std::move(member)});
        char next = peek();
        ++position_;
        if (next == '}') break;
        if (next != ',') return fail(position_ - 1, "expected `,` or `}` in an object");
      }
    }
  } else if (c == '\0') {
    return fail(position_, "unexpected end of the JSON text");
  } else if (!read_literal(value)) {
    return false;
  }
  value.written = text_.substr(begin, position_ - begin);
  return true;
}

bool JsonReader::read_string(JsonValue& value) {
  size_t open = position_;
  value.kind = JsonValue::Kind::kString;
  ++position_;
  while (position_ < text_.size()) {
    char c = text_[position_];
    if (c == '"') {
      ++position_;
      value.written = text_.substr(open, position_ - open);
      return true;
    }
    if (c == '\n') break;
    if (c != '\\') {
      value.text.push_back(c);
      ++position_;
      continue;
    }
    value.escaped = true;
    if (position_ + 1 >= text_.size()) break;
    char escape = text_[position_ + 1];
    position_ += 2;
    switch (escape) {
      case '"':
      case '\\':
      case '/':
        value.text.push_back(escape);
        break;
      case 'b':
        value.text.push_back('\b');
        break;
      case 'f':
        value.text.push_back('\f');
        break;
      case 'n':
        value.text.push_back('\n');
        break;
      case 'r':
        value.text.push_back('\r');
        break;
      case 't':
        value.text.push_back('\t');
        break;
      case 'u': {
        std::optional<char32_t> unit = hex4(text_.substr(position_));
        if (!unit) return fail(position_ - 2, "invalid \\u escape");
        position_ += 4;
        char32_t code = *unit;
        if (code >= 0xD800 && code <= 0xDBFF && text_.substr(position_, 2) == "\\u") {
          std::optional<char32_t> low = hex4(text_.substr(position_ + 2));
          if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
            code = 0x10000 + ((code - 0xD800) << 10) + (*low - 0xDC00);
            position_ += 6;
          }
        }
        if (code >= 0xD800 && code <= 0xDFFF) code = 0xFFFD;
        append_utf8(value.text, code);
        break;
      }
      default:
        return fail(position_ - 2, "invalid escape sequence");
    }
  }
  return fail(open, "string not closed on its line");
}

bool JsonReader::read_literal(JsonValue& value) {
  size_t begin = position_;
  while (position_ < text_.size()) {
    char c = text_[position_];
    bool part = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                c == '-' || c == '+' || c == '.';
    if (!part) break;
    ++position_;
  }
  std::string_view word = text_.substr(begin, position_ - begin);
  value.text = std::string(word);
  if (word == "true" || word == "false") {
    value.kind = JsonValue::Kind::kBool;
  } else if (word == "null") {
    value.kind = JsonValue::Kind::kNull;
  } else if (!word.empty() &&
             (word.front() == '-' || (word.front() >= '0' && word.front() <= '9'))) {
    value.kind = JsonValue::Kind::kNumber;
  } else {
    return fail(begin,
                word.empty() ? "unexpected character" : "unknown literal `" + value.text + "`");
  }
  return true;
}

}  // namespace fwlint::windows
