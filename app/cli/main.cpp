// pretrainlab-cli: headless commands over the same core as the workbench.
#include "app/cli/Commands.h"
#include "app/cli/Launch.h"
#include "core/util/Error.h"
#include "core/util/Runtime.h"

#include <c10/util/Exception.h>
#include <csignal>
#include <iostream>
#include <pthread.h>

int main(int argc, char** argv)
{
    ptl::cli::rememberArguments(argc, argv);
    // Pause and resume (SIGUSR1, SIGUSR2; the workbench sends them to a run of several
    // processes) are taken by one thread with sigwait: blocked here, before any thread.
    sigset_t usr;
    sigemptyset(&usr);
    sigaddset(&usr, SIGUSR1);
    sigaddset(&usr, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &usr, nullptr);
    CLI::App app{"PretrainLab command line: pre-train, inspect and compare small transformers"};
    app.set_version_flag("--version", std::string(PTL_VERSION));
    app.require_subcommand(1);
    app.add_option("--threads", ptl::cli::gThreads, "LibTorch intra-op threads (0: every core)");
    ptl::cli::addInit(app);
    ptl::cli::addTokenize(app);
    ptl::cli::addMask(app);
    ptl::cli::addInspect(app);
    ptl::cli::addReplaced(app);
    ptl::cli::addProbe(app);
    ptl::cli::addEvaluate(app);
    ptl::cli::addExperiment(app);
    ptl::cli::addDistill(app);
    ptl::cli::addCompare(app);
    ptl::cli::addFinetune(app);
    ptl::cli::addTasks(app);
    ptl::cli::addPredict(app);
    ptl::cli::addGenerate(app);
    ptl::cli::addFewShot(app);
    ptl::cli::addZeroShot(app);
    ptl::cli::addKnowledge(app);
    ptl::cli::addLesson(app);
    ptl::cli::addVocab(app);
    ptl::cli::addRuns(app);
    ptl::cli::addTrain(app);
    ptl::cli::addResume(app);
    ptl::cli::addBench(app);
    ptl::cli::addConvert(app);
    app.parse_complete_callback([] { ptl::initRuntime(ptl::cli::gThreads); });
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const ptl::Error& e) {
        std::cerr << "error: " << e.message() << "\n";
        if (!e.hint().empty()) std::cerr << "HINT: " << e.hint() << "\n";
        return 1;
    } catch (const c10::Error& e) {
        std::cerr << "error: " << e.what_without_backtrace() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
