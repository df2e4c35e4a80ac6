// GUI speed, measured offscreen:
//  1. event-loop stalls while bert-mini trains on the worker thread: a 5 ms timer probe
//     records how late each tick fires; max and 99th percentile reported;
//  2. curve redraw time with 5 runs x 100,000 points each (adaptive sampling);
//  3. the model view's redraw;
//  4. event-loop stalls while the window opens a store of 200 runs x 100,000 metric rows,
//     lists it, and the user selects one run, then five, then another metric (argv[2] and
//     argv[3] change the store's size; argv[2] = 0 skips it).
// Prints JSON objects.
#include "core/store/RunStore.h"
#include "ui/curves/CurvesPanel.h"
#include "ui/runs/RunsPanel.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/worker/TrainingController.h"
#include "ui/attention/AttentionViews.h"
#include "ui/common/QCustomPlot.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <random>
#include <cmath>
#include <cstdio>
#include <vector>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("PretrainLab-bench"));
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 20;
    const int bigRuns = argc > 2 ? std::atoi(argv[2]) : 200;
    const int bigRows = argc > 3 ? std::atoi(argv[3]) : 100000;
    QTemporaryDir dir;
    const QString store = dir.path() + QStringLiteral("/runs.sqlite");

    // 1. Stalls while training.
    double stallMax = 0, stallP99 = 0, tokensPerSecond = 0;
    int ticks = 0;
    {
        ptl::ui::MainWindow w(store);
        w.resize(1500, 900);
        w.show();
        ptl::JobSpec spec = ptl::JobSpec::fromPreset("bert-mini");
        spec.train.steps = 100000;
        spec.train.eval_every = 20;
        spec.train.probe_every = 10;
        w.controller()->start(spec);
        QElapsedTimer clock;
        auto runFor = [](int ms) {  // an idle event loop, as the application's own
            QEventLoop loop;
            QTimer::singleShot(ms, &loop, &QEventLoop::quit);
            loop.exec();
        };
        while (w.controller()->lastProgress().step < 2) runFor(50);
        std::vector<double> lateness;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        QElapsedTimer last;
        last.start();
        QObject::connect(&probe, &QTimer::timeout, [&] {
            const double dt = last.nsecsElapsed() / 1e6;
            last.restart();
            lateness.push_back(std::max(0.0, dt - 5.0));
        });
        probe.start(5);
        clock.start();
        runFor(seconds * 1000);
        probe.stop();
        tokensPerSecond = w.controller()->lastProgress().tokensPerSecond;
        w.controller()->stop();
        w.controller()->waitUntilFinished();
        std::sort(lateness.begin(), lateness.end());
        ticks = static_cast<int>(lateness.size());
        stallMax = lateness.empty() ? 0 : lateness.back();
        stallP99 = lateness.empty() ? 0 : lateness[static_cast<std::size_t>(0.99 * (lateness.size() - 1))];
    }

    // 2. Redraw of 5 runs x 100k points.
    {
        ptl::RunStore s(dir.path().toStdString() + "/big.sqlite");
        for (int r = 0; r < 5; ++r) {
            const auto id = s.createRun("synthetic " + std::to_string(r), "{}", "bert", "mlm+nsp");
            std::vector<ptl::MetricRow> rows;
            for (int i = 1; i <= 100000; ++i) rows.push_back({i, "loss", 9.0 * std::exp(-i / (20000.0 + 5000 * r)) + 0.05 * std::sin(i * 0.37), i * 0.01});
            s.appendMetrics(id, rows);
            s.setStatus(id, "completed");
        }
    }
    ptl::ui::CurvesPanel curves(dir.path() + QStringLiteral("/big.sqlite"));
    curves.resize(1100, 700);
    curves.show();
    QElapsedTimer load;
    load.start();
    curves.setRuns({1, 2, 3, 4, 5});
    curves.refreshNow();  // the read on this thread, to time it (the GUI reads on a pool thread)
    curves.setMetric(QStringLiteral("loss"));
    const double loadMs = load.nsecsElapsed() / 1e6;
    std::vector<double> redraws;
    for (int i = 0; i < 20; ++i) {
        curves.setSmoothing((i % 10) / 10.0);  // recompute the smoothed series and regraph
        QElapsedTimer t;
        t.start();
        curves.plot()->replot(QCustomPlot::rpImmediateRefresh);
        redraws.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(redraws.begin(), redraws.end());

    // 3. The model view: 12 layers x 12 heads at 128 tokens.
    ptl::AttentionMaps maps(12, std::vector<ptl::Matrix>(12, ptl::Matrix(128, std::vector<float>(128))));
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> u(0, 1);
    for (auto& l : maps)
        for (auto& h : l)
            for (auto& row : h) {
                float sum = 0;
                for (auto& v : row) sum += (v = u(rng) * u(rng));
                for (auto& v : row) v /= sum;
            }
    ptl::ui::ModelView mv;
    mv.resize(1000, 900);
    mv.show();
    QElapsedTimer tData;
    tData.start();
    mv.setData(maps);
    const double setDataMs = tData.nsecsElapsed() / 1e6;
    std::vector<double> paints;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer t;
        t.start();
        const QPixmap frame = mv.grab();  // renders the widget now (repaint() may be a no-op offscreen)
        (void)frame;
        paints.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(paints.begin(), paints.end());
    std::printf("{\"model_view_12x12_128_redraw_median_ms\": %.2f, \"model_view_new_data_ms\": %.2f}\n", paints[paints.size() / 2], setDataMs);
    std::printf("{\"stall_max_ms\": %.2f, \"stall_p99_ms\": %.2f, \"probe_ticks\": %d, \"seconds\": %d, \"training_tokens_per_second\": %.0f, "
                "\"redraw_median_ms\": %.2f, \"redraw_max_ms\": %.2f, \"curve_points\": 500000, \"initial_load_ms\": %.1f}\n",
                stallMax, stallP99, ticks, seconds, tokensPerSecond, redraws[redraws.size() / 2], redraws.back(), loadMs);
    std::fflush(stdout);

    // 4. A big store: the window must stay responsive while it lists and draws it.
    if (bigRuns > 0) {
        const std::string big = dir.path().toStdString() + "/many.sqlite";
        QElapsedTimer made;
        made.start();
        {
            ptl::RunStore s(big);
            const char* names[] = {"loss", "mlm_loss", "nsp_loss", "lr", "grad_norm", "tokens_per_second", "tokens_seen", "flops"};
            for (int r = 0; r < bigRuns; ++r) {
                const auto id = s.createRun("synthetic " + std::to_string(r), "{}", "bert", "mlm+nsp");
                std::vector<ptl::MetricRow> rows;
                rows.reserve(static_cast<std::size_t>(bigRows));
                for (std::int64_t step = 1; static_cast<int>(rows.size()) < bigRows; ++step) {
                    for (const char* n : names) rows.push_back({step, n, 9.0 * std::exp(-step / (2000.0 + 10 * r)) + 0.01 * (step % 7), step * 0.5});
                    if (step % 100 == 0)
                        for (const char* n : {"eval_loss", "eval_mlm_loss"}) rows.push_back({step, n, 5.0 + 100.0 / step, step * 0.5});
                }
                rows.resize(static_cast<std::size_t>(bigRows));
                s.appendMetrics(id, rows);
                s.setStatus(id, "completed");
            }
        }
        const double madeS = made.nsecsElapsed() / 1e9;
        std::vector<double> late;
        double phaseMax[4] = {0, 0, 0, 0};  // listing, one run selected, five runs drawn, another metric
        int phase = 0;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        QElapsedTimer last;
        QObject::connect(&probe, &QTimer::timeout, [&] {
            late.push_back(std::max(0.0, last.nsecsElapsed() / 1e6 - 5.0));
            phaseMax[phase] = std::max(phaseMax[phase], late.back());
            last.restart();
        });
        auto runFor = [](int ms) {
            QEventLoop loop;
            QTimer::singleShot(ms, &loop, &QEventLoop::quit);
            loop.exec();
        };
        QElapsedTimer open;
        open.start();
        ptl::ui::MainWindow w(QString::fromStdString(big));  // opening (and the first listing) happens before the event loop runs
        w.resize(1500, 900);
        w.show();
        const double openMs = open.nsecsElapsed() / 1e6;
        runFor(1000);  // the first paint of any window takes 0.2 s offscreen, with any store: not probed
        last.start();
        probe.start(5);
        runFor(3000);  // the runs list refreshes every second
        phase = 1;
        w.runsPanel()->selectRun(1);
        runFor(3000);
        phase = 2;
        QElapsedTimer shown;
        shown.start();
        w.curves()->setRuns({1, 2, 3, 4, 5});
        w.curves()->setMetric(QStringLiteral("loss"));
        while (w.curves()->loading() && shown.elapsed() < 60000) runFor(5);
        const double fiveMs = shown.nsecsElapsed() / 1e6;
        runFor(2000);
        phase = 3;
        w.curves()->setMetric(QStringLiteral("eval_loss"));
        runFor(3000);
        probe.stop();
        std::sort(late.begin(), late.end());
        std::printf("{\"big_store_runs\": %d, \"rows_per_run\": %d, \"store_made_s\": %.1f, \"window_open_ms\": %.1f, "
                    "\"five_runs_drawn_ms\": %.1f, \"big_store_stall_max_ms\": %.2f, \"big_store_stall_p99_ms\": %.2f, \"probe_ticks\": %zu, "
                    "\"stall_max_ms_listing\": %.2f, \"stall_max_ms_one_run\": %.2f, \"stall_max_ms_five_runs\": %.2f, \"stall_max_ms_metric\": %.2f}\n",
                    bigRuns, bigRows, madeS, openMs, fiveMs, late.empty() ? 0.0 : late.back(),
                    late.empty() ? 0.0 : late[static_cast<std::size_t>(0.99 * (late.size() - 1))], late.size(), phaseMax[0], phaseMax[1],
                    phaseMax[2], phaseMax[3]);
    }
    return 0;
}
