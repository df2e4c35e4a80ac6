// A job spec (the CLI's --config, a run's stored configuration): parsed, validated,
// written back.
#include "FuzzCommon.h"
#include "core/api/JobSpec.h"

#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto j = nlohmann::json::parse(data, data + size, nullptr, false);
    if (j.is_discarded()) return 0;
    ptl::fuzz::refusedOrRead([&] {
        const ptl::JobSpec s = ptl::JobSpec::fromJson(j.contains("config") ? j["config"] : j);
        (void)s.validate();
        (void)s.toJson().dump();
    });
    return 0;
}
