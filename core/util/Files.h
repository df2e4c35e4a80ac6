#pragma once
// Small file helpers: whole-file reads with clear errors, and atomic writes
// (temporary name in the same folder, flush + fsync, rename).
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ptl {

std::string readTextFile(const std::filesystem::path& path);
std::vector<std::uint8_t> readBinaryFile(const std::filesystem::path& path);

// Writes bytes to path atomically: readers see the old file or the new one, never half.
void writeFileAtomic(const std::filesystem::path& path, std::string_view bytes);

} // namespace ptl
