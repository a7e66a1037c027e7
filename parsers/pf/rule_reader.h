// Reads one rule-like pf statement (pass/block/match, anchor, nat/rdr/binat, scrub, antispoof,
// ether, dummynet) from its first token up to the end of the statement, or up to the `{` of an
// inline anchor block, into a Rule: direction, quick, interfaces, address family, protocols,
// addresses, ports; every other option is kept verbatim.
#pragma once

#include <string>
#include <vector>

#include "linter/registry.h"
#include "parsers/pf/macros.h"

namespace fwlint::pf {

enum class RuleKind : uint8_t {
  kFilter,             // pass, block, match
  kAnchor,             // anchor [name] ... [{ ... }]
  kTranslation,        // [no] nat / rdr / binat, old syntax with `->`
  kTranslationAnchor,  // nat-anchor, rdr-anchor, binat-anchor, scrub-anchor, dummynet-anchor
  kScrub,              // scrub
  kAntispoof,          // antispoof
  kEther,              // ether pass / block (FreeBSD layer 2)
  kDummynet,           // dummynet (macOS)
};

struct ReaderContext {
  const Registry& registry;
  std::vector<Finding>& diagnostics;
  bool in_block = false;       // inside an anchor block, where `}` ends the statement
  bool block_returns = false;  // `set block-policy return`: a plain `block` rejects
};

// Whether `word` is a pf keyword that cannot name a macro or an anchor.
bool reserved_word(std::string_view word);

class RuleReader {
 public:
  RuleReader(TokenStream& stream, const ReaderContext& context, Rule& rule)
      : stream_(stream), context_(context), rule_(rule) {}

  // Reads the statement; false after a syntax error, which it reported (the rest of the
  // statement is then left in the stream). What was read before the error stays in the rule.
  bool read(RuleKind kind);
  // The anchor name as written (kAnchor, kTranslationAnchor); empty for an unnamed anchor.
  const std::string& anchor_name() const { return anchor_name_; }

 private:
  // After `{`: items separated by commas and newlines, up to `}`. A line that starts a new
  // statement ends the list as unclosed, so that one missing `}` costs one statement.
  template <typename ReadItem>
  bool read_list(const Token& open, std::string_view what, ReadItem&& read_item) {
    while (true) {
      const Token& t = stream_.peek();
      if (t.is_punct("}")) {
        stream_.next();
        return true;
      }
      if (t.kind == TokenKind::kEnd || (t.kind == TokenKind::kNewline && starts_statement(1))) {
        return fail(open, "missing `}` after this list of " + std::string(what));
      }
      if (t.is_punct(",") || t.kind == TokenKind::kNewline) {
        stream_.next();
      } else if (!read_item()) {
        return false;
      }
    }
  }
  bool starts_statement(size_t ahead);
  bool read_action(RuleKind kind);
  bool read_block_action(const Token& block);
  bool at_end() const;
  bool fail(const Token& at, std::string message);
  bool expect_word(std::string_view word);

  bool read_interfaces(bool for_antispoof);
  bool read_interface(std::vector<InterfaceMatch>& out, bool negated);
  bool read_protocols();
  bool read_endpoint(bool source);
  bool read_hosts(std::vector<AddressMatch>* out);
  bool read_host(std::vector<AddressMatch>* out, bool negated);
  bool read_port_spec(PortSet& ports, uint32_t option_begin);
  bool read_option();
  bool read_translation(const Token& keyword);
  bool read_translation_port();
  bool read_value();
  bool read_group(std::string_view close);
  bool read_id_spec();
  bool read_flags();
  void keep_other(uint32_t begin);
  void check_transports();
  SourceSpan outer_span(uint32_t begin, uint32_t end) const;

  TokenStream& stream_;
  const ReaderContext& context_;
  Rule& rule_;
  RuleKind kind_ = RuleKind::kFilter;
  std::string anchor_name_;
  bool has_protocol_ = false;
  bool non_port_protocol_ = false;  // a listed protocol that has no ports (icmp, esp, ...)
  bool after_arrow_ = false;        // past `->`: addresses are translation targets
  int list_depth_ = 0;              // `{` lists open while reading addresses
};

}  // namespace fwlint::pf
