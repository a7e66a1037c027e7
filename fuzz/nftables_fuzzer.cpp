// libFuzzer target: nftables text and nft -j JSON.
#include "fuzz/fuzz_front_ends.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fwlint::fuzz_front_ends(data, size, {fwlint::Format::kNftables, fwlint::Format::kNftablesJson});
  return 0;
}
