#include "linter/glob.h"

namespace fwlint {

std::string glob_to_regex(std::string_view glob) {
  std::string regex;
  for (size_t i = 0; i < glob.size(); ++i) {
    char c = glob[i];
    if (c == '*' && i + 1 < glob.size() && glob[i + 1] == '*') {
      bool slash_follows = i + 2 < glob.size() && glob[i + 2] == '/';
      regex += slash_follows ? "(?:.*/)?" : ".*";
      i += slash_follows ? 2 : 1;
    } else if (c == '*') {
      regex += "[^/]*";
    } else if (c == '?') {
      regex += "[^/]";
    } else if (c == '[') {
      size_t close = glob.find(']', i + 1);
      if (close == std::string_view::npos) {
        regex += "\\[";
        continue;
      }
      std::string_view body = glob.substr(i + 1, close - i - 1);
      regex += '[';
      if (!body.empty() && body.front() == '!') {
        regex += '^';
        body.remove_prefix(1);
      }
      for (char member : body) {
        if (member == '\\' || member == ']' || member == '[') regex += '\\';
        regex += member;
      }
      regex += ']';
      i = close;
    } else {
      regex += RE2::QuoteMeta(std::string_view(&c, 1));
    }
  }
  return regex;
}

std::shared_ptr<const re2::RE2> compile_glob(std::string_view glob, std::string& error) {
  RE2::Options options;
  options.set_log_errors(false);
  auto pattern = std::make_shared<const re2::RE2>(glob_to_regex(glob), options);
  if (!pattern->ok()) {
    error = pattern->error();
    return nullptr;
  }
  return pattern;
}

}  // namespace fwlint
