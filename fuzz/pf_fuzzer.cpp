// libFuzzer target: pf.conf.
#include "fuzz/fuzz_front_ends.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fwlint::fuzz_front_ends(data, size, {fwlint::Format::kPf});
  return 0;
}
