// Which files an nft `include "…"` reads. nft itself looks bare names up in its include path
// (`-I`, /etc by default) and `./…` in the working directory; a linter reads a configuration away
// from the machine it was written for, so a relative name is looked up beside the including file
// first, and a `./` or `../` name then in the working directory too. Wildcards (`dir/*.nft`) and
// directories expand to their files in alphabetical order, hidden files left out; a wildcard
// that matches nothing is not an error, as in nft.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fwlint::nft {

struct IncludeFiles {
  std::vector<std::string> paths;  // to read, in order
  std::string missing;             // set when a plain name matched no file: what was looked for
};

IncludeFiles resolve_include(std::string_view name, std::string_view including_path);

// A key that is the same for every path naming one file (for finding include cycles).
std::string file_identity(std::string_view path);

}  // namespace fwlint::nft
