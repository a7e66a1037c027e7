#include "parsers/iptables/restore_lexer.h"

#include <string>

namespace fwlint::iptables {

namespace {

bool blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Collects the runs of one word. Most words are a single run and need no copy.
class WordBuilder {
 public:
  explicit WordBuilder(ArgList& out) : out_(out) {}

  void start(const char* at) {
    word_begin_ = at;
    first_piece_ = static_cast<uint32_t>(out_.pieces.size());
    length_ = 0;
    quoted_ = false;
  }
  void add_run(const char* begin, const char* end) {
    if (begin == end) return;
    out_.pieces.push_back({length_, std::string_view(begin, static_cast<size_t>(end - begin))});
    length_ += static_cast<uint32_t>(end - begin);
  }
  void mark_quoted() { quoted_ = true; }

  void finish(const char* word_end) {
    Arg arg;
    arg.raw = std::string_view(word_begin_, static_cast<size_t>(word_end - word_begin_));
    arg.quoted = quoted_;
    arg.piece_begin = first_piece_;
    arg.piece_count = static_cast<uint32_t>(out_.pieces.size()) - first_piece_;
    if (arg.piece_count == 1) {
      arg.text = out_.pieces[first_piece_].source;
    } else if (arg.piece_count > 1) {
      std::string text;
      text.reserve(length_);
      for (uint32_t i = first_piece_; i < out_.pieces.size(); ++i) {
        text += out_.pieces[i].source;
      }
      arg.text = out_.own(std::move(text));
    }
    out_.args.push_back(arg);
  }

 private:
  ArgList& out_;
  const char* word_begin_ = nullptr;
  uint32_t first_piece_ = 0;
  uint32_t length_ = 0;
  bool quoted_ = false;
};

}  // namespace

std::string_view split_restore_line(std::string_view line, ArgList& out) {
  const char* p = line.data();
  const char* end = p + line.size();
  WordBuilder word(out);
  std::string_view unterminated;
  while (p < end) {
    while (p < end && blank(*p)) ++p;
    if (p == end) break;
    word.start(p);
    const char* run = p;
    while (p < end && !blank(*p)) {
      char c = *p;
      if (c != '"' && c != '\'') {
        ++p;
        continue;
      }
      word.add_run(run, p);
      word.mark_quoted();
      const char* open = p++;
      run = p;
      while (p < end && *p != c) {
        if (c == '"' && *p == '\\' && p + 1 < end) {
          word.add_run(run, p);
          run = ++p;  // the escaped character starts the next run
        }
        ++p;
      }
      word.add_run(run, p);
      if (p == end) {
        unterminated = std::string_view(open, 1);
        run = p;
        break;
      }
      run = ++p;
    }
    word.add_run(run, p);
    word.finish(p);
  }
  return unterminated;
}

}  // namespace fwlint::iptables
