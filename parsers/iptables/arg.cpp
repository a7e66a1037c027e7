#include "parsers/iptables/arg.h"

#include <cctype>

namespace fwlint::iptables {

bool Arg::option_like() const {
  if (quoted || text.size() < 2 || text[0] != '-') return false;
  // "-4" and "-6" (IPv4/IPv6 only) are options; other digits make a negative number.
  return !std::isdigit(static_cast<unsigned char>(text[1])) || text == "-4" || text == "-6";
}

std::string_view ArgList::own(std::string text) {
  owned_.push_back(std::move(text));
  return owned_.back();
}

void ArgList::clear() {
  args.clear();
  pieces.clear();
  refs.clear();
  owned_.clear();
}

Origin origin_of(const ArgList& list, const Arg& arg, size_t begin, size_t end) {
  Origin origin;
  for (const Piece& piece : list.pieces_of(arg)) {
    size_t piece_end = piece.offset + piece.source.size();
    if (begin >= piece.offset && end <= piece_end) {
      origin.source = piece.source.substr(begin - piece.offset, end - begin);
      for (uint32_t i = 0; i < piece.via_count; ++i) {
        origin.via.push_back(list.refs[piece.via_begin + i]);
      }
      return origin;
    }
  }
  // The characters come from several places (`$LOW:$HIGH`): the word in the command is the
  // only place that shows all of them.
  origin.source = arg.raw;
  return origin;
}

}  // namespace fwlint::iptables
