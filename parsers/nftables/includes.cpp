#include "parsers/nftables/includes.h"

#include <glob.h>

#include <algorithm>
#include <filesystem>

namespace fwlint::nft {

namespace fs = std::filesystem;

namespace {

bool has_wildcard(std::string_view name) {
  return name.find_first_of("*?[") != std::string_view::npos;
}

std::vector<std::string> expand_wildcard(const std::string& pattern) {
  std::vector<std::string> paths;
  glob_t matches{};
  if (glob(pattern.c_str(), 0, nullptr, &matches) == 0) {
    for (size_t i = 0; i < matches.gl_pathc; ++i) {
      std::error_code error;
      if (fs::is_regular_file(matches.gl_pathv[i], error)) paths.emplace_back(matches.gl_pathv[i]);
    }
  }
  globfree(&matches);
  return paths;
}

std::vector<std::string> directory_files(const fs::path& directory) {
  std::vector<std::string> paths;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory, error)) {
    if (entry.path().filename().string().starts_with(".")) continue;
    if (entry.is_regular_file(error)) paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

IncludeFiles resolve_include(std::string_view name, std::string_view including_path) {
  fs::path written{std::string(name)};
  std::vector<fs::path> candidates;
  if (written.is_absolute()) {
    candidates.push_back(written);
  } else {
    candidates.push_back(
        (fs::path(std::string(including_path)).parent_path() / written).lexically_normal());
    fs::path from_working_directory = written.lexically_normal();
    if ((name.starts_with("./") || name.starts_with("../")) &&
        from_working_directory != candidates.front()) {
      candidates.push_back(from_working_directory);
    }
  }
  IncludeFiles files;
  if (has_wildcard(name)) {
    for (const fs::path& candidate : candidates) {
      files.paths = expand_wildcard(candidate.string());
      if (!files.paths.empty()) break;
    }
    return files;
  }
  for (const fs::path& candidate : candidates) {
    std::error_code error;
    if (fs::is_directory(candidate, error)) {
      files.paths = directory_files(candidate);
      return files;
    }
    if (fs::exists(candidate, error)) {
      files.paths.push_back(candidate.string());
      return files;
    }
  }
  for (const fs::path& candidate : candidates) {
    files.missing += (files.missing.empty() ? "" : " or ") + candidate.string();
  }
  return files;
}

std::string file_identity(std::string_view path) {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(fs::path(std::string(path)), error);
  return error ? std::string(path) : canonical.string();
}

}  // namespace fwlint::nft
