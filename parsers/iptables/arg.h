// The arguments of one iptables command as iptables itself would see them (unquoted, variables
// expanded), each remembering where in the file every character was written, so that a port
// found in `$PORTS` still points at the assignment that wrote it.
#pragma once

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fwlint::iptables {

// A reference (`$PORTS`, a loop variable) that brought text into a command.
struct RefView {
  std::string_view where;       // the reference as written
  std::string_view definition;  // where its value was written (`PORTS="22,658"`), or empty
};

// A run of an argument's text that was written contiguously in the file.
struct Piece {
  uint32_t offset = 0;      // where the run starts in Arg::text
  std::string_view source;  // the run in the file
  uint32_t via_begin = 0;   // references that brought it in, outermost first (ArgList::refs)
  uint32_t via_count = 0;
};

struct Arg {
  std::string_view text;  // what iptables sees
  std::string_view raw;   // the word as written in the command (a view into the file)
  uint32_t piece_begin = 0;
  uint32_t piece_count = 0;
  std::string_view unresolved;  // the first `$VAR` of the word that has no literal value
  bool quoted = false;          // written with quotes: a value, never an option

  // An unquoted `!`: the negation of the option next to it.
  bool bang() const { return !quoted && text == "!"; }
  // Starts like an option (`-x`, `--xyz`) and was not quoted.
  bool option_like() const;
};

// The arguments of one command plus the storage their views point into. Reused from command to
// command so that reading a dump does not allocate per token.
class ArgList {
 public:
  std::vector<Arg> args;
  std::vector<Piece> pieces;
  std::vector<RefView> refs;

  // Keeps `text` alive until clear() and returns a view of it.
  std::string_view own(std::string text);
  void clear();

  std::span<const Piece> pieces_of(const Arg& arg) const {
    return std::span<const Piece>(pieces).subspan(arg.piece_begin, arg.piece_count);
  }

 private:
  std::deque<std::string> owned_;
};

// Where the characters [begin, end) of `arg.text` were written: the view in the file and the
// references that brought them, when they were written in one place; otherwise the word as
// written in the command.
struct Origin {
  std::string_view source;
  std::vector<RefView> via;
};
Origin origin_of(const ArgList& list, const Arg& arg, size_t begin, size_t end);

}  // namespace fwlint::iptables
