#pragma once
// What ELECTRA's discriminator sees, as plain values: for each token of one sequence the
// original, what the generator put there (if the position was masked), and the
// discriminator's P(replaced); a histogram of P(replaced) over a whole batch for original
// and replaced tokens; the batch's scores. Training stores these as "replaced" snapshots;
// the GUI's replaced-token view draws them.
#include <cstdint>
#include <string>
#include <vector>

namespace ptl {

struct ReplacedToken {
    std::string original;      // the corpus token
    std::string shown;         // what the discriminator read (the sample when masked)
    bool masked = false;       // the generator filled this position
    bool replaced = false;     // label: masked and the sample differs from the original
    float pReplaced = 0.0f;    // discriminator's sigmoid
};

struct ReplacedView {
    std::vector<ReplacedToken> tokens;   // the first sequence of the batch (or the typed text)
    bool labelled = true;                // false for text scored as typed (no ground truth)
    double threshold = 0.5;
    // Histogram of P(replaced) over every real token of the batch, `bins` equal bins on [0, 1].
    int bins = 20;
    std::vector<std::int64_t> histOriginal, histReplaced;
    // Scores over the batch at the threshold.
    std::int64_t batchTokens = 0, replacedCount = 0;
    double accuracy = 0, precision = 0, recall = 0, f1 = 0, auc = 0;
};

std::string replacedToJson(const ReplacedView& v);
// Throws ptl::Error on malformed input.
ReplacedView replacedFromJson(const std::string& json);

} // namespace ptl
