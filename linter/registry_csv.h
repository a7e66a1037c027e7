// RFC 4180 CSV, and the table of removed IANA assignments (iana-removed-ports.csv) read with it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linter/ports.h"

namespace fwlint {

struct CsvField {
  std::string text;  // unquoted, "" turned into "
  uint32_t line = 0;
  uint32_t column = 0;  // 1-based, in bytes, where the field starts
};
using CsvRecord = std::vector<CsvField>;

// Splits RFC 4180 text: fields separated by commas, records by CRLF or LF; a quoted field may
// hold commas, line breaks and "" for one quote. Blank lines are skipped. Throws ConfigError
// "source:line:column: message" on an unterminated quoted field, a quote inside an unquoted
// field, or text after a closing quote.
std::vector<CsvRecord> parse_csv(std::string_view text, std::string_view source_name);

// One removed assignment for one transport.
struct RemovalRow {
  PortInterval ports;
  Transport transport = Transport::kTcp;
  std::string former_name{};
  std::string removed_on{};  // "2025-02-13", "2007-09", "A/B", "../B"
  std::string kind{};        // "removed", "deregistered", "deprecated", "reserved-after-removal"
  std::string iana_wording{};
  std::string evidence{};
  uint32_t line = 0;  // of the row in the CSV, for messages
};

// Reads the removals table. Columns are found by their header name (port_low, port_high,
// protocol, former_name, removed_on, kind, iana_wording, evidence); others are ignored. An empty
// protocol means the record names none, which IANA uses for TCP and UDP: it yields a tcp and a
// udp row. Throws ConfigError "source:line:column: message" on a missing column or a bad value.
std::vector<RemovalRow> parse_removals_csv(std::string_view text, std::string_view source_name);

}  // namespace fwlint
