#include "parsers/nftables/json_tree.h"

namespace fwlint::nft {

namespace {

constexpr uint32_t kMaxDepth = 256;

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

void JsonTree::skip_blanks(std::string_view text, size_t& offset) {
  while (offset < text.size() && is_blank(text[offset])) ++offset;
}

bool JsonTree::fail(size_t offset, std::string message) {
  error_offset_ = offset;
  error_ = std::move(message);
  return false;
}

bool JsonTree::parse(size_t& offset) {
  nodes_.clear();
  error_.clear();
  return value(offset, 0);
}

bool JsonTree::string_at(size_t& offset) {
  size_t begin = offset++;
  while (offset < text_.size() && text_[offset] != '"') {
    if (text_[offset] == '\\') ++offset;
    if (offset < text_.size() && text_[offset] == '\n') {
      return fail(begin, "unterminated string");
    }
    ++offset;
  }
  if (offset >= text_.size()) return fail(begin, "unterminated string");
  ++offset;
  return true;
}

bool JsonTree::value(size_t& offset, uint32_t depth) {
  skip_blanks(text_, offset);
  if (offset >= text_.size()) return fail(offset, "a value was expected, the text ended");
  if (depth > kMaxDepth) return fail(offset, "values are nested too deeply");
  auto index = static_cast<uint32_t>(nodes_.size());
  nodes_.push_back({});
  nodes_[index].begin = static_cast<uint32_t>(offset);
  char c = text_[offset];
  auto finish = [&](JsonKind kind) {
    nodes_[index].kind = kind;
    nodes_[index].end = static_cast<uint32_t>(offset);
    return true;
  };
  if (c == '"') {
    if (!string_at(offset)) return false;
    return finish(JsonKind::kString);
  }
  if (c == '{' || c == '[') {
    bool object = c == '{';
    char close = object ? '}' : ']';
    ++offset;
    uint32_t previous = kNoNode;
    skip_blanks(text_, offset);
    if (offset < text_.size() && text_[offset] == close) {
      ++offset;
      return finish(object ? JsonKind::kObject : JsonKind::kArray);
    }
    for (;;) {
      uint32_t key_begin = 0;
      uint32_t key_end = 0;
      if (object) {
        skip_blanks(text_, offset);
        if (offset >= text_.size() || text_[offset] != '"') {
          return fail(offset, "a member name in quotes was expected");
        }
        size_t key = offset;
        if (!string_at(offset)) return false;
        key_begin = static_cast<uint32_t>(key + 1);
        key_end = static_cast<uint32_t>(offset - 1);
        skip_blanks(text_, offset);
        if (offset >= text_.size() || text_[offset] != ':') {
          return fail(offset, "`:` was expected after the member name");
        }
        ++offset;
      }
      auto child = static_cast<uint32_t>(nodes_.size());
      if (!value(offset, depth + 1)) return false;
      nodes_[child].key_begin = key_begin;
      nodes_[child].key_end = key_end;
      if (previous == kNoNode) {
        nodes_[index].first_child = child;
      } else {
        nodes_[previous].next_sibling = child;
      }
      previous = child;
      skip_blanks(text_, offset);
      if (offset < text_.size() && text_[offset] == ',') {
        ++offset;
        continue;
      }
      if (offset < text_.size() && text_[offset] == close) {
        ++offset;
        return finish(object ? JsonKind::kObject : JsonKind::kArray);
      }
      return fail(offset, std::string("`,` or `") + close + "` was expected");
    }
  }
  auto literal = [&](std::string_view word, JsonKind kind) {
    if (text_.substr(offset, word.size()) != word) return fail(offset, "unexpected character");
    offset += word.size();
    return finish(kind);
  };
  if (c == 't') return literal("true", JsonKind::kBool);
  if (c == 'f') return literal("false", JsonKind::kBool);
  if (c == 'n') return literal("null", JsonKind::kNull);
  if (c == '-' || (c >= '0' && c <= '9')) {
    ++offset;
    while (offset < text_.size() &&
           ((text_[offset] >= '0' && text_[offset] <= '9') || text_[offset] == '.' ||
            text_[offset] == 'e' || text_[offset] == 'E' || text_[offset] == '+' ||
            text_[offset] == '-')) {
      ++offset;
    }
    return finish(JsonKind::kNumber);
  }
  return fail(offset, std::string("unexpected character `") + c + "`");
}

std::string_view JsonTree::string(const JsonNode& node) const {
  if (node.kind != JsonKind::kString) return {};
  return text_.substr(node.begin + 1, node.end - node.begin - 2);
}

std::optional<int64_t> JsonTree::integer(const JsonNode& node) const {
  if (node.kind != JsonKind::kNumber) return std::nullopt;
  std::string_view digits = text(node);
  bool negative = digits.starts_with('-');
  if (negative) digits.remove_prefix(1);
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  int64_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

const JsonNode* JsonTree::member(const JsonNode& object, std::string_view name) const {
  if (object.kind != JsonKind::kObject) return nullptr;
  for (const JsonNode* child = first(object); child != nullptr; child = next(*child)) {
    if (key(*child) == name) return child;
  }
  return nullptr;
}

const JsonNode* JsonTree::only_member(const JsonNode& object) const {
  const JsonNode* child = object.kind == JsonKind::kObject ? first(object) : nullptr;
  return child != nullptr && next(*child) == nullptr ? child : nullptr;
}

}  // namespace fwlint::nft
