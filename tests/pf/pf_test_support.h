// Parsing pf.conf text or files in the pf tests, and reading back what the parser made.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "linter/model.h"
#include "parsers/parser.h"

namespace fwlint::pf_testing {

struct FromFile {
  std::filesystem::path path;
};

class Parsed {
 public:
  // Parses `text` as the file `path`; included files are read from disk relative to it.
  explicit Parsed(std::string text, std::string path = "pf.conf");
  // Parses a file from disk.
  explicit Parsed(const FromFile& file);

  const ParseResult& result() const { return result_; }
  const Ruleset& ruleset() const { return result_.ruleset; }
  const SourceManager& sources() const { return sources_; }

  // Every rule, table by table, chain by chain, in evaluation order.
  std::vector<const Rule*> rules() const;
  const Rule& rule(size_t index) const;
  // Every rule in the order it is written (file, line, column).
  std::vector<const Rule*> rules_as_written() const;
  // "LINE:COLUMN FWnnnn" for each diagnostic, in the order reported.
  std::vector<std::string> diagnostics() const;
  // Every diagnostic with its file, position and message, one per line: for failure output.
  std::string describe() const;
  // The text a span covers, in whichever file it points into.
  std::string text(const SourceSpan& span) const;

 private:
  void parse(const SourceFile& file);

  SourceManager sources_;
  ParseResult result_;
};

// A scratch directory for include tests, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

}  // namespace fwlint::pf_testing
