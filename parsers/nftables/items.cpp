#include "parsers/nftables/items.h"

namespace fwlint::nft {

uint32_t RefArena::add(const RefNode& node) {
  nodes_.push_back(node);
  return static_cast<uint32_t>(nodes_.size() - 1);
}

Reference make_reference(const RefNode& node) {
  return {node.span, std::string(node.name), node.definition_span, node.definition};
}

void RefArena::append_chain(uint32_t head, std::vector<Reference>& out) const {
  for (uint32_t index = head; index != 0; index = nodes_[index].next) {
    out.push_back(make_reference(nodes_[index]));
  }
}

std::string_view written_text(std::span<const Item> items) {
  if (items.empty()) return {};
  const char* begin = items.front().written.data();
  const char* end = items.back().written.data() + items.back().written.size();
  return {begin, static_cast<size_t>(end > begin ? end - begin : 0)};
}

SourceSpan written_span(const SourceFile& file, std::span<const Item> items) {
  return file.span(written_text(items));
}

std::string_view source_text(std::span<const Item> items) {
  if (items.empty()) return {};
  const Item& first = items.front();
  const Item& last = items.back();
  for (const Item& item : items) {
    if (item.file != first.file) return first.text;
  }
  const char* end = last.text.data() + last.text.size();
  if (end < first.text.data()) return first.text;
  return {first.text.data(), static_cast<size_t>(end - first.text.data())};
}

PortToken port_through_set(const SetPort& element, const std::vector<Reference>& outer,
                           const SourceSpan& reference, std::string_view name) {
  PortToken token;
  token.span = element.token.span;
  token.text = element.token.text;
  token.interval = element.token.interval;
  token.via.reserve(outer.size() + 1 + element.token.via.size());
  token.via = outer;
  token.via.push_back({reference, std::string(name), element.block_span, element.block});
  token.via.insert(token.via.end(), element.token.via.begin(), element.token.via.end());
  return token;
}

size_t closing_brace(std::span<const Item> items, size_t open) {
  int depth = 0;
  for (size_t i = open; i < items.size(); ++i) {
    if (items[i].kind == TokenKind::kOpenBrace) {
      ++depth;
    } else if (items[i].kind == TokenKind::kCloseBrace && --depth == 0) {
      return i;
    }
  }
  return items.size();
}

std::span<const Item> key_component(std::span<const Item> key, size_t index) {
  size_t begin = 0;
  size_t current = 0;
  for (size_t i = 0; i <= key.size(); ++i) {
    if (i == key.size() || key[i].is(".")) {
      if (current == index) return key.subspan(begin, i - begin);
      ++current;
      begin = i + 1;
    }
  }
  return {};
}

namespace detail {

void split_element(std::span<const Item> element, SetElement& out) {
  for (size_t i = 0; i < element.size(); ++i) {
    if (element[i].is(":")) {
      out.key = element.first(i);
      out.value = element.subspan(i + 1);
      return;
    }
  }
  out.key = element;
}

}  // namespace detail

}  // namespace fwlint::nft
