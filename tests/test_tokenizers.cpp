// WordPiece (BERT) and byte-level BPE (GPT-2): known splits, round trips, invalid UTF-8,
// training, file round trips.
#include "core/text/ByteLevelBpe.h"
#include "core/text/Corpus.h"
#include "core/text/WordPiece.h"
#include "core/util/Error.h"

#include <QTemporaryDir>
#include <QtTest>
#include <set>
#include <fstream>

using namespace ptl;

namespace {
using Strings = std::vector<std::string>;

WordPieceTokenizer bertVocab()
{
    return WordPieceTokenizer({"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able", "want", "##want", "##ed",
                               "wa", "runn", "##ing", ",", ".", "hello", "!", "cafe", "中", "国", "?"});
}
} // namespace

class TestTokenizers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void basicTokenizerAsBert()
    {
        WordPieceOptions lower;
        QCOMPARE(WordPieceTokenizer::basicTokenize(" \tHeLLo!how  \n Are yoU?  ", lower), (Strings{"hello", "!", "how", "are", "you", "?"}));
        QCOMPARE(WordPieceTokenizer::basicTokenize("H\u00e9llo", lower), (Strings{"hello"}));          // accents stripped
        WordPieceOptions cased{false, false, 100};
        QCOMPARE(WordPieceTokenizer::basicTokenize("HeLLo H\u00e9llo", cased), (Strings{"HeLLo", "H\u00e9llo"}));
        QCOMPARE(WordPieceTokenizer::basicTokenize("ah\u535A\u63A8zz", lower), (Strings{"ah", "\u535A", "\u63A8", "zz"}));  // CJK split
        QCOMPARE(WordPieceTokenizer::basicTokenize("a\x01" "b\u00adc", lower), (Strings{"abc"}));       // control / format chars dropped
        QCOMPARE(WordPieceTokenizer::basicTokenize("don't 3.5%", lower), (Strings{"don", "'", "t", "3", ".", "5", "%"}));
    }

    void wordPieceKnownSplits()
    {
        auto tok = bertVocab();
        QCOMPARE(tok.tokenize("unaffable"), (Strings{"un", "##aff", "##able"}));
        QCOMPARE(tok.tokenize("UNwanted,running"), (Strings{"un", "##want", "##ed", ",", "runn", "##ing"}));
        QCOMPARE(tok.tokenize("unwantedX"), (Strings{"[UNK]"}));
        QCOMPARE(tok.tokenize("Café 中国"), (Strings{"cafe", "中", "国"}));
        QCOMPARE(tok.tokenize(""), Strings{});
        QCOMPARE(tok.tokenize("hello [MASK]!"), (Strings{"hello", "[MASK]", "!"}));  // specials stay whole
        QCOMPARE(tok.encode("unaffable"), (std::vector<int>{5, 6, 7}));
        QCOMPARE(tok.id("runn"), 12);
    }

    void wordsOverHundredCharsAreUnknown()
    {
        std::vector<std::string> v = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "##a"};
        WordPieceTokenizer tok(v);
        QCOMPARE(tok.tokenize(std::string(100, 'a')).size(), std::size_t(100));
        QCOMPARE(tok.tokenize(std::string(101, 'a')), (Strings{"[UNK]"}));
    }

    void wordPieceDecode()
    {
        auto tok = bertVocab();
        QCOMPARE(tok.decode(tok.encode("unaffable running.")), std::string("unaffable running ."));
        QVERIFY(tok.isContinuation(tok.id("##aff")));
        QVERIFY(!tok.isContinuation(tok.id("un")));
    }

    void invalidUtf8NeverCrashes()
    {
        auto tok = bertVocab();
        const std::string bad = std::string("hello \xff\xfe wa\xc3") + "\x80\x80 \xed\xa0\x80 un";
        const auto pieces = tok.tokenize(bad);
        QVERIFY(!pieces.empty());
        QCOMPARE(pieces.front(), std::string("hello"));
        std::mt19937 rng(1);
        auto bpe = ByteLevelBpeTokenizer::train({"hello world, hello there"}, 300);
        for (int i = 0; i < 500; ++i) {
            std::string s(rng() % 40, '\0');
            for (auto& c : s) c = static_cast<char>(rng());
            tok.tokenize(s);
            QCOMPARE(bpe->decode(bpe->encode(s)), s);  // byte-level: exact even for invalid UTF-8
        }
    }

    void gpt2PreTokenizer()
    {
        QCOMPARE(ByteLevelBpeTokenizer::preTokenize("Hello world! It's 2024..."),
                 (Strings{"Hello", " world", "!", " It", "'s", " 2024", "..."}));
        QCOMPARE(ByteLevelBpeTokenizer::preTokenize("a  b\n\nc   "), (Strings{"a", " ", " b", "\n", "\n", "c", "   "}));
        QCOMPARE(ByteLevelBpeTokenizer::preTokenize("I'll we've they're"), (Strings{"I", "'ll", " we", "'ve", " they", "'re"}));
        QCOMPARE(ByteLevelBpeTokenizer::preTokenize("안녕 세계"), (Strings{"안녕", " 세계"}));
    }

    void bytesToUnicode()
    {
        const auto& t = ByteLevelBpeTokenizer::byteSymbols();
        QCOMPARE(t.size(), std::size_t(256));
        QCOMPARE(t[' '], std::string("\u0120"));  // Ġ
        QCOMPARE(t['A'], std::string("A"));
        QCOMPARE(t['\n'], std::string("\u010a"));  // Ċ
        std::set<std::string> unique(t.begin(), t.end());
        QCOMPARE(unique.size(), std::size_t(256));
    }

    void bpeMergesByRank()
    {
        std::vector<std::string> vocab = ByteLevelBpeTokenizer::byteSymbols();
        for (const char* s : {"lo", "low", "\u0120l", "\u0120lo", "\u0120low", "er", "<|endoftext|>"}) vocab.push_back(s);
        ByteLevelBpeTokenizer tok(vocab, {{"\u0120", "l"}, {"\u0120l", "o"}, {"\u0120lo", "w"}, {"l", "o"}, {"lo", "w"}, {"e", "r"}});
        QCOMPARE(tok.tokenize("lower low"), (Strings{"low", "er", "\u0120low"}));
        QCOMPARE(tok.decode(tok.encode("lower low")), std::string("lower low"));
        // Rank decides: with (l, o) ranked before (Ġ, l), " low" can no longer reach "Ġlow".
        ByteLevelBpeTokenizer other(vocab, {{"l", "o"}, {"lo", "w"}, {"\u0120", "l"}, {"\u0120l", "o"}, {"\u0120lo", "w"}, {"e", "r"}});
        QCOMPARE(other.tokenize(" low"), (Strings{"\u0120", "low"}));
        QCOMPARE(tok.tokenize("a<|endoftext|>b"), (Strings{"a", "<|endoftext|>", "b"}));
        QVERIFY(tok.isContinuation(tok.id("er")));
        QVERIFY(!tok.isContinuation(tok.id("\u0120low")));
    }

    void trainersOnBundledCorpusAndFilesRoundTrip()
    {
        const Corpus corpus = bundledCorpus();
        std::vector<std::string> texts;
        for (std::size_t i = 0; i < corpus.documents.size(); i += 10) {
            std::string d;
            for (const auto& s : corpus.documents[i].sentences) d += s + " ";
            texts.push_back(d);
        }
        QTemporaryDir dir;
        const std::filesystem::path d = dir.path().toStdString();
        WordPieceTokenizer wp(WordPieceTokenizer::train(texts, 2000));
        QCOMPARE(wp.vocabSize(), 2000);
        QCOMPARE(wp.token(0), std::string("[PAD]"));
        QCOMPARE(wp.token(4), std::string("[MASK]"));
        QVERIFY(wp.id("the") >= 0);
        const std::string text = "The jury said it did find that many of Georgia's registration laws are outmoded.";
        const auto ids = wp.encode(text);
        QVERIFY(std::count(ids.begin(), ids.end(), wp.specials().unk) == 0);
        QCOMPARE(wp.decode(ids), std::string("the jury said it did find that many of georgia ' s registration laws are outmoded ."));
        wp.save(d);
        auto wp2 = loadTokenizer(d);
        QCOMPARE(wp2->vocab(), wp.vocab());
        QCOMPARE(wp2->encode(text), ids);

        auto bpe = ByteLevelBpeTokenizer::train(texts, 1000);
        QCOMPARE(bpe->vocabSize(), 1000);
        QCOMPARE(bpe->token(999), std::string("<|endoftext|>"));
        const auto bids = bpe->encode(text);
        QVERIFY(bids.size() < text.size() / 2);  // merges compress
        QCOMPARE(bpe->decode(bids), text);
        const std::filesystem::path b = d / "bpe";
        std::filesystem::create_directories(b);
        bpe->save(b);
        auto bpe2 = loadTokenizer(b);
        QCOMPARE(bpe2->encode(text), bids);
        QVERIFY(bpe2->kind() == TokenizerKind::ByteLevelBpe);
    }

    void bundledVocabulariesLoad()
    {
        auto wp = loadBundledTokenizer(TokenizerKind::WordPiece);
        QCOMPARE(wp->vocabSize(), 8192);
        QCOMPARE(wp->tokenize("unaffable")[0].substr(0, 2), std::string("un"));
        auto bpe = loadBundledTokenizer(TokenizerKind::ByteLevelBpe);
        QCOMPARE(bpe->vocabSize(), 8192);
        const std::string s = "Hello, wörld! 안녕하세요 \xff";
        QCOMPARE(bpe->decode(bpe->encode(s)), s);
    }

    void badVocabFiles()
    {
        QTemporaryDir dir;
        const std::filesystem::path d = dir.path().toStdString();
        std::ofstream(d / "vocab.txt") << "a\nb\n";  // no [UNK]
        QVERIFY_THROWS_EXCEPTION(Error, loadTokenizer(d));
        std::ofstream(d / "vocab.txt") << "[UNK]\na\na\n";  // duplicate
        QVERIFY_THROWS_EXCEPTION(Error, loadTokenizer(d));
        std::filesystem::remove(d / "vocab.txt");
        QVERIFY_THROWS_EXCEPTION(Error, loadTokenizer(d));
        std::ofstream(d / "vocab.json") << "[1, 2]";
        std::ofstream(d / "merges.txt") << "#version: 0.2\n";
        QVERIFY_THROWS_EXCEPTION(Error, loadTokenizer(d));
        std::ofstream(d / "vocab.json") << "{\"a\": 0}";
        std::ofstream(d / "merges.txt") << "#version: 0.2\na b c\n";
        QVERIFY_THROWS_EXCEPTION(Error, loadTokenizer(d));
    }
};

QTEST_GUILESS_MAIN(TestTokenizers)
#include "test_tokenizers.moc"
