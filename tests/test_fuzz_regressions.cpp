// The fuzzers' findings (tests/fuzz/regressions/TARGET/*) and seeds (tests/fuzz/seeds/TARGET/*)
// replayed through the same harnesses in the normal build, so a fixed finding stays fixed:
// every input returns or is refused with ptl::Error, and each finding is refused with a
// message (before its fix it crashed, threw another exception or cast 1e30 to an int).
#include "core/api/Dynamics.h"
#include "core/api/JobSpec.h"
#include "core/api/ModelConfig.h"
#include "core/util/Error.h"
#include "core/util/Files.h"

#include <QtTest>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#define LLVMFuzzerTestOneInput fuzzSafetensors
#include "fuzz/fuzz_safetensors.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzzConfig
#include "fuzz/fuzz_config.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzzJobspec
#include "fuzz/fuzz_jobspec.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzzVocab
#include "fuzz/fuzz_vocab.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzzBpe
#include "fuzz/fuzz_bpe.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzzCorpus
#include "fuzz/fuzz_corpus.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzzSnapshot
#include "fuzz/fuzz_snapshot.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzzStore
#include "fuzz/fuzz_store.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzzWordnet
#include "fuzz/fuzz_wordnet.cpp"
#undef LLVMFuzzerTestOneInput

namespace fs = std::filesystem;
using Harness = int (*)(const std::uint8_t*, std::size_t);

namespace {

const fs::path kFuzz = fs::path(PTL_TEST_DATA).parent_path() / "fuzz";

std::string bytesOf(const fs::path& p) { return ptl::readTextFile(p); }

template <class F>
QString refusal(F&& f)
{
    try {
        f();
    } catch (const ptl::Error& e) {
        return QString::fromStdString(e.full());
    }
    return {};
}

} // namespace

class TestFuzzRegressions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everySeedAndFindingReplays()
    {
        const std::map<std::string, Harness> harness{{"safetensors", fuzzSafetensors}, {"config", fuzzConfig}, {"jobspec", fuzzJobspec},
                                                     {"vocab", fuzzVocab}, {"bpe", fuzzBpe}, {"corpus", fuzzCorpus},
                                                     {"snapshot", fuzzSnapshot}, {"store", fuzzStore}, {"wordnet", fuzzWordnet}};
        int replayed = 0;
        for (const char* kind : {"seeds", "regressions"}) {
            for (const auto& [name, run] : harness) {
                const fs::path dir = kFuzz / kind / name;
                if (!fs::exists(dir)) continue;
                for (const auto& e : fs::directory_iterator(dir)) {
                    const std::string b = bytesOf(e.path());
                    QCOMPARE(run(reinterpret_cast<const std::uint8_t*>(b.data()), b.size()), 0);  // returns: no crash, no stray exception
                    ++replayed;
                }
            }
        }
        qInfo("replayed %d seeds and findings", replayed);
        QVERIFY(replayed >= 20);
    }

    // Each finding is refused with a message that says what is wrong.
    void findingsAreRefusedWithAMessage()
    {
        const std::string snap = bytesOf(kFuzz / "regressions/snapshot/float-to-int-overflow");
        QString m = refusal([&] { ptl::dynamicsFromJson(snap.substr(1)); });
        QVERIFY2(m.contains(QStringLiteral("out of range")) || m.contains(QStringLiteral("whole number")), qPrintable(m));

        const auto cfg = nlohmann::json::parse(bytesOf(kFuzz / "regressions/config/family-not-a-string"));
        m = refusal([&] { ptl::ModelConfig::fromJson(cfg); });
        QVERIFY2(m.contains(QStringLiteral("family")), qPrintable(m));

        const auto job = nlohmann::json::parse(bytesOf(kFuzz / "regressions/jobspec/float-to-int-overflow"));
        m = refusal([&] { ptl::JobSpec::fromJson(job); });
        QVERIFY2(!m.isEmpty(), "a job spec with a number too large for its field was accepted");

        // A GPT config whose n_embd made 4 x n_embd overflow int; and sizes no machine here could hold.
        const auto gpt = nlohmann::json::parse(bytesOf(kFuzz / "regressions/config/gpt-inner-size-overflow"));
        m = refusal([&] { ptl::ModelConfig::fromJson(gpt); });
        QVERIFY2(!m.isEmpty(), "the overflowing GPT config was accepted");
        m = refusal([] { ptl::ModelConfig::fromJson(nlohmann::json::parse(R"({"model_type":"gpt2","n_embd":65600,"n_head":1})")); });
        QVERIFY2(m.contains(QStringLiteral("hidden_size: must be at most")), qPrintable(m));
        m = refusal([] {
            ptl::ModelConfig::fromJson(nlohmann::json::parse(R"({"model_type":"bert","hidden_size":16384,"num_attention_heads":16,"num_hidden_layers":200,"intermediate_size":65536})"));
        });
        QVERIFY2(m.contains(QStringLiteral("million parameters")), qPrintable(m));

        // WordNet: a synset whose word count is 0 was read, and naming it (its first word)
        // threw std::out_of_range past every handler.
        const std::string wn = bytesOf(kFuzz / "regressions/wordnet/synset-without-words");
        fuzzWordnet(reinterpret_cast<const std::uint8_t*>(wn.data()), wn.size());  // writes the twelve files
        m = refusal([] { ptl::WordNet(ptl::fuzz::scratch() / "wordnet", 0); });
        QVERIFY2(m.contains(QStringLiteral("without words")), qPrintable(m));

        // And by hand: an integer field given 1e300, a float field given 1e300.
        m = refusal([] { ptl::ModelConfig::fromJson(nlohmann::json::parse(R"({"model_type":"bert","hidden_size":1e300})")); });
        QVERIFY2(m.contains(QStringLiteral("hidden_size")), qPrintable(m));
        m = refusal([] { ptl::ModelConfig::fromJson(nlohmann::json::parse(R"({"model_type":"bert","layer_norm_eps":1e300})")); });
        QVERIFY2(m.contains(QStringLiteral("layer_norm_eps")), qPrintable(m));
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "test_fuzz_regressions.moc"
