#pragma once
// Teacher against student, measured the same way on the same inputs: parameters (all and
// non-embedding), file size, encoder inference latency, held-out MLM loss and accuracy on
// the bundled corpus, and the student's share of each. Torch-free: the GUI's table and
// the CLI read these.
#include <cstdint>
#include <string>
#include <vector>

namespace ptl {

struct ModelFacts {
    std::string path;
    std::string family;
    int layers = 0, hidden = 0, heads = 0;
    std::int64_t parameters = 0;
    std::int64_t nonEmbeddingParameters = 0;  // everything but token/position/type embeddings and their LayerNorm
    std::int64_t fileBytes = 0;               // model.safetensors
    double latencyMs = 0;                     // median encoder forward of the same input (fp32)
    double mlmLoss = 0, mlmAccuracy = 0;      // held-out, the same masked batches for both
};

struct CompareOptions {
    int batch = 1, tokens = 128;  // the latency input: batch x tokens of bundled-corpus text
    int reps = 20;
    int evalBatches = 8, evalBatchSize = 32, seqLen = 128;
    std::uint64_t seed = 42;
};

struct DistillComparison {
    ModelFacts teacher, student;
    CompareOptions options;
    int evalPositions = 0;  // masked positions scored
    int threads = 0;
};

DistillComparison compareTeacherStudent(const std::string& teacherDir, const std::string& studentDir, const CompareOptions& options = {});

// One layer pair of a teacher and a student on a text: both attention maps and the MSE
// per head (TinyBERT's mapping, or DistilBERT's initialisation layers).
struct AttentionPair {
    int studentLayer = 0, teacherLayer = 0;  // 1-based
    std::vector<std::vector<std::vector<float>>> student, teacher;  // [head][query][key]
    std::vector<double> mse;                                         // per head (attention probabilities)
};

struct AttentionComparison {
    std::vector<std::string> tokens;
    std::vector<AttentionPair> pairs;
};

// mapping: teacher layer (1-based) per student layer; empty: m N / M.
AttentionComparison compareAttention(const std::string& teacherDir, const std::string& studentDir, const std::string& text,
                                     const std::vector<int>& mapping = {});

} // namespace ptl
