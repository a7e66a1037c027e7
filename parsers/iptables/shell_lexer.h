// A small POSIX-shell lexer, enough to find the iptables commands of a firewall script: simple
// commands split at newlines, `;`, `&&`, `||`, `|`, `&` and parentheses, words with their quoting
// and `$` expansions, backslash-newline continuations, comments, redirections and here-documents
// dropped. It never executes anything.
#pragma once

#include <string_view>
#include <vector>

#include "linter/finding.h"
#include "linter/source.h"

namespace fwlint::iptables {

struct WordPart {
  enum class Kind : uint8_t {
    kLiteral,   // characters as they are (quotes and escaping backslashes removed)
    kVariable,  // $NAME or ${NAME}
    kOpaque,    // anything whose value the script computes: $(…), `…`, $1, $@, ${X:-…}
  };
  Kind kind = Kind::kLiteral;
  std::string_view text;  // the characters (literal) or the expansion as written
  std::string_view name;  // kVariable: NAME
  bool quoted = false;    // inside double quotes: not split into several words
};

struct Word {
  std::string_view raw;  // as written, quotes included
  std::vector<WordPart> parts;
  bool quoted = false;  // has a quoted part
};

struct ShellCommand {
  std::vector<Word> words;
  std::string_view text;  // from the first word to the end of the last one
};

// The simple commands of `file`, in order. An unterminated quote is reported as FW1001 and ends
// at the end of its line.
std::vector<ShellCommand> lex_shell(const SourceFile& file, std::vector<Finding>& diagnostics);

}  // namespace fwlint::iptables
