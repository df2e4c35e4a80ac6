// The views' snapshot JSON as the GUI reads it back from a store: attention/inspect,
// dynamics, replaced tokens (the input's first byte picks which).
#include "FuzzCommon.h"
#include "core/api/Dynamics.h"
#include "core/api/Inspect.h"
#include "core/api/Replaced.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    ptl::fuzz::refusedOrRead([&] {
        switch (data[0] % 3) {
        case 0: (void)ptl::inspectToJson(ptl::inspectFromJson(text)); break;
        case 1: (void)ptl::dynamicsToJson(ptl::dynamicsFromJson(text)); break;
        default: (void)ptl::replacedToJson(ptl::replacedFromJson(text)); break;
        }
    });
    return 0;
}
