// config.json of every family (BERT, GPT-2, ALBERT, ELECTRA, DistilBERT, ERNIE), then the
// validation every loader runs on it.
#include "FuzzCommon.h"
#include "core/api/ModelConfig.h"

#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto j = nlohmann::json::parse(data, data + size, nullptr, false);
    if (j.is_discarded()) return 0;  // not JSON: the loaders say so before this
    ptl::fuzz::refusedOrRead([&] {
        const ptl::ModelConfig c = ptl::ModelConfig::fromJson(j);
        (void)c.validate();
        (void)c.toJson().dump();
    });
    return 0;
}
