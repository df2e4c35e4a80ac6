#pragma once
// Parsing "key=value" settings with messages that name the key.
#include <string>
#include <utility>

namespace ptl {

long long parseInteger(const std::string& key, const std::string& value);
double parseNumber(const std::string& key, const std::string& value);
bool parseBool(const std::string& key, const std::string& value);
// Splits "key=value"; throws ptl::Error with an example when there is no '='.
std::pair<std::string, std::string> splitAssignment(const std::string& kv);

} // namespace ptl
