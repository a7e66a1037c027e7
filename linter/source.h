// Source files and exact locations. Every span the model, the checks and the reporters use
// points into a SourceFile owned by a SourceManager that outlives them.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace fwlint {

// 1-based line and column (in bytes); the end is exclusive. A default span is "no location".
struct SourceSpan {
  uint32_t file = 0;
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;

  bool valid() const { return line != 0; }
  friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

// One input: its display path, its bytes and a line index.
class SourceFile {
 public:
  SourceFile(uint32_t index, std::string path, std::string content);

  uint32_t index() const { return index_; }
  const std::string& path() const { return path_; }
  std::string_view content() const { return content_; }

  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  // The text of a 1-based line without its line terminator ("\n" or "\r\n").
  std::string_view line_text(uint32_t line) const;
  // Byte offset of the start of a 1-based line.
  size_t line_offset(uint32_t line) const { return line_starts_.at(line - 1); }

  // The span of bytes [begin, end) of content().
  SourceSpan span(size_t begin, size_t end) const;
  // The span of a view that lies inside content().
  SourceSpan span(std::string_view inside) const;
  // The byte offset of a (line, column) position.
  size_t offset(uint32_t line, uint32_t column) const;
  // The text a single- or multi-line span covers.
  std::string_view text(const SourceSpan& span) const;

 private:
  uint32_t index_;
  std::string path_;
  std::string content_;
  std::vector<size_t> line_starts_;
  // The 0-based line the last span started on: parsers ask for spans in file order, so the
  // next one is nearly always on that line or the next, and a million-line file needs no
  // binary search per token.
  mutable std::atomic<size_t> line_hint_ = 0;

  // The 0-based line holding byte `offset`.
  size_t line_index(size_t offset) const;
};

// Owns every file of a run; indexes are stable and views into files never move.
// add() may be called from several threads.
class SourceManager {
 public:
  const SourceFile& add(std::string path, std::string content);
  const SourceFile& file(uint32_t index) const;
  size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::deque<std::unique_ptr<SourceFile>> files_;
};

}  // namespace fwlint
