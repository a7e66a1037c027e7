#include "linter/source.h"

#include <algorithm>
#include <stdexcept>

namespace fwlint {

SourceFile::SourceFile(uint32_t index, std::string path, std::string content)
    : index_(index), path_(std::move(path)), content_(std::move(content)) {
  line_starts_.push_back(0);
  for (size_t i = content_.find('\n'); i != std::string::npos && i + 1 < content_.size();
       i = content_.find('\n', i + 1)) {
    line_starts_.push_back(i + 1);
  }
}

std::string_view SourceFile::line_text(uint32_t line) const {
  if (line == 0 || line > line_count()) return {};
  size_t begin = line_starts_[line - 1];
  size_t end = line < line_count() ? line_starts_[line] : content_.size();
  std::string_view text(content_.data() + begin, end - begin);
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

size_t SourceFile::line_index(size_t offset) const {
  auto holds = [&](size_t line) {
    return line_starts_[line] <= offset &&
           (line + 1 == line_starts_.size() || offset < line_starts_[line + 1]);
  };
  size_t hint = line_hint_.load(std::memory_order_relaxed);
  if (hint < line_starts_.size() && holds(hint)) return hint;
  if (hint + 1 < line_starts_.size() && holds(hint + 1)) {
    line_hint_.store(hint + 1, std::memory_order_relaxed);
    return hint + 1;
  }
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(it - line_starts_.begin()) - 1;
  line_hint_.store(line, std::memory_order_relaxed);
  return line;
}

SourceSpan SourceFile::span(size_t begin, size_t end) const {
  auto position = [this](size_t offset) {
    size_t line = line_index(offset);
    return std::pair{static_cast<uint32_t>(line + 1),
                     static_cast<uint32_t>(offset - line_starts_[line] + 1)};
  };
  auto [line, column] = position(begin);
  auto [end_line, end_column] = position(std::max(begin, end));
  return {index_, line, column, end_line, end_column};
}

SourceSpan SourceFile::span(std::string_view inside) const {
  size_t begin = static_cast<size_t>(inside.data() - content_.data());
  return span(begin, begin + inside.size());
}

size_t SourceFile::offset(uint32_t line, uint32_t column) const {
  if (line == 0 || line > line_count()) return content_.size();
  return std::min(content_.size(), line_starts_[line - 1] + column - 1);
}

std::string_view SourceFile::text(const SourceSpan& span) const {
  if (!span.valid()) return {};
  size_t begin = offset(span.line, span.column);
  size_t end = offset(span.end_line, span.end_column);
  return std::string_view(content_).substr(begin, end > begin ? end - begin : 0);
}

const SourceFile& SourceManager::add(std::string path, std::string content) {
  std::lock_guard lock(mutex_);
  auto index = static_cast<uint32_t>(files_.size());
  files_.push_back(std::make_unique<SourceFile>(index, std::move(path), std::move(content)));
  return *files_.back();
}

const SourceFile& SourceManager::file(uint32_t index) const {
  std::lock_guard lock(mutex_);
  if (index >= files_.size()) throw std::out_of_range("no source file with that index");
  return *files_[index];
}

size_t SourceManager::size() const {
  std::lock_guard lock(mutex_);
  return files_.size();
}

}  // namespace fwlint
