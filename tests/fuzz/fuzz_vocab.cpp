// A WordPiece vocab.txt, then the tokenizer it makes on a fixed text and on the input.
#include "FuzzCommon.h"
#include "core/text/WordPiece.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = ptl::fuzz::writeScratch("vocab.txt", data, size);
    ptl::fuzz::refusedOrRead([&] {
        const auto tok = ptl::WordPieceTokenizer::fromVocabFile(path);
        (void)tok->encode("The jury said the [MASK] was conducted in a fair manner .");
        (void)tok->encode(std::string(reinterpret_cast<const char*>(data), size));
    });
    return 0;
}
