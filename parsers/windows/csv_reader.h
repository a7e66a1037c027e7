// RFC 4180 records as PowerShell's Export-Csv writes them: `,` or `;` delimited, fields quoted or
// not, `""` for a quote inside a quoted field, quoted fields may span lines.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fwlint::windows {

struct CsvField {
  std::string_view written;  // as in the file, quotes included
  std::string_view inner;    // without the surrounding quotes
  bool quoted = false;
  bool escaped = false;  // contains `""`: `inner` is not the value itself

  std::string value() const;  // the unescaped content
};

struct CsvError {
  size_t offset;  // into the text
  std::string_view message;
};

struct CsvRecord {
  std::string_view text;  // the record as written, without its line terminator
  std::vector<CsvField> fields;
  std::optional<CsvError> error;  // an unclosed quote, or text after a closing one
};

class CsvReader {
 public:
  // Reads `text` from `start` on.
  CsvReader(std::string_view text, char delimiter, size_t start)
      : text_(text), delimiter_(delimiter), position_(start) {}
  // Reads the next record, skipping blank lines; false at the end of the text.
  bool next(CsvRecord& record);

 private:
  std::string_view text_;
  char delimiter_;
  size_t position_;
};

// `;` when the header line has more semicolons than commas outside quotes, else `,`.
char detect_delimiter(std::string_view header_line);

}  // namespace fwlint::windows
