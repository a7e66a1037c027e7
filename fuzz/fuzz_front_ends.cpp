#include "fuzz/fuzz_front_ends.h"

#include <sstream>
#include <string>

#include "linter/engine.h"
#include "linter/fix.h"
#include "linter/text_encoding.h"

namespace fwlint {

void fuzz_front_ends(const uint8_t* data, size_t size, std::initializer_list<Format> formats) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  SourceManager sources;
  const SourceFile& file = sources.add("fuzz.input", to_utf8(std::move(bytes)));
  detect_front_end(file.content(), file.path());
  unsupported_input(file.content());
  Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), {});
  for (const FrontEnd& front_end : front_ends()) {
    bool wanted = false;
    for (Format format : formats) wanted = wanted || format == front_end.format;
    if (!wanted) continue;
    ParseContext context{Registry::builtin()};
    ParseResult parsed = front_end.parse(file, context);
    parsed.ruleset.file = file.index();
    std::vector<Finding> findings = merge_shared_findings(linter.check(parsed.ruleset));
    // The edits --fix and --diff would make: every span they carry must lie inside the file.
    std::ostringstream diff;
    for (const FileFix& fix : plan_fixes(findings, sources)) {
      write_unified_diff(diff, sources.file(fix.file), fix);
    }
  }
}

}  // namespace fwlint
