#include "core/util/Error.h"

namespace ptl {

static std::string joined(const std::string& m, const std::string& h)
{
    return h.empty() ? m : m + "\nHINT: " + h;
}

Error::Error(std::string message, std::string hint)
    : std::runtime_error(joined(message, hint)), message_(std::move(message)), hint_(std::move(hint))
{
}

std::string Error::full() const { return what(); }

void require(bool cond, const std::string& message, const std::string& hint)
{
    if (!cond)
        throw Error(message, hint);
}

} // namespace ptl
