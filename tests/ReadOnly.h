#pragma once
// Making a file read-only for a test, as a user's permissions or read-only media would:
// chmod for an ordinary user; for root (whom permissions do not stop) the immutable
// attribute (chattr +i, which needs CAP_LINUX_IMMUTABLE and a filesystem that has it).
// makeReadOnly says whether writing is refused now; undoReadOnly restores it.
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace ptl::testing {

inline bool writable(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND);
    if (fd < 0) return false;
    ::close(fd);
    return true;
}

inline bool makeReadOnly(const std::string& path)
{
    if (::geteuid() == 0)
        std::system(("chattr +i '" + path + "' 2>/dev/null").c_str());
    else
        ::chmod(path.c_str(), 0444);
    return !writable(path);
}

inline void undoReadOnly(const std::string& path)
{
    if (::geteuid() == 0) std::system(("chattr -i '" + path + "' 2>/dev/null").c_str());
    ::chmod(path.c_str(), 0644);
}

} // namespace ptl::testing
