// safetensors: the header (JSON) and every tensor it names, read from arbitrary bytes.
#include "FuzzCommon.h"
#include "core/model/Safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    ptl::fuzz::refusedOrRead([&] {
        const auto f = ptl::SafetensorsFile::parse(std::vector<std::uint8_t>(data, data + size), "fuzz.safetensors");
        for (const auto& info : f.tensors()) {
            const torch::Tensor t = f.tensor(info.name);
            if (t.numel() > 0) (void)t.to(torch::kFloat32).sum().item<double>();
        }
    });
    return 0;
}
