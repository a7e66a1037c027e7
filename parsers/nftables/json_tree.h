// A JSON value as offsets into its text, so that every value of `nft -j` output keeps its exact
// location. Values are parsed one at a time into a reusable tree: a whole dump is never held as
// one document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fwlint::nft {

enum class JsonKind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

inline constexpr uint32_t kNoNode = UINT32_MAX;

struct JsonNode {
  JsonKind kind = JsonKind::kNull;
  uint32_t begin = 0;  // offsets of the value in the text (strings include their quotes)
  uint32_t end = 0;
  uint32_t key_begin = 0;  // the member name inside its quotes, for members of objects
  uint32_t key_end = 0;
  uint32_t first_child = kNoNode;
  uint32_t next_sibling = kNoNode;
};

class JsonTree {
 public:
  explicit JsonTree(std::string_view text) : text_(text) {}

  // Parses the value at `offset` (blanks skipped) into this tree, replacing what it held, and
  // moves `offset` past it. On malformed input returns false with `error_offset` and `error`.
  bool parse(size_t& offset);
  size_t error_offset() const { return error_offset_; }
  const std::string& error() const { return error_; }

  std::string_view source() const { return text_; }
  const JsonNode& root() const { return nodes_.front(); }
  const JsonNode& node(uint32_t index) const { return nodes_[index]; }
  std::string_view text(const JsonNode& node) const {
    return text_.substr(node.begin, node.end - node.begin);
  }
  std::string_view key(const JsonNode& node) const {
    return text_.substr(node.key_begin, node.key_end - node.key_begin);
  }
  // A string's contents without quotes (escapes are kept as written).
  std::string_view string(const JsonNode& node) const;
  std::optional<int64_t> integer(const JsonNode& node) const;
  const JsonNode* member(const JsonNode& object, std::string_view name) const;
  const JsonNode* first(const JsonNode& node) const { return child(node.first_child); }
  const JsonNode* next(const JsonNode& node) const { return child(node.next_sibling); }
  // The member of a single-member object (`{"accept": null}`), or nullptr.
  const JsonNode* only_member(const JsonNode& object) const;

  static void skip_blanks(std::string_view text, size_t& offset);

 private:
  const JsonNode* child(uint32_t index) const {
    return index == kNoNode ? nullptr : &nodes_[index];
  }
  bool value(size_t& offset, uint32_t depth);
  bool string_at(size_t& offset);
  bool fail(size_t offset, std::string message);

  std::string_view text_;
  std::vector<JsonNode> nodes_;
  size_t error_offset_ = 0;
  std::string error_;
};

}  // namespace fwlint::nft
