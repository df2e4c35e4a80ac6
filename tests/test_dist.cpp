// Data-parallel training (core/dist): the launchers' environments, each rank's share of a
// batch, 2 ranks against 1 process (losses and final weights), a rank killed mid-run, a
// rank with another configuration, and a run resumed with a different number of ranks.
#include "core/api/Job.h"
#include "core/dist/DistEnv.h"
#include "core/dist/Shard.h"
#include "core/model/Safetensors.h"
#include "core/store/RunStore.h"
#include "core/text/Corpus.h"
#include "core/text/Tokenizer.h"
#include "core/train/DataPipeline.h"
#include "core/util/Error.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>
#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

using namespace ptl;
namespace fs = std::filesystem;

namespace {

DistEnv envOf(const std::map<std::string, std::string>& vars)
{
    return parseDistEnv([&](const char* name) -> const char* {
        const auto it = vars.find(name);
        return it == vars.end() ? nullptr : it->second.c_str();
    });
}

bool throwsMentioning(const std::map<std::string, std::string>& vars, const std::string& what)
{
    try {
        envOf(vars);
    } catch (const Error& e) {
        if (e.full().find(what) != std::string::npos) return true;
        qWarning("error without '%s': %s", what.c_str(), e.full().c_str());
        return false;
    }
    return false;
}

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

QStringList tinyArgs(const QString& store, int batch, int steps, const QStringList& extra = {})
{
    QStringList a{QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("bert-tiny"), QStringLiteral("--store"), store};
    for (const QString& kv : QStringList{QStringLiteral("steps=%1").arg(steps), QStringLiteral("batch_size=%1").arg(batch), QStringLiteral("seq_len=64"),
                                         QStringLiteral("start_seq_len=0"), QStringLiteral("log_every=1"), QStringLiteral("eval_every=10"),
                                         QStringLiteral("eval_batches=4"), QStringLiteral("probe_every=1000"), QStringLiteral("checkpoint_every=10"),
                                         QStringLiteral("keep_last=0"), QStringLiteral("warmup_steps=5"), QStringLiteral("precision=fp32"),
                                         QStringLiteral("threads=1"), QStringLiteral("hidden_dropout=0"), QStringLiteral("attention_dropout=0"),
                                         QStringLiteral("embedding_dropout=0"), QStringLiteral("dynamics=false"), QStringLiteral("dist_timeout=20")})
        a << QStringLiteral("--set") << kv;
    return a + extra;
}

// A rank started by hand, as torchrun would.
QProcess* startRank(QObject* parent, const QStringList& args, int rank, int world, int port)
{
    auto* p = new QProcess(parent);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RANK"), QString::number(rank));
    env.insert(QStringLiteral("LOCAL_RANK"), QString::number(rank));
    env.insert(QStringLiteral("WORLD_SIZE"), QString::number(world));
    env.insert(QStringLiteral("LOCAL_WORLD_SIZE"), QString::number(world));
    env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(PTL_CLI_PATH), args);
    return p;
}

std::map<std::int64_t, double> metric(const std::string& store, std::int64_t run, const std::string& name)
{
    std::map<std::int64_t, double> out;
    for (const auto& m : RunStore(store).metrics(run))
        if (m.name == name) out[m.step] = m.value;
    return out;
}

std::string eventMessage(const std::string& store, const std::string& kind)
{
    sqlite3* db = nullptr;
    sqlite3_open(store.c_str(), &db);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT message FROM events WHERE kind = ?", -1, &st, nullptr);
    sqlite3_bind_text(st, 1, kind.c_str(), -1, SQLITE_TRANSIENT);
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

int runCli(const QStringList& args, QString* err = nullptr, int timeoutMs = 900000)
{
    QProcess p;
    p.start(QStringLiteral(PTL_CLI_PATH), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    const QString e = QString::fromUtf8(p.readAllStandardError());
    if (err) *err = e;
    if (p.exitCode() != 0) qWarning("%s", qPrintable(e.right(2000)));
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestDist : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void environmentOfTheLaunchers()
    {
        // None: a single process.
        DistEnv e = envOf({});
        QCOMPARE(e.world, 1);
        QVERIFY(!e.active());
        // torchrun.
        e = envOf({{"RANK", "3"}, {"WORLD_SIZE", "4"}, {"LOCAL_RANK", "1"}, {"LOCAL_WORLD_SIZE", "2"}, {"MASTER_ADDR", "node0"}, {"MASTER_PORT", "29501"}});
        QCOMPARE(e.rank, 3);
        QCOMPARE(e.world, 4);
        QCOMPARE(e.localRank, 1);
        QCOMPARE(e.localWorld, 2);
        QCOMPARE(e.masterAddr, std::string("node0"));
        QCOMPARE(e.masterPort, 29501);
        QCOMPARE(e.launcher, std::string("torchrun"));
        QVERIFY(!e.agentStore);
        e = envOf({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "a"}, {"MASTER_PORT", "1"}, {"TORCHELASTIC_USE_AGENT_STORE", "True"},
                   {"GLOO_SOCKET_IFNAME", "eth1"}});
        QVERIFY(e.agentStore);
        QCOMPARE(e.ifname, std::string("eth1"));
        // Open MPI, with PyTorch's default port when MASTER_PORT is not passed.
        e = envOf({{"OMPI_COMM_WORLD_RANK", "1"}, {"OMPI_COMM_WORLD_SIZE", "2"}, {"OMPI_COMM_WORLD_LOCAL_RANK", "0"},
                   {"OMPI_COMM_WORLD_LOCAL_SIZE", "1"}, {"MASTER_ADDR", "10.0.0.1"}});
        QCOMPARE(e.rank, 1);
        QCOMPARE(e.world, 2);
        QCOMPARE(e.launcher, std::string("mpirun"));
        QCOMPARE(e.masterPort, 29500);
        // MPICH / Intel MPI / Slurm.
        e = envOf({{"PMI_RANK", "2"}, {"PMI_SIZE", "3"}, {"MPI_LOCALRANKID", "0"}, {"MASTER_ADDR", "h"}, {"MASTER_PORT", "4000"}});
        QCOMPARE(e.rank, 2);
        QCOMPARE(e.launcher, std::string("pmi"));
        // torchrun's and mpirun's variables together must agree.
        e = envOf({{"RANK", "1"}, {"WORLD_SIZE", "2"}, {"OMPI_COMM_WORLD_RANK", "1"}, {"OMPI_COMM_WORLD_SIZE", "2"}, {"MASTER_ADDR", "h"}, {"MASTER_PORT", "2"}});
        QCOMPARE(e.rank, 1);
        // A single rank needs no master.
        QCOMPARE(envOf({{"RANK", "0"}, {"WORLD_SIZE", "1"}}).world, 1);

        // What is missing or inconsistent is named.
        QVERIFY(throwsMentioning({{"WORLD_SIZE", "2"}}, "RANK is not"));
        QVERIFY(throwsMentioning({{"RANK", "0"}}, "WORLD_SIZE is not"));
        QVERIFY(throwsMentioning({{"RANK", "2"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "h"}, {"MASTER_PORT", "1"}}, "rank 2 is outside 0..1"));
        QVERIFY(throwsMentioning({{"RANK", "x"}, {"WORLD_SIZE", "2"}}, "RANK='x' is not a whole number"));
        QVERIFY(throwsMentioning({{"RANK", "0"}, {"WORLD_SIZE", "0"}}, "world size is 0"));
        QVERIFY(throwsMentioning({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_PORT", "29500"}}, "MASTER_ADDR is not set"));
        QVERIFY(throwsMentioning({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "h"}}, "MASTER_PORT is not set"));
        QVERIFY(throwsMentioning({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "h"}, {"MASTER_PORT", "70000"}}, "is not a TCP port"));
        QVERIFY(throwsMentioning({{"RANK", "1"}, {"WORLD_SIZE", "2"}, {"OMPI_COMM_WORLD_RANK", "0"}, {"OMPI_COMM_WORLD_SIZE", "2"}}, "disagree on the rank"));
        QVERIFY(throwsMentioning({{"OMPI_COMM_WORLD_RANK", "0"}}, "OMPI_COMM_WORLD_SIZE"));
        QVERIFY(throwsMentioning({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"LOCAL_WORLD_SIZE", "3"}, {"MASTER_ADDR", "h"}, {"MASTER_PORT", "1"}}, "LOCAL_WORLD_SIZE"));
    }

    // The union of N ranks' shares is the single-process batch, for N = 1, 2, 3.
    void shardsCoverTheBatch()
    {
        JobSpec spec = JobSpec::fromPreset("bert-tiny");
        spec.train.batch_size = 12;
        spec.train.seq_len = 64;
        const auto tok = loadBundledTokenizer(spec.tokenizer);
        const DataPipeline data(spec, *tok, bundledCorpus());
        for (std::int64_t index : {0, 7}) {
            const Batch whole = data.trainBatch(index);
            for (int world : {1, 2, 3}) {
                std::vector<torch::Tensor> ids, labels, types, pairs;
                std::int64_t tokens = 0;
                std::size_t decisions = 0;
                double shares = 0;
                for (int r = 0; r < world; ++r) {
                    const Batch s = shardBatch(whole, r, world);
                    shares += s.tokenShare;
                    // The share is this shard's predicted tokens over the batch's, times the ranks.
                    QCOMPARE(s.tokenShare, static_cast<double>(s.labels.ne(-100).sum().item<std::int64_t>()) * world /
                                               static_cast<double>(whole.labels.ne(-100).sum().item<std::int64_t>()));
                    QCOMPARE(s.ids.size(0), std::int64_t(12 / world));
                    ids.push_back(s.ids);
                    labels.push_back(s.labels);
                    types.push_back(s.typeIds);
                    pairs.push_back(s.pairLabels);
                    tokens += s.tokens;
                    decisions += s.decisions.size();
                    if (!s.decisions.empty()) {
                        const auto& d = s.decisions.front();
                        const auto& w = whole.decisions[static_cast<std::size_t>(r * 12 / world)];
                        QCOMPARE(d.size(), w.size());
                        for (std::size_t k = 0; k < d.size(); ++k) QCOMPARE(d[k].position, w[k].position);
                    }
                }
                QVERIFY(torch::equal(torch::cat(ids), whole.ids));
                QVERIFY(torch::equal(torch::cat(labels), whole.labels));
                QVERIFY(torch::equal(torch::cat(types), whole.typeIds));
                QVERIFY(torch::equal(torch::cat(pairs), whole.pairLabels));
                QCOMPARE(tokens, whole.tokens);
                QCOMPARE(decisions, whole.decisions.size());
                QVERIFY(std::abs(shares - world) < 1e-9);
            }
        }
        // A batch of several rows per example (multiple choice: 4 rows each) splits by example.
        Batch mc;
        mc.ids = torch::arange(24 * 5, torch::kInt64).view({24, 5});
        mc.attentionMask = torch::ones({24, 5}, torch::kInt64);
        mc.classLabels = torch::arange(6, torch::kInt64);
        mc.readout = torch::arange(24, torch::kInt64);
        mc.examples = {10, 11, 12, 13, 14, 15};
        const Batch half = shardBatch(mc, 1, 2);
        QCOMPARE(half.ids.size(0), std::int64_t(12));
        QVERIFY(torch::equal(half.ids, mc.ids.slice(0, 12, 24)));
        QVERIFY(torch::equal(half.classLabels, torch::tensor({3, 4, 5}, torch::kInt64)));
        QVERIFY(torch::equal(half.readout, mc.readout.slice(0, 12, 24)));
        QCOMPARE(half.examples, (std::vector<int>{13, 14, 15}));
        QCOMPARE(half.tokens, std::int64_t(60));
        // An uneven split is refused with what to change.
        bool refused = false;
        try {
            shardBatch(mc, 0, 4);
        } catch (const Error& e) {
            refused = e.hint().find("multiple of the number of processes") != std::string::npos;
        }
        QVERIFY(refused);
    }

    // 2 ranks x 16 sequences against 1 process x 32: the same losses for 20 steps and the
    // same final weights, within fp32 summation order.
    void twoRanksTrainAsOneProcess()
    {
        QTemporaryDir dir;
        const QString one = dir.filePath(QStringLiteral("one.sqlite")), two = dir.filePath(QStringLiteral("two.sqlite"));
        QString err;
        QCOMPARE(runCli(tinyArgs(one, 32, 20, {QStringLiteral("--out"), dir.filePath(QStringLiteral("one"))})), 0);
        QCOMPARE(runCli(tinyArgs(two, 32, 20, {QStringLiteral("--nproc"), QStringLiteral("2"), QStringLiteral("--out"), dir.filePath(QStringLiteral("two"))}), &err), 0);
        QVERIFY2(err.contains(QStringLiteral("starting 2 processes")), qPrintable(err));
        const auto a = metric(one.toStdString(), 1, "loss"), b = metric(two.toStdString(), 1, "loss");
        QCOMPARE(a.size(), std::size_t(20));
        QCOMPARE(b.size(), std::size_t(20));
        double worst = 0;
        for (const auto& [step, loss] : a) worst = std::max(worst, std::abs(loss - b.at(step)) / loss);
        // Held-out evaluation, sharded over the ranks and reduced.
        const auto ea = metric(one.toStdString(), 1, "eval_mlm_loss"), eb = metric(two.toStdString(), 1, "eval_mlm_loss");
        QCOMPARE(ea.size(), eb.size());
        double evalWorst = 0;
        for (const auto& [step, loss] : ea) evalWorst = std::max(evalWorst, std::abs(loss - eb.at(step)) / loss);
        const auto wa = SafetensorsFile::open(dir.filePath(QStringLiteral("one/checkpoint-20/model.safetensors")).toStdString());
        const auto wb = SafetensorsFile::open(dir.filePath(QStringLiteral("two/checkpoint-20/model.safetensors")).toStdString());
        // Equal up to fp32 summation order: each rank's token loss is weighted by its share of
        // the batch's predicted tokens (Batch::tokenShare), so the mean over ranks is the batch's.
        double weights = 0, sum = 0;
        std::int64_t count = 0;
        for (const auto& info : wa.tensors()) {
            const auto d = (wa.tensor(info.name).to(torch::kFloat32) - wb.tensor(info.name).to(torch::kFloat32)).abs();
            weights = std::max(weights, d.max().item<double>());
            sum += d.sum().item<double>();
            count += d.numel();
        }
        const double meanWeights = sum / static_cast<double>(count);
        qInfo("2 ranks x 16 against 1 x 32, 20 steps: largest relative loss difference %.3g, eval loss %.3g; weights: largest difference %.3g, mean %.3g",
              worst, evalWorst, weights, meanWeights);
        QVERIFY2(worst < 1e-5, "the losses of 2 ranks and of 1 process differ by more than 1e-5 (relative)");
        QVERIFY2(evalWorst < 1e-5, "the held-out losses differ by more than 1e-5 (relative)");
        QVERIFY2(weights < 1e-4, "a final weight differs by more than 1e-4");
        QVERIFY2(meanWeights < 1e-6, "the final weights differ by more than 1e-6 on average");
        // Rank 0 alone wrote the store: one run, one loss row a step, an event that says how.
        QCOMPARE(RunStore(two.toStdString()).listRuns().size(), std::size_t(1));
        QVERIFY(eventMessage(two.toStdString(), "data-parallel").find("2 processes") != std::string::npos);
    }

    // A rank killed mid-run ends the run as interrupted on the other, naming it; the run
    // resumes with another number of ranks and completes.
    void aKilledRankInterruptsAndTheRunResumes()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("runs.sqlite"));
        const int port = freePort();
        const QStringList args = tinyArgs(store, 8, 150, {QStringLiteral("--json"), QStringLiteral("--out"), dir.filePath(QStringLiteral("run"))});
        QObject owner;
        QProcess* r0 = startRank(&owner, args, 0, 2, port);
        QProcess* r1 = startRank(&owner, args, 1, 2, port);
        QVERIFY(r0->waitForStarted() && r1->waitForStarted());
        // Wait for step 20 (two checkpoints), then kill rank 1 without warning.
        bool ready = false;
        QByteArray out;
        for (int i = 0; i < 1200 && !ready; ++i) {
            r0->waitForReadyRead(100);
            out += r0->readAllStandardOutput();
            ready = fs::exists(dir.filePath(QStringLiteral("run/checkpoint-20")).toStdString());
        }
        QVERIFY2(ready, r0->readAllStandardError().constData());
        ::kill(static_cast<pid_t>(r1->processId()), SIGKILL);
        QVERIFY(r1->waitForFinished(10000));
        QElapsedTimer t;
        t.start();
        QVERIFY2(r0->waitForFinished(60000), "rank 0 did not end after rank 1 died");
        qInfo("rank 0 ended %.1f s after rank 1 was killed", t.elapsed() / 1000.0);
        QCOMPARE(r0->exitCode(), 1);
        {
            RunStore s(store.toStdString());
            const auto run = s.run(1);
            QVERIFY(run);
            QCOMPARE(run->status, std::string("interrupted"));
            QVERIFY2(run->message.find("rank 1") != std::string::npos, run->message.c_str());
            QVERIFY2(run->message.find("resume") != std::string::npos, run->message.c_str());
        }
        // Resumed by one process (the data position is global), it completes.
        QString err;
        QCOMPARE(runCli({QStringLiteral("resume"), QStringLiteral("1"), QStringLiteral("--store"), store, QStringLiteral("--nproc"), QStringLiteral("1")}, &err), 0);
        RunStore s(store.toStdString());
        QCOMPARE(s.run(1)->status, std::string("completed"));
        const auto losses = metric(store.toStdString(), 1, "loss");
        QCOMPARE(losses.size(), std::size_t(150));  // one row a step, none lost or doubled
        QVERIFY(losses.rbegin()->second < losses.begin()->second);
    }

    // A rank that hangs (stopped with SIGSTOP) ends the run on the other after dist_timeout,
    // naming it; the run resumes with 2 ranks again.
    void aHungRankTimesOut()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("runs.sqlite"));
        const int port = freePort();
        const QStringList args = tinyArgs(store, 8, 40, {QStringLiteral("--set"), QStringLiteral("dist_timeout=5"), QStringLiteral("--out"), dir.filePath(QStringLiteral("run"))});
        QObject owner;
        QProcess* r0 = startRank(&owner, args, 0, 2, port);
        QProcess* r1 = startRank(&owner, args, 1, 2, port);
        bool ready = false;
        for (int i = 0; i < 1200 && !ready; ++i) {
            r0->waitForReadyRead(100);
            ready = fs::exists(dir.filePath(QStringLiteral("run/checkpoint-10")).toStdString());
        }
        QVERIFY(ready);
        ::kill(static_cast<pid_t>(r1->processId()), SIGSTOP);
        QElapsedTimer t;
        t.start();
        QVERIFY2(r0->waitForFinished(60000), "rank 0 did not end while rank 1 hung");
        const double waited = t.elapsed() / 1000.0;
        ::kill(static_cast<pid_t>(r1->processId()), SIGKILL);
        r1->waitForFinished(10000);
        qInfo("rank 0 ended %.1f s after rank 1 hung (dist_timeout 5 s)", waited);
        QVERIFY(waited < 30);
        {
            const auto run = RunStore(store.toStdString()).run(1);
            QCOMPARE(run->status, std::string("interrupted"));
            QVERIFY2(run->message.find("rank 1 (it stopped answering") != std::string::npos, run->message.c_str());
        }
        QCOMPARE(runCli({QStringLiteral("resume"), QStringLiteral("1"), QStringLiteral("--store"), store, QStringLiteral("--nproc"), QStringLiteral("2")}), 0);
        QCOMPARE(RunStore(store.toStdString()).run(1)->status, std::string("completed"));
        QCOMPARE(metric(store.toStdString(), 1, "loss").size(), std::size_t(40));
    }

    // A rank that cannot start (its corpus is missing) stops the others at once, named.
    void aRankThatCannotStartStopsTheOthers()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("runs.sqlite"));
        const int port = freePort();
        QObject owner;
        QElapsedTimer t;
        t.start();
        QProcess* r0 = startRank(&owner, tinyArgs(store, 8, 50), 0, 2, port);
        QProcess* r1 = startRank(&owner, tinyArgs(dir.filePath(QStringLiteral("other.sqlite")), 8, 50, {QStringLiteral("--corpus"), QStringLiteral("/nonexistent/corpus.txt")}), 1, 2, port);
        QVERIFY(r0->waitForFinished(120000) && r1->waitForFinished(120000));
        qInfo("both ranks ended %.1f s after they started", t.elapsed() / 1000.0);
        QCOMPARE(r0->exitCode(), 1);
        QCOMPARE(r1->exitCode(), 1);
        const QString e0 = QString::fromUtf8(r0->readAllStandardError());
        QVERIFY2(e0.contains(QStringLiteral("rank 1 could not start")) && e0.contains(QStringLiteral("corpus")), qPrintable(e0));
        QVERIFY(RunStore(store.toStdString()).listRuns().empty());
    }

    // A rank whose configuration differs is refused at start, on every rank, with the field.
    void aMismatchedRankIsRefused()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("runs.sqlite"));
        const int port = freePort();
        QObject owner;
        QProcess* r0 = startRank(&owner, tinyArgs(store, 8, 50), 0, 2, port);
        QProcess* r1 = startRank(&owner, tinyArgs(dir.filePath(QStringLiteral("other.sqlite")), 8, 50, {QStringLiteral("--set"), QStringLiteral("lr=0.01")}), 1, 2, port);
        QVERIFY(r0->waitForFinished(120000) && r1->waitForFinished(120000));
        QCOMPARE(r0->exitCode(), 1);
        QCOMPARE(r1->exitCode(), 1);
        const QString e1 = QString::fromUtf8(r1->readAllStandardError()), e0 = QString::fromUtf8(r0->readAllStandardError());
        QVERIFY2(e1.contains(QStringLiteral("/train/lr")) && e1.contains(QStringLiteral("rank 1")), qPrintable(e1));
        QVERIFY2(e0.contains(QStringLiteral("differs from rank 0")), qPrintable(e0));
        QVERIFY(RunStore(store.toStdString()).listRuns().empty());  // nothing was recorded
    }
};

QTEST_GUILESS_MAIN(TestDist)
#include "test_dist.moc"
