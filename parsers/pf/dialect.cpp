#include "parsers/pf/dialect.h"

#include <algorithm>
#include <compare>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fwlint::pf {

namespace {

// Blanks, and the backslash-newline of a continued line, separate list entries.
bool separator_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\\';
}

// The offset in `text`, which starts at `start`, of the position (line, column).
std::optional<size_t> offset_in(std::string_view text, const SourceSpan& start, uint32_t line,
                                uint32_t column) {
  if (line < start.line || (line == start.line && column < start.column)) return std::nullopt;
  size_t offset = 0;
  uint32_t first_column = start.column;
  for (uint32_t current = start.line; current < line; ++current) {
    size_t newline = text.find('\n', offset);
    if (newline == std::string_view::npos) return std::nullopt;
    offset = newline + 1;
    first_column = 1;
  }
  size_t result = offset + (column - first_column);
  if (result > text.size()) return std::nullopt;
  return result;
}

// The bytes [begin, end) of `text` (which starts at `start`) that `span` covers.
std::optional<std::pair<size_t, size_t>> range_in(std::string_view text, const SourceSpan& start,
                                                  const SourceSpan& span) {
  if (!span.valid() || span.file != start.file) return std::nullopt;
  auto begin = offset_in(text, start, span.line, span.column);
  auto end = offset_in(text, start, span.end_line, span.end_column);
  if (!begin || !end || *end < *begin) return std::nullopt;
  return std::pair{*begin, *end};
}

std::string squeezed(std::string_view text) {
  std::string result;
  for (char c : text) {
    if (!separator_blank(c)) result += c;
  }
  return result;
}

std::string interval_text(const PortInterval& interval) {
  if (interval.low == interval.high) return std::to_string(interval.low);
  return std::to_string(interval.low) + ":" + std::to_string(interval.high);
}

// The parts of `interval` that `keep` (sorted, disjoint) keeps.
std::vector<PortInterval> kept_parts(const PortInterval& interval,
                                     std::span<const PortInterval> keep) {
  std::vector<PortInterval> parts;
  auto first = std::lower_bound(keep.begin(), keep.end(), interval.low,
                                [](const PortInterval& k, uint16_t low) { return k.high < low; });
  for (auto it = first; it != keep.end() && it->low <= interval.high; ++it) {
    parts.push_back({std::max(it->low, interval.low), std::min(it->high, interval.high)});
  }
  return parts;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (const std::string& item : items) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

// The ports written as a literal value: `22`, `600:657`, `{ 22 600:657 }`.
std::string literal(std::span<const PortInterval> keep, bool negated) {
  if (negated && keep.size() == 1) {
    const PortInterval& only = keep.front();
    if (only.low == only.high) return "!= " + std::to_string(only.low);
    return std::to_string(only.low) + " <> " + std::to_string(only.high);
  }
  std::vector<std::string> items;
  for (const PortInterval& interval : keep) items.push_back(interval_text(interval));
  return items.size() == 1 ? items.front() : "{ " + join(items, " ") + " }";
}

// One written entry: the tokens that share a span (`600 <> 700` gives two intervals).
struct Entry {
  const Reference* home;  // the macro whose definition holds it, or null for the rule itself
  SourceSpan span;
  std::string text;
  std::vector<PortInterval> intervals;
};

bool same_home(const Reference* a, const Reference* b) {
  if (a == nullptr || b == nullptr) return a == b;
  return a->definition_span == b->definition_span;
}

bool covered(const PortInterval& interval, std::span<const PortInterval> keep) {
  auto it = std::lower_bound(keep.begin(), keep.end(), interval.low,
                             [](const PortInterval& k, uint16_t low) { return k.high < low; });
  return it != keep.end() && it->low <= interval.low && interval.high <= it->high;
}

// Where an entry is written: the macro definition that holds it (none for the rule itself) and
// its own span.
struct EntryKey {
  uint32_t definition_file, definition_line, definition_column;
  uint32_t file, line, column, end_line, end_column;
  friend auto operator<=>(const EntryKey&, const EntryKey&) = default;
};

EntryKey key_of(const PortToken& token) {
  SourceSpan definition = token.via.empty() ? SourceSpan{} : token.via.back().definition_span;
  const SourceSpan& span = token.span;
  return {definition.file, definition.line, definition.column, span.file,
          span.line,       span.column,     span.end_line,     span.end_column};
}

// The entries that `keep` does not cover entirely, each with all its intervals. One pass with a
// binary search per token: every finding on a large list asks for this again.
std::vector<Entry> changed_entries(const PortSet& ports, std::span<const PortInterval> keep) {
  std::vector<EntryKey> keys;
  for (const PortToken& token : ports.tokens) {
    if (!covered(token.interval, keep)) keys.push_back(key_of(token));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<Entry> entries(keys.size());
  for (const PortToken& token : ports.tokens) {
    auto it = std::lower_bound(keys.begin(), keys.end(), key_of(token));
    if (it == keys.end() || !(*it == key_of(token))) continue;
    Entry& entry = entries[static_cast<size_t>(it - keys.begin())];
    if (entry.intervals.empty()) {
      entry = {token.via.empty() ? nullptr : &token.via.back(), token.span, token.text, {}};
    }
    if (std::find(entry.intervals.begin(), entry.intervals.end(), token.interval) ==
        entry.intervals.end()) {
      entry.intervals.push_back(token.interval);
    }
  }
  return entries;
}

// The range to delete for an entry at [begin, end), with one separator next to it.
std::pair<size_t, size_t> removal_range(std::string_view text, size_t begin, size_t end) {
  size_t after = end;
  while (after < text.size() && separator_blank(text[after])) ++after;
  if (after < text.size() && text[after] == ',') {
    ++after;
    while (after < text.size() && separator_blank(text[after])) ++after;
    return {begin, after};
  }
  size_t before = begin;
  while (before > 0 && separator_blank(text[before - 1])) --before;
  if (before > 0 && text[before - 1] == ',') {
    --before;
    while (before > 0 && separator_blank(text[before - 1])) --before;
    return {before, end};
  }
  bool first_entry =
      before == 0 || std::string_view("{\"'=(").find(text[before - 1]) != std::string_view::npos;
  if (!first_entry) return {before, end};
  while (end < text.size() && separator_blank(text[end])) ++end;
  return {begin, end};
}

// `text` (starting at `start`) with the affected entries rewritten; nullopt when an entry's
// span does not hold its text there (an operator written outside a macro, a quoted port).
std::optional<std::string> rewrite(std::string_view text, const SourceSpan& start,
                                   const std::vector<const Entry*>& changes,
                                   std::span<const PortInterval> keep) {
  struct Splice {
    size_t begin;
    size_t end;
    std::vector<std::string> pieces;  // none: the entry goes, with one separator
  };
  std::string_view separator = text.find(',') != std::string_view::npos ? ", " : " ";
  bool braced = text.find('{') != std::string_view::npos;
  std::vector<Splice> splices;
  for (const Entry* entry : changes) {
    auto range = range_in(text, start, entry->span);
    if (!range) return std::nullopt;
    auto [begin, end] = *range;
    if (squeezed(text.substr(begin, end - begin)) != squeezed(entry->text)) return std::nullopt;
    Splice splice{begin, end, {}};
    for (const PortInterval& interval : entry->intervals) {
      for (const PortInterval& part : kept_parts(interval, keep)) {
        splice.pieces.push_back(interval_text(part));
      }
    }
    splices.push_back(std::move(splice));
  }
  // From the right, so that each removal sees the separators the ones after it left.
  std::sort(splices.begin(), splices.end(),
            [](const Splice& a, const Splice& b) { return a.begin > b.begin; });
  std::string result(text);
  size_t limit = result.size();
  for (const Splice& splice : splices) {
    if (splice.end > limit) return std::nullopt;  // overlapping entries
    limit = splice.begin;
    if (splice.pieces.empty()) {
      auto [from, to] = removal_range(result, splice.begin, splice.end);
      result.erase(from, to - from);
      continue;
    }
    std::string replacement = join(splice.pieces, separator);
    if (splice.pieces.size() > 1 && !braced) replacement = "{ " + replacement + " }";
    result.replace(splice.begin, splice.end - splice.begin, replacement);
  }
  return result;
}

// Whether a macro definition still has a value once rewritten.
bool has_value(std::string_view definition) {
  size_t equals = definition.find('=');
  if (equals == std::string_view::npos) return false;
  for (char c : definition.substr(equals + 1)) {
    if (!separator_blank(c) && std::string_view("\"'{},").find(c) == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// The statement on one line: continuations and line breaks become single blanks.
std::string one_line(std::string_view text) {
  std::string result;
  bool pending_blank = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool joins = c == '\\' && i + 1 < text.size() && (text[i + 1] == '\n' || text[i + 1] == '\r');
    if (joins || c == '\n' || c == '\r' || ((c == ' ' || c == '\t') && pending_blank)) {
      pending_blank = true;
      continue;
    }
    if (pending_blank && !result.empty() && result.back() != ' ') result += ' ';
    pending_blank = false;
    result += c;
  }
  return result;
}

class PfDialect : public Dialect {
 public:
  PortEdit rewrite_ports(const Rule& rule, const PortSet& ports,
                         std::span<const PortInterval> keep) const override {
    PortEdit fallback{ports.value_span, literal(keep, ports.negated)};
    if (ports.negated) return fallback;
    std::vector<Entry> entries = changed_entries(ports, keep);
    std::vector<const Entry*> changes;
    for (const Entry& entry : entries) changes.push_back(&entry);
    if (changes.empty()) return fallback;
    const Reference* home = changes.front()->home;
    for (const Entry* entry : changes) {
      if (!same_home(entry->home, home)) return fallback;
    }
    if (home != nullptr) {
      auto definition = rewrite(home->definition, home->definition_span, changes, keep);
      if (definition && has_value(*definition)) return {home->definition_span, *definition};
      return without_reference(rule, ports, *home, fallback);
    }
    auto value = range_in(rule.text, rule.span, ports.value_span);
    if (!value) return fallback;
    std::string_view text = rule.text.substr(value->first, value->second - value->first);
    auto rewritten = rewrite(text, ports.value_span, changes, keep);
    return rewritten ? PortEdit{ports.value_span, *rewritten} : fallback;
  }

  std::string delete_rule(const Rule& rule) const override {
    std::string lines =
        rule.span.end_line > rule.span.line
            ? "lines " + std::to_string(rule.span.line) + "-" + std::to_string(rule.span.end_line)
            : "line " + std::to_string(rule.span.line);
    return "delete " + lines + ": `" + one_line(rule.text) + "`";
  }

  std::string restrict_transports(const Rule& rule, TransportSet keep) const override {
    std::vector<std::string> names;
    for (Transport t : kAllTransports) {
      if (keep.contains(t)) names.emplace_back(transport_name(t));
    }
    std::string protocol = names.size() == 1 ? names.front() : "{ " + join(names, " ") + " }";
    std::string text(rule.text);
    if (auto range = range_in(rule.text, rule.span, rule.protocol_span)) {
      text.replace(range->first, range->second - range->first, protocol);
      return one_line(text);
    }
    return "add `proto " + protocol + "` to `" + one_line(text) + "`";
  }

 private:
  // The macro would be left empty: take its reference out of the rule's list instead.
  static PortEdit without_reference(const Rule& rule, const PortSet& ports, const Reference& home,
                                    const PortEdit& fallback) {
    auto value = range_in(rule.text, rule.span, ports.value_span);
    if (!value) return fallback;
    std::string_view text = rule.text.substr(value->first, value->second - value->first);
    auto reference = range_in(text, ports.value_span, home.span);
    if (!reference || text.find('{') == std::string_view::npos) return fallback;
    auto [begin, end] = removal_range(text, reference->first, reference->second);
    std::string rewritten(text);
    rewritten.erase(begin, end - begin);
    return {ports.value_span, rewritten};
  }
};

}  // namespace

const Dialect& dialect() {
  static const PfDialect instance;
  return instance;
}

}  // namespace fwlint::pf
