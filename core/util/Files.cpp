#include "core/util/Files.h"
#include "core/util/Error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <unistd.h>

namespace fs = std::filesystem;

namespace ptl {

static std::string errnoText() { return std::strerror(errno); }

template <typename Container>
static Container readAll(const fs::path& path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw Error("file not found: " + path.string(), "check the path; relative paths are taken from the current folder");
    if (fs::is_directory(path, ec))
        throw Error(path.string() + " is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("cannot open " + path.string() + ": " + errnoText(), "check the file's permissions");
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::size_t>(in.tellg());
    in.seekg(0);
    Container data;
    data.resize(size);
    if (size > 0 && !in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(size)))
        throw Error("cannot read " + path.string() + ": " + errnoText());
    return data;
}

std::string readTextFile(const fs::path& path) { return readAll<std::string>(path); }
std::vector<std::uint8_t> readBinaryFile(const fs::path& path) { return readAll<std::vector<std::uint8_t>>(path); }

void writeFileAtomic(const fs::path& path, std::string_view bytes)
{
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::random_device rd;
    const fs::path tmp = dir / ("." + path.filename().string() + ".tmp" + std::to_string(rd()));
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw Error("cannot write " + path.string() + ": " + errnoText(), "check that the folder exists and is writable");
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const std::string err = errnoText();
            ::close(fd);
            ::unlink(tmp.c_str());
            throw Error("cannot write " + path.string() + ": " + err, "is the disk full? nothing was replaced");
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string err = errnoText();
        ::unlink(tmp.c_str());
        throw Error("cannot flush " + path.string() + ": " + err, "is the disk full? nothing was replaced");
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string err = errnoText();
        ::unlink(tmp.c_str());
        throw Error("cannot rename " + tmp.string() + " to " + path.string() + ": " + err);
    }
}

} // namespace ptl
