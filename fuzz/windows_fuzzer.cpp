// libFuzzer target: netsh text, .reg exports and PowerShell CSV and JSON.
#include "fuzz/fuzz_front_ends.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fwlint::fuzz_front_ends(
      data, size,
      {fwlint::Format::kWindowsNetsh, fwlint::Format::kWindowsReg,
       fwlint::Format::kWindowsPowershellCsv, fwlint::Format::kWindowsPowershellJson});
  return 0;
}
