#include "core/objectives/CausalLm.h"
#include "core/util/Error.h"

namespace ptl {

std::vector<CausalWindow> packCausal(const std::vector<std::vector<std::vector<int>>>& documents, int seqLen, int eosId)
{
    if (seqLen < 2)
        throw Error("seq_len: must be at least 2 for causal LM (got " + std::to_string(seqLen) + ")");
    if (eosId < 0)
        throw Error("the vocabulary has no <|endoftext|> token", "causal LM needs a byte-level BPE vocabulary with <|endoftext|>");
    std::vector<int> stream;
    for (const auto& doc : documents) {
        for (const auto& s : doc) stream.insert(stream.end(), s.begin(), s.end());
        stream.push_back(eosId);
    }
    std::vector<CausalWindow> out;
    const std::size_t T = static_cast<std::size_t>(seqLen);
    for (std::size_t start = 0; start + T + 1 <= stream.size(); start += T) {
        CausalWindow w;
        w.input.assign(stream.begin() + static_cast<std::ptrdiff_t>(start), stream.begin() + static_cast<std::ptrdiff_t>(start + T));
        w.target.assign(stream.begin() + static_cast<std::ptrdiff_t>(start + 1), stream.begin() + static_cast<std::ptrdiff_t>(start + T + 1));
        out.push_back(std::move(w));
    }
    if (out.empty())
        throw Error("the corpus has " + std::to_string(stream.size()) + " tokens, fewer than one window of " + std::to_string(seqLen + 1),
                    "use a larger corpus or a shorter seq_len");
    return out;
}

} // namespace ptl
