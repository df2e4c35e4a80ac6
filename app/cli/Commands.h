#pragma once
// The subcommands of pretrainlab-cli, each registered on the CLI11 app.
#include <CLI/CLI.hpp>

namespace ptl::cli {

void addInit(CLI::App& app);
void addTokenize(CLI::App& app);
void addMask(CLI::App& app);
void addInspect(CLI::App& app);
void addVocab(CLI::App& app);
void addRuns(CLI::App& app);
void addTrain(CLI::App& app);
void addResume(CLI::App& app);
void addBench(CLI::App& app);
void addConvert(CLI::App& app);
void addExperiment(CLI::App& app);
void addDistill(CLI::App& app);
void addCompare(CLI::App& app);
void addReplaced(CLI::App& app);
void addProbe(CLI::App& app);
void addEvaluate(CLI::App& app);
void addFinetune(CLI::App& app);
void addTasks(CLI::App& app);
void addPredict(CLI::App& app);
void addGenerate(CLI::App& app);
void addFewShot(CLI::App& app);
void addZeroShot(CLI::App& app);
void addKnowledge(CLI::App& app);
void addLesson(CLI::App& app);
void addBenchGenerate(CLI::App* bench);

// Set by --threads before any command runs.
extern int gThreads;

} // namespace ptl::cli
