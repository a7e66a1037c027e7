#include "linter/registry_csv.h"

#include <array>
#include <charconv>
#include <optional>

#include "linter/registry.h"

namespace fwlint {
namespace {

[[noreturn]] void fail(std::string_view source, uint32_t line, uint32_t column,
                       std::string_view message) {
  throw ConfigError(std::string(source) + ":" + std::to_string(line) + ":" +
                    std::to_string(column) + ": " + std::string(message));
}

[[noreturn]] void bad_field(std::string_view source, const CsvField& field, std::string_view column,
                            std::string_view what) {
  fail(source, field.line, field.column,
       std::string(what) + " \"" + field.text + "\" in column " + std::string(column));
}

bool is_line_break(std::string_view text, size_t i) {
  return text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n');
}

std::optional<uint16_t> parse_port(std::string_view text) {
  unsigned value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value > 65535) return std::nullopt;
  return static_cast<uint16_t>(value);
}

bool is_digits(std::string_view text, size_t count) {
  if (text.size() != count) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Two digits from `low` to `high`.
bool is_number_in(std::string_view text, int low, int high) {
  if (!is_digits(text, 2)) return false;
  const int value = (text[0] - '0') * 10 + (text[1] - '0');
  return low <= value && value <= high;
}

// YYYY-MM-DD or YYYY-MM.
bool is_date(std::string_view text) {
  if (text.size() != 7 && text.size() != 10) return false;
  if (!is_digits(text.substr(0, 4), 4) || text[4] != '-' ||
      !is_number_in(text.substr(5, 2), 1, 12)) {
    return false;
  }
  return text.size() == 7 || (text[7] == '-' && is_number_in(text.substr(8, 2), 1, 31));
}

// A date, an ISO 8601 interval "A/B", or an open start "../B".
bool is_removal_date(std::string_view text) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) return is_date(text);
  const std::string_view start = text.substr(0, slash);
  return (start == ".." || is_date(start)) && is_date(text.substr(slash + 1));
}

constexpr std::array<std::string_view, 4> kKinds = {"removed", "deregistered", "deprecated",
                                                    "reserved-after-removal"};

}  // namespace

std::vector<CsvRecord> parse_csv(std::string_view text, std::string_view source_name) {
  std::vector<CsvRecord> records;
  CsvRecord record;
  uint32_t line = 1;
  size_t line_start = 0;
  size_t i = 0;
  auto column = [&](size_t pos) { return static_cast<uint32_t>(pos - line_start + 1); };
  while (i < text.size()) {
    CsvField field{.text = {}, .line = line, .column = column(i)};
    bool quoted = false;
    if (text[i] == '"') {
      quoted = true;
      const uint32_t open_line = line;
      const uint32_t open_column = column(i);
      ++i;
      for (;;) {
        if (i >= text.size())
          fail(source_name, open_line, open_column, "unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.text += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.text += text[i];
        if (text[i] == '\n') {
          line_start = i + 1;
          ++line;
        }
        ++i;
      }
      if (i < text.size() && text[i] != ',' && !is_line_break(text, i)) {
        fail(source_name, line, column(i),
             "expected a comma or a line break after a closing quote");
      }
    } else {
      const size_t start = i;
      while (i < text.size() && text[i] != ',' && !is_line_break(text, i)) {
        if (text[i] == '"') fail(source_name, line, column(i), "quote inside an unquoted field");
        ++i;
      }
      field.text.assign(text.substr(start, i - start));
    }
    const bool blank_line = record.empty() && !quoted && field.text.empty();
    record.push_back(std::move(field));
    if (i < text.size() && text[i] == ',') {
      ++i;
      // A comma at the very end still opens one last, empty field.
      if (i == text.size())
        record.push_back(CsvField{.text = {}, .line = line, .column = column(i)});
      continue;
    }
    if (i < text.size()) {
      i += text[i] == '\r' ? 2 : 1;
      line_start = i;
      ++line;
    }
    if (!blank_line) records.push_back(std::move(record));
    record.clear();
  }
  if (!record.empty()) records.push_back(std::move(record));
  return records;
}

std::vector<RemovalRow> parse_removals_csv(std::string_view text, std::string_view source_name) {
  const std::vector<CsvRecord> records = parse_csv(text, source_name);
  if (records.empty()) fail(source_name, 1, 1, "empty file: expected a header row");

  enum Column {
    kPortLow,
    kPortHigh,
    kProtocol,
    kFormerName,
    kRemovedOn,
    kKind,
    kWording,
    kEvidence
  };
  constexpr std::array<std::string_view, 8> kNames = {"port_low",     "port_high",  "protocol",
                                                      "former_name",  "removed_on", "kind",
                                                      "iana_wording", "evidence"};
  std::array<size_t, 8> index{};
  for (size_t c = 0; c < kNames.size(); ++c) {
    size_t found = records[0].size();
    for (size_t k = 0; k < records[0].size(); ++k) {
      if (records[0][k].text == kNames[c]) found = k;
    }
    if (found == records[0].size()) {
      fail(source_name, 1, 1, "missing column \"" + std::string(kNames[c]) + "\"");
    }
    index[c] = found;
  }

  std::vector<RemovalRow> rows;
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (record.size() != records[0].size()) {
      fail(source_name, record[0].line, 1,
           "expected " + std::to_string(records[0].size()) + " fields, found " +
               std::to_string(record.size()));
    }
    auto at = [&](Column c) -> const CsvField& { return record[index[c]]; };
    auto bad = [&](Column c, std::string_view what) {
      bad_field(source_name, at(c), kNames[c], what);
    };
    const std::optional<uint16_t> low = parse_port(at(kPortLow).text);
    if (!low) bad(kPortLow, "invalid port");
    const std::optional<uint16_t> high = parse_port(at(kPortHigh).text);
    if (!high || *high < *low) bad(kPortHigh, "invalid port");
    TransportSet transports;
    if (at(kProtocol).text.empty()) {
      transports.add(Transport::kTcp);
      transports.add(Transport::kUdp);
    } else if (std::optional<Transport> t = parse_transport(at(kProtocol).text)) {
      transports.add(*t);
    } else {
      bad(kProtocol, "unknown protocol");
    }
    if (!is_removal_date(at(kRemovedOn).text)) bad(kRemovedOn, "invalid date");
    bool known_kind = false;
    for (std::string_view kind : kKinds) known_kind = known_kind || at(kKind).text == kind;
    if (!known_kind) bad(kKind, "unknown kind");
    if (at(kWording).text.empty()) bad(kWording, "empty wording");

    for (Transport t : kAllTransports) {
      if (!transports.contains(t)) continue;
      rows.push_back(RemovalRow{.ports = {*low, *high},
                                .transport = t,
                                .former_name = at(kFormerName).text,
                                .removed_on = at(kRemovedOn).text,
                                .kind = at(kKind).text,
                                .iana_wording = at(kWording).text,
                                .evidence = at(kEvidence).text,
                                .line = record[0].line});
    }
  }
  return rows;
}

}  // namespace fwlint
