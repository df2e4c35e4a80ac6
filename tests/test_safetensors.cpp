// safetensors round trip, and every corruption case yields an error message, never a crash.
#include "core/model/Safetensors.h"
#include "core/util/Error.h"

#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

using namespace ptl;

namespace {

std::vector<std::uint8_t> bytesOf(const std::string& s) { return {s.begin(), s.end()}; }

// A hand-made file: header JSON + data bytes.
std::vector<std::uint8_t> makeFile(const std::string& header, std::size_t dataBytes, std::uint64_t declaredLength = UINT64_MAX)
{
    std::string out;
    const std::uint64_t n = declaredLength == UINT64_MAX ? header.size() : declaredLength;
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
    out += header;
    out.append(dataBytes, '\0');
    return bytesOf(out);
}

void expectError(const std::vector<std::uint8_t>& bytes, const char* needle)
{
    try {
        SafetensorsFile::parse(bytes, "test.safetensors");
        QFAIL(qPrintable(QStringLiteral("expected an error containing '%1'").arg(QString::fromLatin1(needle))));
    } catch (const Error& e) {
        const std::string msg = e.message();
        QVERIFY2(msg.find("test.safetensors") != std::string::npos, msg.c_str());
        QVERIFY2(msg.find(needle) != std::string::npos, msg.c_str());
        QVERIFY(!e.hint().empty());
    }
}

} // namespace

class TestSafetensors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripAllDtypes()
    {
        torch::manual_seed(0);
        NamedTensors in = {
            {"a.f32", torch::randn({3, 4})},
            {"b.f16", torch::randn({5}).to(torch::kFloat16)},
            {"c.bf16", torch::randn({2, 2, 2}).to(torch::kBFloat16)},
            {"d.i64", torch::arange(7, torch::kLong)},
            {"e.empty", torch::zeros({0, 3})},
            {"f.scalar", torch::tensor(3.5f)},
        };
        const std::string bytes = serializeSafetensors(in, {{"format", "pt"}});
        QCOMPARE((8 + bytes[0] + (bytes[1] << 8)) % 8, 0);  // header padded to 8 bytes
        auto f = SafetensorsFile::parse(bytesOf(bytes), "mem");
        QCOMPARE(f.tensors().size(), in.size());
        QCOMPARE(f.metadata().at("format"), std::string("pt"));
        for (const auto& [name, t] : in) {
            auto back = f.tensor(name);
            QCOMPARE(back.scalar_type(), t.scalar_type());
            QCOMPARE(back.sizes().vec(), t.sizes().vec());
            QVERIFY2(torch::equal(back, t), name.c_str());
        }
    }

    void writesAtomicallyToDisk()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/m.safetensors")).toStdString();
        writeSafetensors(path, {{"w", torch::ones({2, 2})}});
        auto f = SafetensorsFile::open(path);
        QVERIFY(torch::equal(f.tensor("w"), torch::ones({2, 2})));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);  // no temporary left behind
    }

    void truncatedBelowHeaderLength() { expectError(bytesOf("abc"), "truncated"); }

    void headerLengthPastEnd() { expectError(makeFile("{}", 0, 1000), "runs past the end"); }

    void nonJsonHeader() { expectError(makeFile("{not json", 0), "not a JSON object"); }

    void headerIsArray() { expectError(makeFile("[1,2]", 0), "not a JSON object"); }

    void truncatedData()
    {
        expectError(makeFile(R"({"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})", 8), "past the data buffer");
    }

    void offsetsBackwards()
    {
        expectError(makeFile(R"({"w":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}})", 8), "run backwards");
    }

    void overlappingOffsets()
    {
        expectError(makeFile(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", 12),
                    "overlap");
    }

    void unindexedBytes()
    {
        expectError(makeFile(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", 8), "belong to no tensor");
    }

    void shapeMismatch()
    {
        expectError(makeFile(R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8), "needs 12 bytes");
    }

    void dtypeMismatch()
    {
        // F64 of 1 element needs 8 bytes, the offsets span 4.
        expectError(makeFile(R"({"w":{"dtype":"F64","shape":[1],"data_offsets":[0,4]}})", 4), "needs 8 bytes");
    }

    void unknownDtype() { expectError(makeFile(R"({"w":{"dtype":"Q7","shape":[1],"data_offsets":[0,4]}})", 4), "unknown dtype"); }

    void negativeShape()
    {
        expectError(makeFile(R"({"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", 4), "not a non-negative integer");
    }

    void hugeShapeDoesNotOverflow()
    {
        expectError(makeFile(R"({"w":{"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,4]}})", 4), "impossibly large");
    }

    void missingFields() { expectError(makeFile(R"({"w":{"dtype":"F32"}})", 0), "needs dtype, shape and data_offsets"); }

    void unsupportedDtypeReadsWithMessage()
    {
        auto f = SafetensorsFile::parse(makeFile(R"({"w":{"dtype":"I32","shape":[1],"data_offsets":[0,4]}})", 4), "test.safetensors");
        QVERIFY_THROWS_EXCEPTION(Error, f.tensor("w"));
        QVERIFY_THROWS_EXCEPTION(Error, f.tensor("nope"));
    }

    void randomCorruptionNeverCrashes()
    {
        // Flip bytes all over a valid file: every outcome is either a valid parse or an Error.
        const std::string good = serializeSafetensors({{"a", torch::randn({4, 4})}, {"b", torch::randn({3})}});
        std::mt19937 rng(7);
        int errors = 0;
        for (int trial = 0; trial < 2000; ++trial) {
            auto bytes = bytesOf(good);
            const int flips = 1 + trial % 4;
            for (int k = 0; k < flips; ++k) bytes[rng() % bytes.size()] = static_cast<std::uint8_t>(rng());
            if (trial % 3 == 0) bytes.resize(rng() % bytes.size());
            try {
                auto f = SafetensorsFile::parse(bytes, "fuzz");
                for (const auto& i : f.tensors()) {
                    try { f.tensor(i.name); } catch (const Error&) { ++errors; }
                }
            } catch (const Error&) {
                ++errors;
            }
        }
        QVERIFY(errors > 100);
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
