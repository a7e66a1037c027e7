#include "parsers/windows/csv_reader.h"

namespace fwlint::windows {

std::string CsvField::value() const {
  if (!escaped) return std::string(inner);
  std::string out;
  out.reserve(inner.size());
  for (size_t i = 0; i < inner.size(); ++i) {
    out += inner[i];
    if (inner[i] == '"' && i + 1 < inner.size() && inner[i + 1] == '"') ++i;
  }
  return out;
}

bool CsvReader::next(CsvRecord& record) {
  while (position_ < text_.size() && (text_[position_] == '\r' || text_[position_] == '\n')) {
    ++position_;
  }
  if (position_ >= text_.size()) return false;
  record.fields.clear();
  record.error.reset();
  size_t begin = position_;
  size_t i = position_;
  while (true) {
    CsvField field;
    size_t field_begin = i;
    if (i < text_.size() && text_[i] == '"') {
      field.quoted = true;
      size_t j = i + 1;
      while (j < text_.size()) {
        if (text_[j] == '"' && j + 1 < text_.size() && text_[j + 1] == '"') {
          field.escaped = true;
          j += 2;
        } else if (text_[j] == '"') {
          break;
        } else {
          ++j;
        }
      }
      if (j >= text_.size()) {
        record.error = CsvError{i, "this quote is never closed"};
        field.inner = text_.substr(i + 1);
        i = text_.size();
      } else {
        field.inner = text_.substr(i + 1, j - i - 1);
        i = j + 1;
        size_t stray = i;
        while (i < text_.size() && text_[i] != delimiter_ && text_[i] != '\n' && text_[i] != '\r') {
          ++i;
        }
        if (i > stray && !record.error)
          record.error = CsvError{stray, "text after a closing quote"};
      }
    } else {
      while (i < text_.size() && text_[i] != delimiter_ && text_[i] != '\n' && text_[i] != '\r') {
        ++i;
      }
      field.inner = text_.substr(field_begin, i - field_begin);
    }
    field.written = text_.substr(field_begin, i - field_begin);
    record.fields.push_back(field);
    if (i < text_.size() && text_[i] == delimiter_) {
      ++i;
      continue;
    }
    break;
  }
  record.text = text_.substr(begin, i - begin);
  if (i < text_.size() && text_[i] == '\r') ++i;
  if (i < text_.size() && text_[i] == '\n') ++i;
  position_ = i;
  return true;
}

char detect_delimiter(std::string_view header_line) {
  size_t semicolons = 0;
  size_t commas = 0;
  bool quoted = false;
  for (char c : header_line) {
    if (c == '"') quoted = !quoted;
    if (!quoted && c == ';') ++semicolons;
    if (!quoted && c == ',') ++commas;
  }
  return semicolons > commas ? ';' : ',';
}

}  // namespace fwlint::windows
