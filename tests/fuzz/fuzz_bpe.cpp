// A byte-level BPE vocab.json + merges.txt (the input split at its first NUL byte), then
// the tokenizer they make on a fixed text and on the input.
#include "FuzzCommon.h"
#include "core/text/ByteLevelBpe.h"

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto* cut = std::find(data, data + size, std::uint8_t{0});
    const auto vocab = ptl::fuzz::writeScratch("vocab.json", data, static_cast<std::size_t>(cut - data));
    const std::uint8_t* rest = cut == data + size ? cut : cut + 1;
    const auto merges = ptl::fuzz::writeScratch("merges.txt", rest, static_cast<std::size_t>(data + size - rest));
    ptl::fuzz::refusedOrRead([&] {
        const auto tok = ptl::ByteLevelBpeTokenizer::fromFiles(vocab, merges);
        (void)tok->encode("The jury said the election was conducted in a fair manner.");
        (void)tok->encode(std::string(reinterpret_cast<const char*>(data), size));
    });
    return 0;
}
