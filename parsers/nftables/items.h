// A statement as the nft text front end reads it: its tokens after `$name` expansion, each knowing
// where it was written and which references brought it into the statement.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "linter/model.h"
#include "linter/source.h"
#include "parsers/nftables/lexer.h"

namespace fwlint::nft {

struct Item {
  TokenKind kind = TokenKind::kEnd;
  std::string_view text;     // as written, where it was written (a define's value if expanded)
  std::string_view written;  // where it stands in the statement: `text`, or the `$NAME` used
  const SourceFile* file = nullptr;  // the file `text` lies in
  uint32_t via = 0;  // the references that brought it (RefArena), 0 when written in place

  bool is(std::string_view word) const { return kind == TokenKind::kWord && text == word; }
  bool word() const { return kind == TokenKind::kWord; }
  SourceSpan span() const { return file->span(text); }
};

// A `$name` or `@set` reference and the definition it stands for.
struct RefNode {
  std::string_view name;        // `$PORTS` as written
  SourceSpan span;              // where the name is written
  std::string_view definition;  // the value as written (`{ 22, 658 }`), empty if unknown
  SourceSpan definition_span;
  uint32_t next = 0;  // the reference one level further in, 0 at the end of the chain
};

// Reference chains shared by the items of a statement. Index 0 is "no reference".
class RefArena {
 public:
  RefArena() : nodes_(1) {}
  uint32_t add(const RefNode& node);
  const RefNode& node(uint32_t index) const { return nodes_[index]; }
  // The chain starting at `head` as model references, outermost first, appended to `out`.
  void append_chain(uint32_t head, std::vector<Reference>& out) const;
  // Nodes made for one statement are dropped after it; those of definitions are kept.
  size_t mark() const { return nodes_.size(); }
  void release(size_t mark) { nodes_.resize(mark); }

 private:
  std::vector<RefNode> nodes_;
};

Reference make_reference(const RefNode& node);

// The span from the first to the last of `items` where they stand in the statement.
SourceSpan written_span(const SourceFile& file, std::span<const Item> items);
std::string_view written_text(std::span<const Item> items);
// The text from the first to the last of `items` as written, when they lie in one file.
std::string_view source_text(std::span<const Item> items);

// Index of the `}` closing the `{` at `open`, or items.size() when it is not closed.
size_t closing_brace(std::span<const Item> items, size_t open);

// One element of a `{ … }` set. Nested sets (a `$define` holding a set) are flattened, and each
// element names the braces that list it.
struct SetElement {
  std::span<const Item> key;    // before `:`; concatenation components are split by `.`
  std::span<const Item> value;  // after `:` in maps, empty otherwise
  const Item* open = nullptr;   // the braces listing the element
  const Item* close = nullptr;
};

// Calls visit(const SetElement&) for every element of the set opened at items[open].
template <typename Visit>
void for_each_element(std::span<const Item> items, size_t open, Visit&& visit);

// The `index`-th component of a concatenation key (`10.0.0.1 . 658`), or empty.
std::span<const Item> key_component(std::span<const Item> key, size_t index);

// A named set or map as far as ports are concerned.
struct SetPort {
  uint8_t component = 0;   // which component of the key is the port
  PortToken token;         // `via`: references inside the set's elements (`$PORTS`)
  std::string_view block;  // the `{ … }` listing the element, as written
  SourceSpan block_span;
  Verdict verdict = Verdict::kNone;  // verdict maps: what the element maps to
  std::string_view target;           // `jump ssh` → "ssh"
};

// A set element's port as a rule that names the set (`@name` at `reference`) sees it: the
// references that brought the name into the rule (`outer`), the set's, then the element's own.
PortToken port_through_set(const SetPort& element, const std::vector<Reference>& outer,
                           const SourceSpan& reference, std::string_view name);

struct KeyComponent {
  bool port = false;
  TransportSet transports;  // for `typeof tcp dport`; empty for `inet_service`
};

struct NamedSet {
  std::vector<KeyComponent> key;
  bool verdict_map = false;
  std::vector<SetPort> ports;
  // Elements whose ports could not be resolved (unknown service name, invalid port).
  bool unresolved = false;
};

// ---- implementation of the template ----

namespace detail {
void split_element(std::span<const Item> element, SetElement& out);
}

template <typename Visit>
void for_each_element(std::span<const Item> items, size_t open, Visit&& visit) {
  size_t close = closing_brace(items, open);
  const Item* close_item = close < items.size() ? &items[close] : nullptr;
  size_t begin = open + 1;
  auto flush = [&](size_t end) {
    while (begin < end && items[begin].kind == TokenKind::kNewline) ++begin;
    size_t last = end;
    while (last > begin && items[last - 1].kind == TokenKind::kNewline) --last;
    if (last <= begin) return;
    if (items[begin].kind == TokenKind::kOpenBrace && closing_brace(items, begin) + 1 >= last) {
      for_each_element(items, begin, visit);
      return;
    }
    SetElement element;
    element.open = &items[open];
    element.close = close_item;
    detail::split_element(items.subspan(begin, last - begin), element);
    visit(element);
  };
  for (size_t i = open + 1; i < close; ++i) {
    if (items[i].kind == TokenKind::kOpenBrace) {
      i = closing_brace(items, i);
      if (i >= close) break;
    } else if (items[i].kind == TokenKind::kComma) {
      flush(i);
      begin = i + 1;
    }
  }
  flush(std::min(close, items.size()));
}

}  // namespace fwlint::nft
