// Progress on stderr for long scans: files done and rules parsed, redrawn in place. Shown only
// when stderr is a terminal and the CI variable is unset, and only once a scan has run for about
// a second, so that quick runs, CI logs and piped output never see it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

#include "linter/engine.h"

namespace fwlint {

class Progress {
 public:
  // Whether this process should show progress at all.
  static bool wanted();

  explicit Progress(size_t inputs);
  ~Progress();  // stops drawing and erases the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void input_done(const InputOutcome& outcome);

 private:
  void draw_until_stopped();

  size_t inputs_;
  std::atomic<size_t> files_done_{0};
  std::atomic<size_t> rules_{0};
  std::mutex mutex_;
  std::condition_variable stop_signal_;
  bool stop_ = false;
  bool drawn_ = false;
  std::thread drawer_;
};

}  // namespace fwlint
