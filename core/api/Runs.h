#pragma once
// The run store as the GUI sees it: plain values, no SQLite or torch types.
#include <cstdint>
#include <string>
#include <vector>

namespace ptl {

struct RunSummary {
    std::int64_t id = 0;
    std::string name;
    std::string family;
    std::string objective;
    std::string status;
    std::int64_t lastStep = 0;
    std::string createdAt;
    std::string finishedAt;
};

std::string defaultStorePath();
// Opens (creating if needed) the store and lists its runs. Throws ptl::Error.
std::vector<RunSummary> listRuns(const std::string& storePath);

} // namespace ptl
