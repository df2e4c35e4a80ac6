#pragma once
// Numbers read from JSON someone else wrote (snapshots, configs, job specs). nlohmann's
// get<int>() casts a float such as 3e102 to int, and get<float>() narrows 1e300: both
// undefined behaviour (the fuzzers found it). Integers come through jsonInteger; a document
// whose floats are not finite or exceed float's range is refused as a whole first.
#include "core/util/Error.h"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace ptl {

// Throws ptl::Error when any float in j is not finite or beyond float's range.
inline void requireFloatRange(const nlohmann::json& j, const std::string& label)
{
    if (j.is_number_float()) {
        const double v = j.get<double>();
        if (!std::isfinite(v) || std::fabs(v) > static_cast<double>(std::numeric_limits<float>::max()))
            throw Error(label + ": the number " + j.dump() + " is out of range", "the file is damaged or was not written by PretrainLab");
        return;
    }
    if (j.is_structured())
        for (const auto& v : j) requireFloatRange(v, label);
}

// v as an integer of type T: a JSON integer in T's range, or a float with no fraction in it.
template <class T>
T jsonInteger(const nlohmann::json& v, const char* what)
{
    const auto bad = [&] {
        return Error(std::string(what) + ": expected a whole number that fits, got " + v.dump().substr(0, 40),
                     "the file is damaged or was not written by PretrainLab");
    };
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<T>::max())) throw bad();
        return static_cast<T>(u);
    }
    if (v.is_number_integer()) {
        const auto i = v.get<std::int64_t>();
        if (i < static_cast<std::int64_t>(std::numeric_limits<T>::min()) || i > static_cast<std::int64_t>(std::numeric_limits<T>::max())) throw bad();
        return static_cast<T>(i);
    }
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (!std::isfinite(d) || d != std::floor(d) || d < static_cast<double>(std::numeric_limits<T>::min()) ||
            d > static_cast<double>(std::numeric_limits<T>::max()))
            throw bad();
        return static_cast<T>(d);
    }
    throw bad();
}

template <class T>
std::vector<T> jsonIntegers(const nlohmann::json& v, const char* what)
{
    if (!v.is_array()) throw Error(std::string(what) + ": expected a list of whole numbers", "the file is damaged or was not written by PretrainLab");
    std::vector<T> out;
    out.reserve(v.size());
    for (const auto& x : v) out.push_back(jsonInteger<T>(x, what));
    return out;
}

} // namespace ptl
