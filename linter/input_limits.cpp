#include "linter/input_limits.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace fwlint {

namespace {

std::string too_large_message(const InputLimits& limits) {
  return "is larger than the limit of " + format_byte_count(limits.max_file_size) +
         " (--max-file-size)";
}

// Reads until end of file or until more than the limit has arrived.
FileContent read_bounded(int fd, const InputLimits& limits, uint64_t size_hint) {
  FileContent result;
  std::string content;
  uint64_t cap = limits.max_file_size + 1;
  content.resize(static_cast<size_t>(std::min<uint64_t>(size_hint + 1, cap)));
  size_t used = 0;
  while (used < cap) {
    if (used == content.size()) {
      content.resize(
          static_cast<size_t>(std::min<uint64_t>(std::max<size_t>(used * 2, 65536), cap)));
    }
    ssize_t got = ::read(fd, content.data() + used, content.size() - used);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      result.error = std::string("read failed: ") + std::strerror(errno);
      return result;
    }
    if (got == 0) break;
    used += static_cast<size_t>(got);
  }
  if (used > limits.max_file_size) {
    result.error = too_large_message(limits);
    result.too_large = true;
    return result;
  }
  content.resize(used);
  result.content = std::move(content);
  return result;
}

}  // namespace

FileContent read_regular_file(const std::string& path, const InputLimits& limits) {
  FileContent result;
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below anyway.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    result.error = errno == ENOENT ? "no such file" : std::strerror(errno);
    if (errno == EACCES) result.error = "cannot be opened: permission denied";
    return result;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    result.error = std::string("cannot be examined: ") + std::strerror(errno);
  } else if (S_ISDIR(info.st_mode)) {
    result.error = "is a directory";
  } else if (!S_ISREG(info.st_mode)) {
    result.error = "is not a regular file (a device, FIFO or socket)";
  } else if (static_cast<uint64_t>(info.st_size) > limits.max_file_size) {
    result.error = too_large_message(limits);
    result.too_large = true;
  } else {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    result = read_bounded(fd, limits, static_cast<uint64_t>(info.st_size));
  }
  ::close(fd);
  return result;
}

FileContent read_standard_input(const InputLimits& limits) {
  return read_bounded(STDIN_FILENO, limits, 0);
}

uint32_t first_overlong_line(const SourceFile& file, const InputLimits& limits) {
  std::string_view content = file.content();
  size_t start = 0;
  for (uint32_t line = 1; start <= content.size(); ++line) {
    size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    if (end - start > limits.max_line_length) return line;
    start = end + 1;
  }
  return 0;
}

std::string format_byte_count(uint64_t bytes) {
  if (bytes >= (uint64_t{1} << 20) && bytes % (uint64_t{1} << 20) == 0) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace fwlint
