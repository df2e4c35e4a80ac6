// The WordNet 3.0 files (core/knowledge/WordNet.cpp) as a damaged or foreign installation
// would give them: the input is the twelve files (data.*, index.*, *.exc of noun, verb,
// adj, adv) one after another, each ended by a line "=====". The folder is read with no
// minimum of synsets, then every synset is named and its relations and lemmas looked up,
// as the grounding and the knowledge views do.
#include "FuzzCommon.h"
#include "core/knowledge/WordNet.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const char* files[] = {"data.noun", "index.noun", "noun.exc", "data.verb", "index.verb", "verb.exc",
                                  "data.adj",  "index.adj",  "adj.exc",  "data.adv",  "index.adv",  "adv.exc"};
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const auto dir = ptl::fuzz::scratch() / "wordnet";
    std::filesystem::create_directories(dir);
    std::size_t pos = 0;
    for (const char* f : files) {
        std::size_t end = in.find("\n=====\n", pos);
        const std::string_view part = pos <= in.size() ? in.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos + 1)
                                                       : std::string_view();
        std::ofstream(dir / f, std::ios::binary | std::ios::trunc).write(part.data(), static_cast<std::streamsize>(part.size()));
        pos = end == std::string_view::npos ? in.size() + 1 : end + 7;
    }
    ptl::fuzz::refusedOrRead([&] {
        const ptl::WordNet wn(dir, 0);
        for (int i = 0; i < static_cast<int>(wn.synsets().size()); ++i) {
            const std::string name = wn.name(i);
            (void)wn.byName(name);
            for (const auto& p : wn.synset(i).pointers) (void)wn.related(p.target, ptl::wnInverse(p.symbol));
            (void)wn.synset(i).definition();
            (void)wn.synset(i).examples();
            (void)wn.isInstance(i);
            for (const auto& w : wn.synset(i).words) {
                (void)wn.lemmatise(w + "s", wn.synset(i).pos);
                (void)wn.lookup(w);
            }
        }
    });
    return 0;
}
