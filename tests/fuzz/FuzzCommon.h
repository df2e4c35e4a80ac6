#pragma once
// Shared by the libFuzzer targets (tests/fuzz/README.md): a scratch folder of this process
// for readers that take a path, and the rule every target checks. A reader given any
// bytes either returns or throws ptl::Error (a message and a hint); anything else (another
// exception, a crash, a sanitizer report, a hang) is a finding.
#include "core/util/Error.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace ptl::fuzz {

inline const std::filesystem::path& scratch()
{
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("ptl-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

inline std::filesystem::path writeScratch(const std::string& name, const std::uint8_t* data, std::size_t size)
{
    const auto p = scratch() / name;
    std::ofstream(p, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return p;
}

// Runs f; a ptl::Error is the reader refusing the input, which is fine.
template <class F>
void refusedOrRead(F&& f)
{
    try {
        f();
    } catch (const ptl::Error&) {
    }
}

} // namespace ptl::fuzz
