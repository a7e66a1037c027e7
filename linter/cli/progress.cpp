#include "linter/cli/progress.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace fwlint {

namespace {
constexpr auto kQuietPeriod = std::chrono::seconds(1);
constexpr auto kRedrawEvery = std::chrono::milliseconds(200);
}  // namespace

bool Progress::wanted() {
  const char* term = std::getenv("TERM");
  return isatty(STDERR_FILENO) && std::getenv("CI") == nullptr &&
         !(term != nullptr && std::string_view(term) == "dumb");
}

Progress::Progress(size_t inputs) : inputs_(inputs), drawer_([this] { draw_until_stopped(); }) {}

Progress::~Progress() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  stop_signal_.notify_one();
  drawer_.join();
  if (drawn_) std::fputs("\r\033[K", stderr);
}

void Progress::input_done(const InputOutcome& outcome) {
  rules_ += outcome.rule_count;
  ++files_done_;
}

void Progress::draw_until_stopped() {
  auto start = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  if (stop_signal_.wait_for(lock, kQuietPeriod, [this] { return stop_; })) return;
  do {
    auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start)
            .count();
    std::fprintf(stderr, "\r\033[Kfwlint: %zu/%zu files, %zu rules parsed (%llds)",
                 files_done_.load(), inputs_, rules_.load(), static_cast<long long>(seconds));
    std::fflush(stderr);
    drawn_ = true;
  } while (!stop_signal_.wait_for(lock, kRedrawEvery, [this] { return stop_; }));
}

}  // namespace fwlint
