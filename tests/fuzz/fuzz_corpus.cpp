// Corpus text as a user's file: documents, sentences, the held-out split, and WordPiece
// over every document.
#include "FuzzCommon.h"
#include "core/text/Corpus.h"
#include "core/text/WordPiece.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const auto tok = ptl::WordPieceTokenizer::fromVocabFile(std::filesystem::path(PTL_SOURCE_DIR) / "resources/vocab/wordpiece-8192/vocab.txt");
    ptl::fuzz::refusedOrRead([&] {
        const ptl::Corpus c = ptl::parseCorpus(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.txt");
        const auto [train, held] = ptl::splitHeldOut(c, 0.05, 1234);
        for (const auto& d : c.documents)
            for (const auto& s : d.sentences) (void)tok->encode(s);
    });
    return 0;
}
