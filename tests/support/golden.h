// Golden-file helpers: compare produced text with a committed expectation; UPDATE_GOLDEN=1
// rewrites the expectation instead (review the diff before committing it).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fwlint::testing {

std::string read_text(const std::filesystem::path& path);
::testing::AssertionResult matches_golden(const std::filesystem::path& expected_file,
                                          const std::string& actual);
// Fixture files in `directory` (recursively), skipping `.expected` files, sorted.
std::vector<std::filesystem::path> fixtures_in(const std::filesystem::path& directory);
// The shared material (../shared), or empty when it is absent.
std::filesystem::path shared_dir();
std::filesystem::path source_dir();

}  // namespace fwlint::testing
