#include "parsers/iptables/shell_expand.h"

namespace fwlint::iptables {

namespace {

bool blank(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}

class Expander {
 public:
  explicit Expander(bool split) : split_(split) {}

  void add(std::string_view source, const std::vector<RefView>& via, bool splittable) {
    if (!split_ || !splittable) {
      append(source, via);
      return;
    }
    size_t begin = 0;
    while (begin < source.size()) {
      if (blank(source[begin])) {
        end_field();
        while (begin < source.size() && blank(source[begin])) ++begin;
        continue;
      }
      size_t end = begin;
      while (end < source.size() && !blank(source[end])) ++end;
      append(source.substr(begin, end - begin), via);
      begin = end;
    }
  }
  // A quoted part makes a field even when it is empty ("").
  void keep_empty() { open_ = true; }

  std::vector<Field> finish() {
    end_field();
    return std::move(fields_);
  }

 private:
  void append(std::string_view source, const std::vector<RefView>& via) {
    open_ = true;
    if (source.empty()) return;
    current_.segments.push_back({source, via});
  }
  void end_field() {
    if (open_) fields_.push_back(std::move(current_));
    current_ = Field();
    open_ = false;
  }

  bool split_;
  bool open_ = false;
  Field current_;
  std::vector<Field> fields_;
};

}  // namespace

std::string Field::text() const {
  std::string text;
  for (const Segment& segment : segments) text += segment.source;
  return text;
}

const Field* Environment::find(std::string_view name) const {
  auto it = variables_.find(name);
  return it == variables_.end() ? nullptr : &it->second;
}

void Environment::assign(std::string_view name, Field value) {
  auto it = variables_.find(name);
  if (it == variables_.end()) {
    variables_.emplace(std::string(name), std::move(value));
  } else {
    it->second = std::move(value);
  }
}

std::vector<Field> expand(std::span<const WordPart> parts, const Environment& environment,
                          bool split, std::string_view* unresolved) {
  Expander expander(split);
  static const std::vector<RefView> kNoVia;
  for (const WordPart& part : parts) {
    if (part.quoted) expander.keep_empty();
    if (part.kind == WordPart::Kind::kLiteral) {
      expander.add(part.text, kNoVia, false);
      continue;
    }
    const Field* value =
        part.kind == WordPart::Kind::kVariable ? environment.find(part.name) : nullptr;
    if (value == nullptr || !value->resolved) {
      if (unresolved != nullptr) *unresolved = part.text;
      Field field;
      field.resolved = false;
      return {std::move(field)};
    }
    for (const Segment& segment : value->segments) {
      std::vector<RefView> via;
      via.reserve(segment.via.size() + 1);
      via.push_back({part.text, value->definition});
      via.insert(via.end(), segment.via.begin(), segment.via.end());
      expander.add(segment.source, via, !part.quoted);
    }
  }
  return expander.finish();
}

void expand_to_args(const Word& word, const Environment& environment, ArgList& out) {
  std::string_view unresolved;
  std::vector<Field> fields = expand(word.parts, environment, true, &unresolved);
  if (!unresolved.empty()) {
    Arg arg;
    arg.text = word.raw;
    arg.raw = word.raw;
    arg.unresolved = unresolved;
    out.args.push_back(arg);
    return;
  }
  for (const Field& field : fields) field_to_arg(field, word, out);
}

void field_to_arg(const Field& field, const Word& word, ArgList& out) {
  Arg arg;
  arg.raw = word.raw;
  arg.quoted = word.quoted;
  arg.piece_begin = static_cast<uint32_t>(out.pieces.size());
  uint32_t offset = 0;
  for (const Segment& segment : field.segments) {
    Piece piece{offset, segment.source, static_cast<uint32_t>(out.refs.size()),
                static_cast<uint32_t>(segment.via.size())};
    out.refs.insert(out.refs.end(), segment.via.begin(), segment.via.end());
    out.pieces.push_back(piece);
    offset += static_cast<uint32_t>(segment.source.size());
  }
  arg.piece_count = static_cast<uint32_t>(field.segments.size());
  arg.text = field.segments.size() == 1 ? field.segments[0].source : out.own(field.text());
  out.args.push_back(arg);
}

}  // namespace fwlint::iptables
