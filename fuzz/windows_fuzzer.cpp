// libFuzzer target: netsh text, .reg exports and PowerShell CSV and JSON.
#include "fuzz/fuzz_front_ends.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fwlint::fuzz_front_ends(data, size,
                          {Format::kWindowsNetsh, Format::kWindowsReg,
                           Format::kWindowsPowershellCsv, Format::kWindowsPowershellJson});
  return 0;
}
