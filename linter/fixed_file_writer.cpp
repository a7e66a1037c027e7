// write_fixed_file (linter/fix.h): the user's file is replaced whole or not at all.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "linter/fix.h"
#include "linter/text_encoding.h"

namespace fwlint {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error(what + ": " + std::strerror(errno));
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot be read again");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

void write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) fail("cannot be written");
    bytes.remove_prefix(static_cast<size_t>(written));
  }
}

}  // namespace

void write_fixed_file(const SourceFile& file, const FileFix& fix) {
  if (file.path() == "<stdin>") {
    throw std::runtime_error("standard input cannot be fixed in place; use --diff");
  }
  // A link is followed: the configuration it points at is what the user means to fix.
  std::error_code error;
  fs::path target = fs::canonical(file.path(), error);
  if (error) throw std::runtime_error("cannot be found again: " + error.message());
  std::string bytes = read_bytes(target);
  if (to_utf8(bytes) != file.content()) {
    throw std::runtime_error("changed since fwlint read it; left as it is");
  }
  TextEncoding encoding = detect_encoding(bytes);
  if (from_utf8(file.content(), encoding) != bytes) {
    throw std::runtime_error(
        "holds bytes its encoding cannot represent again (an unpaired UTF-16 surrogate); left as "
        "it is");
  }
  struct stat status {};
  if (::stat(target.c_str(), &status) != 0) fail("cannot be examined");

  std::string temporary = target.string() + ".fwlint-XXXXXX";
  int fd = ::mkstemp(temporary.data());
  if (fd < 0) fail("no temporary file can be made beside it");
  try {
    write_all(fd, from_utf8(fix.fixed, encoding));
    if (::fchmod(fd, status.st_mode & 07777) != 0) fail("cannot keep its permissions");
    // Only root may give a file away; anyone else writes a file they own, as an editor would.
    if (::geteuid() == 0 && ::fchown(fd, status.st_uid, status.st_gid) != 0) {
      fail("cannot keep its owner");
    }
    if (::fsync(fd) != 0) fail("cannot be flushed to disk");
    if (::close(fd) != 0) {
      fd = -1;
      fail("cannot be written");
    }
    fd = -1;
    if (::rename(temporary.c_str(), target.c_str()) != 0) fail("cannot be replaced");
  } catch (...) {
    if (fd >= 0) ::close(fd);
    ::unlink(temporary.c_str());
    throw;
  }
}

}  // namespace fwlint
