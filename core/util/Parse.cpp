#include "core/util/Parse.h"
#include "core/util/Error.h"

#include <stdexcept>

namespace ptl {

long long parseInteger(const std::string& key, const std::string& value)
{
    try {
        std::size_t pos = 0;
        const long long v = std::stoll(value, &pos);
        if (pos == value.size()) return v;
    } catch (const std::exception&) {
    }
    throw Error(key + ": expected a whole number, got '" + value + "'");
}

double parseNumber(const std::string& key, const std::string& value)
{
    try {
        std::size_t pos = 0;
        const double v = std::stod(value, &pos);
        if (pos == value.size()) return v;
    } catch (const std::exception&) {
    }
    throw Error(key + ": expected a number, got '" + value + "'");
}

bool parseBool(const std::string& key, const std::string& value)
{
    if (value == "true" || value == "1") return true;
    if (value == "false" || value == "0") return false;
    throw Error(key + ": expected true or false, got '" + value + "'");
}

std::pair<std::string, std::string> splitAssignment(const std::string& kv)
{
    const auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0)
        throw Error("--set " + kv + ": expected key=value", "e.g. --set steps=300");
    return {kv.substr(0, eq), kv.substr(eq + 1)};
}

} // namespace ptl
